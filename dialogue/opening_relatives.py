"""Relatives the opening named who may live here but were not placed ("老汉71 我68 带着两个孙子
过": no size said, so no member for the grandsons). When the size comes later ("四口") and the
members it adds are exactly as many as those named, they are those relatives: the bot no longer
asks 第3位家人是您的什么人 of them. Only an exact match: a son working away, a 儿媳 gone or a
writer asking for somebody else leave the members to be asked about."""

from __future__ import annotations

from typing import Any

from dialogue.state import Session, member_key, relatives_of, set_fact
from nlu.facts import CHILD, Reading

_NOT_PLACED_BY_COUNT = frozenset({CHILD, "other"})  # 孩子/娃 may be any of them; 邻居 is no kin


def unplaced_relatives(session: Session, reading: Reading, away: set[str | None]) -> list[str]:
    """The relations of the people the opening named as living here (not gone, not working
    away: `away` holds their keys) beyond the members it placed, one entry per person."""
    if session.speaking_for:
        return []
    household = session.household
    named: list[str] = []
    for mention in reading.members():
        if mention.key in away or mention.relation in _NOT_PLACED_BY_COUNT:
            continue
        if mention.key in session.persons or (
            mention.relation == "spouse" and any(m.relation == "spouse" for m in household.members)
        ):
            continue
        missing = mention.count - len(relatives_of(household, mention.relation))
        named += [mention.relation] * max(missing, 0)
    return named


def placed_by_the_size(session: Session) -> list[tuple[str, Any]]:
    """After the size is answered: the members it added take the relations the opening named,
    when they are exactly as many. Returns the keys set, with their values before (unset)."""
    named, session.opening_relatives = session.opening_relatives, []
    members = session.household.members
    blank = [i for i, m in enumerate(members) if i > 0 and not m.model_dump(exclude_none=True)]
    if not named or len(blank) != len(named):
        return []
    changed: list[tuple[str, Any]] = []
    for index, relation in zip(blank, sorted(named), strict=True):
        key = member_key("members.relation", index)
        set_fact(session.household, key, relation)
        changed.append((key, None))
    return changed
