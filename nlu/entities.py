"""All the entities of a free text, with spans; and personal data stripped for storage.

Entity types and values: id_number (str, valid checksum only), phone (str), birth_date
(datetime.date; a missing month or day is the first; other dates are type `date`), age (int), count (int), amount
(nlu.numbers.Amount), region (RegionId), item (ItemId), relation (relation enum id),
dont_know (True), yes_no (bool). Spans never overlap: earlier types in that list win.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from nlu.answers import find_dont_know, find_yes_no, parse_choice
from nlu.dates import DateParts, find_ages, find_birth_years, find_dates
from nlu.idcard import BANK_CARD_RE, ID_RE, find_phones, parse_id_number
from nlu.lexicon import Match, match_items, match_regions, match_relations
from nlu.numbers import Found, find_amounts, find_counts
from nlu.numerals import normalize_digits
from nlu.types import Entity

__all__ = ["extract_entities", "parse_choice", "strip_personal_data"]

_LONG_NUMBER = re.compile(r"(?<![\dXx])\d{12,}[Xx]?(?![\d])")
_MONEY_WORDS = re.compile(
    r"收入|存款|工资|退休金|养老金|存了|积蓄|储蓄|理财|赚|挣|薪|低保金|补贴|补助|房租|租金|欠|负债|"
    r"债|借了|贷款|医药费|看病花|花了|花费|自付|报销|进账|余额|资产|现金"
)
_BIRTH_WORDS = re.compile(r"出生|生日|生的|生人|属|年的|身份证")
_BIRTH_AFTER = re.compile(r"\s*(?:出生|生|的|属)")
_CLAUSE = re.compile(r"[^，。；！？,;!?\n]+")
_NEAR_BEFORE = 10
_NEAR_AFTER = 6


class _Spans:
    """Claimed spans; a new entity may not overlap an earlier one."""

    def __init__(self) -> None:
        self._taken: list[tuple[int, int]] = []

    def claim(self, start: int, end: int) -> bool:
        if any(start < e and s < end for s, e in self._taken):
            return False
        self._taken.append((start, end))
        return True


def _add(
    out: list[Entity], spans: _Spans, text: str, kind: str, found: Iterable[Found | Match]
) -> None:
    for f in found:
        if isinstance(f, Match):
            value: object = f.id
            estimate = False
        else:
            value, estimate = f.value, f.is_estimate
        if spans.claim(f.start, f.end):
            out.append(Entity(kind, value, text[f.start : f.end], f.start, f.end, estimate))


def _dates(text: str, today: date) -> tuple[list[Found], list[Found]]:
    """(birth dates, other dates): a date is a birth date when its clause speaks of birth."""
    years = [f for f in find_birth_years(text, today) if _BIRTH_AFTER.match(text, f.end)]
    births: list[Found] = []
    others: list[Found] = []
    for f in find_dates(text, today) + years:
        if not isinstance(f.value, DateParts):
            continue
        clause = _CLAUSE.search(text, f.start)
        is_birth = f in years or bool(clause and _BIRTH_WORDS.search(clause.group()))
        (births if is_birth else others).append(Found(f.value.to_date(), f.start, f.end))
    return births, others


def extract_entities(text: str, today: date | None = None) -> list[Entity]:
    """Every entity of the text, in order of position."""
    today = today or date.today()
    text = normalize_digits(text)
    out: list[Entity] = []
    spans = _Spans()
    for m in ID_RE.finditer(text):
        card = parse_id_number(m.group(), today)
        spans.claim(m.start(), m.end())
        if card is not None:
            out.append(Entity("id_number", card.number, m.group(), m.start(), m.end()))
    _add(out, spans, text, "phone", (Found(p.number, p.start, p.end) for p in find_phones(text)))
    for m in BANK_CARD_RE.finditer(text):
        spans.claim(m.start(), m.end())  # never read a card number as an amount
    births, other_dates = _dates(text, today)
    _add(out, spans, text, "birth_date", births)
    _add(out, spans, text, "date", other_dates)
    _add(out, spans, text, "age", find_ages(text, today))
    _add(out, spans, text, "count", find_counts(text))
    _add(out, spans, text, "amount", find_amounts(text))
    _add(out, spans, text, "region", match_regions(text))
    _add(out, spans, text, "item", match_items(text))
    _add(out, spans, text, "relation", match_relations(text))
    dont_know = find_dont_know(text)
    _add(out, spans, text, "dont_know", [dont_know] if dont_know else [])
    yes_no = find_yes_no(text)
    if yes_no is not None and _stands_alone(text, yes_no):
        _add(out, spans, text, "yes_no", [yes_no])
    return sorted(out, key=lambda e: e.start)


def _stands_alone(text: str, found: Found) -> bool:
    """A yes/no word that is (nearly) its whole clause: "是的，…" but not "我是甘肃的"."""
    for clause in _CLAUSE.finditer(text):
        if clause.start() <= found.start < clause.end():
            return found.start - clause.start() <= 3 and clause.end() - found.end <= 2
    return True


def _money_nearby(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - _NEAR_BEFORE) : start]
    after = text[end : end + _NEAR_AFTER]
    return bool(_MONEY_WORDS.search(before) or _MONEY_WORDS.search(after))


def strip_personal_data(text: str) -> str:
    """The text with ID numbers, phones, bank cards, other long numbers and amounts near
    income or savings words replaced by placeholders ([身份证号], [电话], [银行卡号], [号码],
    [金额]). Service numbers such as 12345 are kept: they are not personal."""
    text = normalize_digits(text)
    replacements: list[tuple[int, int, str]] = []
    spans = _Spans()

    def put(start: int, end: int, placeholder: str) -> None:
        if spans.claim(start, end):
            replacements.append((start, end, placeholder))

    for m in ID_RE.finditer(text):
        put(m.start(), m.end(), "[身份证号]")
    for phone in find_phones(text):
        if phone.kind != "service":
            put(phone.start, phone.end, "[电话]")
    for m in BANK_CARD_RE.finditer(text):
        put(m.start(), m.end(), "[银行卡号]")
    for m in _LONG_NUMBER.finditer(text):
        put(m.start(), m.end(), "[号码]")
    for found in find_amounts(text):
        if _money_nearby(text, found.start, found.end):
            put(found.start, found.end, "[金额]")
    for start, end, placeholder in sorted(replacements, reverse=True):
        text = text[:start] + placeholder + text[end:]
    return text
