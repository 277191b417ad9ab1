"""The one child of unsaid sex an opening named ("娃考上大学了"): a member without a relation
until the relation question asks it. That question names the child ("您说的孩子是您的什么
人") instead of "第2位家人", and an answer naming somebody who cannot be that child ("她爸",
"老伴") is about another member still to be named, so it goes to them and the child's
relation is asked on."""

from __future__ import annotations

from dialogue.state import Session
from nlu.facts import CHILD

A_CHILD = f"{CHILD}#孩子"  # session.persons key of that child
# relations a child the speaker calls 孩子/娃 can have (a niece or a foster child: other)
CHILD_RELATIONS = frozenset({"son", "daughter", "child", "grandchild", "other"})


def opening_child(session: Session) -> int | None:
    """The member the opening called 孩子, while their relation is still unsaid."""
    index = session.persons.get(A_CHILD)
    members = session.household.members
    if index is None or not 0 < index < len(members) or members[index].relation is not None:
        return None
    return index


def relation_member(session: Session, asked: int | None, relation: object) -> int | None:
    """The member a relation answer names: the one asked, unless that is the opening's child
    and the relation cannot be theirs while another member is still unnamed."""
    if asked is None or asked != opening_child(session) or relation in CHILD_RELATIONS:
        return asked
    members = session.household.members
    free = [i for i, m in enumerate(members) if i > 0 and i != asked and m.relation is None]
    return free[0] if free else asked
