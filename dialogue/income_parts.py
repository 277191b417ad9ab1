"""Each member's part of a household income answer ("我退休金两千七，儿子有二百块补贴" to
全家每月收入): theirs too, when the parts said fit in the total. 特困 asks a member's own
income; said here, it need not be asked again."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from nlu.facts import Reading, read_facts

MEMBER_INCOME = "members.monthly_income"
# "我俩养老金加一块不到八百": a sum of several people's, nobody's own
_TOGETHER = re.compile(
    r"加(?:一块|一起|起来|在一起)|合起来|一共|总共|我俩|俺俩|咱俩|两口子|老两口|我们|俺们"
)


def with_income_parts(reading: Reading, text: str, today: dt.date, total: float) -> Reading:
    """`reading` with the members' incomes the answer names, read as a story reads them (a
    pension said without 一个月 is a month's, as the question asks); unchanged when nobody's
    part is named, or the parts add up to more than the `total` stored (a misreading)."""
    story = read_facts(text, today, opening=True)
    named = {m.key for m in story.mentions}  # "卖洋芋挣了八千": the household's, nobody named
    parts = [f for f in story.facts if f.name == MEMBER_INCOME and f.who in named]
    if not parts or sum(float(f.value) for f in parts) > total or _TOGETHER.search(text):
        return reading
    return dataclasses.replace(reading, facts=[*reading.facts, *parts])
