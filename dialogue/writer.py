"""The speaker asked for a parent or grandparent (dialogue.proxy) and then lists the household
with themselves in it ("三口 俺爸俺妈跟俺"): the speaker lives with them. The speaker joins that
household by their relation to the applicant, so do the speaker's own relatives listed with
them ("我弟" is the applicant's son), and what the speaker later says of "我" ("我上大学") is
the speaker's, not the applicant's."""

from __future__ import annotations

import re

from dialogue.state import Session
from guides.household import Member, Relation
from nlu.facts import Reading
from nlu.mentions import SELF, Mention

# "我是他闺女" to 您自己是儿子还是女儿: 他 is the parent asked for, not somebody else's child
_OF_THE_PARENT = re.compile(r"^(?:我)?(?:是)?(?:他|她)们?的?(?=[儿闺女子姑小])")
_CHILD_OF_APPLICANT = None  # a child of unsaid sex is stored without a relation
_SONS = ("哥哥", "弟弟", "哥", "弟")
_DAUGHTERS = ("姐姐", "妹妹", "姐", "妹")

# relation to the speaker -> relation to the applicant, by the applicant's relation to the speaker
_THROUGH_PARENT: dict[str, Relation | None] = {
    SELF: _CHILD_OF_APPLICANT,
    "sibling": _CHILD_OF_APPLICANT,
    "parent": "spouse",  # the speaker's other parent
    "grandparent": "parent",
    "son": "grandchild",
    "daughter": "grandchild",
    "grandchild": "other",
    "spouse": "other",  # a son- or daughter-in-law of the applicant
}
_THROUGH_GRANDPARENT: dict[str, Relation | None] = {SELF: "grandchild", "sibling": "grandchild"}
_THROUGH = {"parent": _THROUGH_PARENT, "grandparent": _THROUGH_GRANDPARENT}


def applicant_relation(session: Session) -> str | None:
    """The applicant's relation to the speaker ("parent"), when the speaker asks for them."""
    key = next((k for k, i in session.speaking_for.items() if i == 0), None)
    return None if key is None else key.partition("#")[0]


def speaker_listed(reading: Reading, size: int | None) -> bool:
    """The speaker names themselves as one of those living together, and the size said counts
    them: a 我 that is not the owner of the relative named right after it ("我爸" is his, "我和
    我弟" lists 我), in "三口 俺爸俺妈跟俺" but not "两口 我爸我妈，我不在家住"."""
    starts = {m.start for m in reading.mentions}
    alone = any(m.relation == SELF and m.end not in starts for m in reading.mentions)
    listed = 1 + sum(m.count for m in reading.members())
    return alone and size == listed


def join_speaker(session: Session, reading: Reading, size: int | None) -> bool:
    """Add the speaker, and the speaker's relatives listed with them, to the household asked
    for; returns whether anyone joined. Only when the applicant is the speaker's parent or
    grandparent: a sister or a neighbour asked for keeps her own household. `size`: the
    household size the answer gave."""
    through = _THROUGH.get(applicant_relation(session) or "")
    if through is None or SELF in session.speaking_for or not speaker_listed(reading, size):
        return False
    _join(session, SELF, through[SELF])
    for mention in reading.members():
        if mention.key in session.speaking_for or mention.relation not in through:
            continue
        _join(session, mention.key, _relation(mention, through))
    return True


def _relation(mention: Mention, through: dict[str, Relation | None]) -> Relation | None:
    relation = through[mention.relation]
    if mention.relation == "sibling" and relation is _CHILD_OF_APPLICANT:
        if mention.person in _SONS:
            return "son"
        if mention.person in _DAUGHTERS:
            return "daughter"
    return relation


def _join(session: Session, key: str, relation: Relation | None) -> None:
    """A member of `relation` for the person `key`: an open slot of the size said, else one
    more member; later facts about `key` are that member's."""
    household = session.household
    slots = [i for i, m in enumerate(household.members) if i > 0 and _open(session, i, m)]
    if slots:
        index = slots[0]
        household.members[index].relation = relation
    else:
        household.members = [*household.members, Member(relation=relation)]
        index = len(household.members) - 1
    session.speaking_for[key] = index


def _open(session: Session, index: int, member: Member) -> bool:
    """A slot the size made: nobody's yet, nothing known of it."""
    return index not in session.speaking_for.values() and not member.model_dump(
        exclude_defaults=True
    )


def speakers_relative(session: Session, relation: str, person: str) -> str | None:
    """A relative the speaker named ("对象", "我儿子") as the applicant's relation, when the
    speaker asks for a parent or grandparent ("对象" is their son- or daughter-in-law, no
    member); None when that relative is no one in the applicant's household, or the speaker's
    relation to the applicant does not tell (an aunt, a neighbour)."""
    through = _THROUGH.get(applicant_relation(session) or "")
    if through is None or relation not in through:
        return None
    relation_id = _relation(Mention(relation, 0, 0, person=person), through)
    return None if relation_id in (None, "other") else relation_id


def speaker_owes(session: Session, member: int | None) -> bool:
    """The member asked about is the parent the speaker asks for (the applicant, or the
    applicant's spouse, the speaker's other parent): the speaker owes them support."""
    if applicant_relation(session) != "parent" or member is None or is_speaker(session, member):
        return False
    members = session.household.members
    return member == 0 or (member < len(members) and members[member].relation == "spouse")


def is_speaker(session: Session, member: int | None) -> bool:
    """The member is the speaker, who joined the household of the parent asked for."""
    return member is not None and session.speaking_for.get(SELF) == member


def own_relation_said(text: str) -> str:
    """The speaker's relation to the parent asked for, without the pronoun naming the parent
    ("我是他闺女" -> "闺女")."""
    return _OF_THE_PARENT.sub("", text.strip())
