"""The floor area of the home, said in a story ("住的土坯房约40平米", "两间，四十来平"): the
household's total floor area (住房面积) when one area is said of where they live. Not a price
or a rent per square metre, not a shop's, a yard's or land's, not 人均."""

from __future__ import annotations

import re
from dataclasses import dataclass

from nlu.mentions import clause_at
from nlu.numerals import NUMERAL, lowest_place, parse_range

_AREA = re.compile(
    rf"(?P<about>约|大约|大概|差不多|将近)?(?P<n>{NUMERAL})\s*(?P<more>多|来|余)?\s*个?\s*"
    r"(?:平方米|平米|平方|㎡|m2|平(?![房原地安]))(?P<roughly>左右|上下)?",
    re.I,
)
# what makes a number of 平米 a home's: a dwelling named in its clause
_HOME = re.compile(r"房|屋|住|间|楼|套|窑|宅")
# a price, a rent or a share per square metre; a room shared with others (合租); a shop, a yard,
# fields
_NOT_THE_HOMES = re.compile(
    r"每|一平|人均|均|租金|房租|合租|单价|门面|铺面|商铺|院子|院坝|地|大棚|厂房|店"
)
_SMALLEST, _LARGEST = 5, 2000  # square metres a home may have


@dataclass(frozen=True)
class AreaSaid:
    value: float
    estimate: bool
    start: int
    end: int


def floor_area_said(text: str) -> AreaSaid | None:
    """The one home area said; None when none, or when different areas are said."""
    found: list[AreaSaid] = []
    for said in _AREA.finditer(text):
        lo, hi = clause_at(text, said.start())
        before = clause_at(text, lo - 2)[0] if lo > 1 else lo  # "老房子，两间，四十来平"
        if _NOT_THE_HOMES.search(text, lo, hi) or not _HOME.search(text, before, hi):
            continue
        area = area_of(said.group("n"), said.group("more"))
        if area is None or not _SMALLEST <= area[0] <= _LARGEST:
            continue
        value, estimate = area
        estimate = estimate or bool(said.group("about") or said.group("roughly"))
        found.append(AreaSaid(value, estimate, said.start(), said.end()))
    if not found or any(f.value != found[0].value for f in found):
        return None
    return found[0]


def area_of(numeral: str, more: str | None) -> tuple[float, bool] | None:
    """An area and whether it is an estimate: "七八十" 70..80 and "四十多" 40..50 at the
    midpoint, "四十来" 40, all estimates."""
    bounds = parse_range(numeral)
    if bounds is None:
        return None
    low, high = bounds
    if low == high and more in ("多", "余"):
        high = low + lowest_place(low)
    return float((low + high) / 2), low != high or more is not None
