"""Facts an answer's reading states that the same answer takes back: a home of one's own when
the household rents or borrows where it lives ("老家有个院子，城里租房住"), a car said to be
rented ("跑滴滴，车是租的"), and what the answer mends or tells of before a change ("二级，不对，
是三级", "以前有个面包车，去年卖了"), and what a clause asking back supposes ("儿子在外地上班
算不算": whether the son is one of the household is the question). Left out, so nothing false
is stored (the questions ask them)."""

from __future__ import annotations

import dataclasses
import re

from nlu.answers import asks_back, is_question
from nlu.clauses import superseded
from nlu.facts import Fact, Reading, clause_span

_NOT_OWN_HOME = frozenset({"rented_private", "rented_public", "borrowed", "temporary"})
_RENTED = re.compile(r"租的|租来|租了|租别人|借的|借来|公司的|单位的|老板的")


def _taken_back(fact: Fact, reading: Reading, text: str) -> bool:
    if fact.name == "housing.has_own_housing" and fact.value is True:
        return any(
            f.name == "housing.current_housing" and f.value in _NOT_OWN_HOME for f in reading.facts
        )
    if fact.name == "assets.vehicles" and fact.value is True:
        lo, hi = clause_span(text, fact.start)
        return _RENTED.search(text[lo:hi]) is not None or _rented_later(text, hi)
    return False


def _rented_later(text: str, end: int) -> bool:
    """ "跑滴滴，车是租的": the next clause says whose the car is."""
    rest = text[end:].lstrip("，,。；; ")
    lo, hi = clause_span(rest, 0) if rest else (0, 0)
    clause = rest[lo:hi]
    return "车" in clause and _RENTED.search(clause) is not None


_CLAUSE = re.compile(r"[^，,。！？!?；;\n]+[！？!?]?")


def _asked_back(text: str) -> list[tuple[int, int]]:
    """The clauses that ask ("儿子在外地上班算不算", "这个也算吗？", "监测户是干啥的"): what they
    say is supposed."""
    return [
        (m.start(), m.end())
        for m in _CLAUSE.finditer(text)
        if is_question(m.group()) or asks_back(m.group())
    ]


def consistent(reading: Reading, text: str) -> Reading:
    """The reading without the facts the same answer takes back or only asks about."""
    asked = _asked_back(text)
    gone = superseded(text) + asked
    kept = [
        f
        for f in reading.facts
        if not _taken_back(f, reading, text) and not any(lo <= f.start < hi for lo, hi in gone)
    ]
    mentions = [m for m in reading.mentions if not any(lo <= m.start < hi for lo, hi in asked)]
    if len(kept) == len(reading.facts) and len(mentions) == len(reading.mentions):
        return reading
    return dataclasses.replace(reading, facts=kept, mentions=mentions)
