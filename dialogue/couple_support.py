"""The children of a couple living together owe support to both of them (民法典 第一千零六十七
条): "就一个儿子，在西安" to 有没有赡养人, asked of one of an old couple, answers it for the other
too, and so does whether those children can support them ("儿子在西安开出租…"). One question,
not the same one again about the partner (who is then asked "您老伴有…", and "儿子" alone is no
yes or no)."""

from __future__ import annotations

from typing import Any

from dialogue.answer_values import Answer, Value
from dialogue.questions import Question
from dialogue.state import Session, get_fact, member_key, set_fact
from dialogue.writer import speaker_owes
from nlu.facts import CHILD, SELF, Reading

SUPPORT_FACTS = frozenset({"members.has_legal_supporter", "members.has_capable_supporter"})
_PARTNER = {"self": "spouse", "spouse": "self"}
_COUPLES_CHILDREN = frozenset({"son", "daughter", CHILD})


def for_the_partner(
    session: Session, question: Question, member: int | None, answer: Answer, reading: Reading
) -> list[tuple[str, Any]]:
    """The partner's same support fact, when the answer was about the couple's children (a son,
    a daughter, 孩子; the speaker asking for a parent is one); returns the keys set, with their
    values before (unset)."""
    if member is None or len(question.fills) != 1 or question.fills[0] not in SUPPORT_FACTS:
        return []
    if not isinstance(answer, Value) or not isinstance(answer.value, bool):
        return []
    members = session.household.members
    partner_relation = (
        _PARTNER.get(members[member].relation or "") if member < len(members) else None
    )
    partners = [i for i, m in enumerate(members) if m.relation == partner_relation]
    if len(partners) != 1:
        return []
    relations = {m.relation for m in reading.mentions}
    named = bool(relations & _COUPLES_CHILDREN) or (
        SELF in relations and speaker_owes(session, member)
    )
    if not named:
        return []
    key = member_key(question.fills[0], partners[0])
    if get_fact(session.household, key) is not None:
        return []
    set_fact(session.household, key, answer.value)
    return [(key, None)]
