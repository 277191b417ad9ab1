"""The query side of KB retrieval: region names cut out, synonyms applied, items and aspects."""

from __future__ import annotations

import re
from collections.abc import Collection

from nlu.facts import received_spans
from nlu.lexicon import find_items, match_regions, region_apps
from nlu.numerals import ages_in_digits
from nlu.retrieval_types import Analysed
from nlu.synonyms import SynonymTable, table
from nlu.tokenize import normalize, tokenize


def without_regions(text: str) -> tuple[str, str | None]:
    """The text with region names cut out (the region weighting handles them), and the first.
    A region's own service named after it stays (爱山东, 我的宁夏: the app, not the place)."""
    found = match_regions(text)
    if not found:
        return text, None
    apps = region_apps()
    parts, last = [], 0
    for m in found:
        if m.text in apps:
            continue
        parts.append(text[last : m.start])
        last = m.end
    parts.append(text[last:])
    return " ".join(parts), found[0].id


# An age of eighty or more, as the KB's 高龄 (高龄津贴 is for 80 and over): "80岁", and the spoken
# "八十好几了", "九十了", "过了八十", "八十三了" (not 八十块, 八十平).
_OLD_AGE = re.compile(
    r"(?<![0-9])(?:[89][0-9]|1[01][0-9])岁|(?:八|九)十(?:[一二三四五六七八九]|多|好几|几)?"
    r"(?=[了岁多周的,，。？?\s]|$)|一百(?:零?[一二三四五六七八九])?(?=[了岁多,，。\s]|$)"
)


# An age of a hundred or more ("一百零二", "102岁", "一百多"): the 60–99 rule's siblings (历城's
# 100岁以上) are told apart by it, so it also reads as 百岁, the word they use.
_HUNDRED = re.compile(r"^(?:一百|1[01][0-9])")


def _old_age(match: re.Match[str]) -> str:
    age = match.group(0)
    return f"{age} 高龄 百岁 " if _HUNDRED.match(age) else f"{age} 高龄 "


def kb_normalize(text: str) -> str:
    """A text as the KB reads it, a question or an entry's: normalized, ages in digits, an age of
    eighty or more followed by 高龄 (the word the entries on it use), and of a hundred or more
    by 百岁 too."""
    return _OLD_AGE.sub(_old_age, ages_in_digits(normalize(text)))


# A spoken age the KB reads as 高龄 ("八十五", "九十好几"): once read, the number itself is no
# word of the question (kb_normalize puts 高龄 after it).
_NUMBER = re.compile(r"[零一二三四五六七八九十百两几多好]{2,}|[0-9]+岁?")


def words_of(tokens: list[str], syn: SynonymTable) -> list[str]:
    """The tokens a question is searched on: canonical, without stopwords and without an old age
    already read as 高龄."""
    words = [t for t in syn.canonical_tokens(tokens) if t not in syn.stopwords]
    return [
        t
        for i, t in enumerate(words)
        if not (_NUMBER.fullmatch(t) and words[i + 1 : i + 2] == ["高龄"])
    ]


# A number, an amount of time or a point in time: 三十多, 七十九, 五年, 三个, 一分钱, 半年, 前年,
# 上周, 下个月, 礼拜六.
_FILLER = re.compile(
    r"[0-9零一二三四五六七八九十百千万两几多好半]+[个年岁月天周块元次口回分钱号]*|"
    r"(?:前|去|今|明|后|大前)年|(?:上|下|这|本)个?(?:周|月|星期|礼拜)|(?:礼拜|星期|周)[一二三四五六日天]"
)


# A point in time said in a story (今年, 上个月): a word some entries' similar questions happen to
# use ("俺妈今年七十了…"), so it matched them on nothing the question asks.
_WHEN = re.compile(r"(?:前|去|今|明|后|大前)年|(?:上|下|这|本)个?(?:周|月|星期|礼拜)")


def without_filler(tokens: list[str], known: Collection[str]) -> list[str]:
    """Tokens without the numbers and times the KB does not know ("三十多", "七十九", "一分钱"),
    and without a point in time even when it knows it ("今年", "上个月"): no topic an entry could
    lack, so not information of the question."""
    return [
        t for t in tokens if not _FILLER.fullmatch(t) or (t in known and not _WHEN.fullmatch(t))
    ]


# An item naming whose child a benefit is for ("低保家庭的孩子上学有补助吗", "五保家的娃念书"):
# the child's standing, not the item asked about. Not for 老人 (低保老人生活补贴 is the item's).
_FOR_WHOM = re.compile(
    r"(?:低保|特困|五保|低保边缘|边缘)(?:户|家庭|家)?(?:里)?的?"
    r"(?=孩子|学生|娃|子女|儿童)"
)


# An item set aside ("除了低保，还能申请啥", "除开特困以外"): what is asked about is something else.
_EXCEPT = re.compile(
    r"除(?:了|开|去)(?:低保|特困|五保|低保边缘|边缘户|临时救助|医疗救助)(?:以外|之外)?"
)


def asked_text(text: str) -> str:
    """The text without what it says the household already receives ("我家是低保户，老人有补贴
    能领不"), whose child it asks for (_FOR_WHOM) or what it sets aside (_EXCEPT): an item named
    only as that standing is background, not the item asked about."""
    spans = (
        received_spans(text)
        + [m.span() for m in _FOR_WHOM.finditer(text)]
        + [m.span() for m in _EXCEPT.finditer(text)]
    )
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def analyse(query: str, synonyms: SynonymTable | None = None) -> Analysed:
    syn = synonyms or table()
    norm = kb_normalize(query)
    bare, region = without_regions(norm)
    canon = syn.canonicalize_text(bare)
    tokens = words_of(tokenize(syn.spaced(bare)), syn)
    asked = asked_text(bare)
    asked_canon = canon if asked == bare else syn.canonicalize_text(asked)
    return Analysed(
        tokens=tokens,
        text=canon,
        items=frozenset(i.value for i in (*find_items(asked), *find_items(asked_canon))),
        aspects=frozenset(syn.aspects(tokens)),
        region=region,
    )
