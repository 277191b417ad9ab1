"""An opening asking for somebody else ("我替我爸问问…跟我妈两个人在村里住"): the questionnaire
is about that person's household. The person becomes the applicant (本人) and the partner
named with them the spouse; the speaker's own family is not theirs. What was said about them
stays with them, and later answers that name them ("我爸前年脑梗过") still find them."""

from __future__ import annotations

from dialogue.state import Session, relatives_of, resize_members
from guides.household import Member
from nlu.proxy import SpeaksFor

_PAIR_LABELS = {"parent": "您父母", "grandparent": "您家两位老人"}


def label_of(said: SpeaksFor) -> str:
    """How the assistant names them back: 您父亲, 您姑姑, 您父母."""
    if said.partner is not None:
        return _PAIR_LABELS.get(said.person.relation, "他们")
    return f"您{said.person.person or said.word.removeprefix('其')}"


def name_for_readback(session: Session, said: SpeaksFor) -> None:
    """ "我听到的是：您姑妈76岁", not 第2位家人: the word the speaker named them by, for the
    read-back said before the questions turn to them."""
    word = said.person.person or said.word.removeprefix("其")
    if not word or word in ("他", "她"):
        return
    key = said.person.key if said.person.person else f"{said.person.relation}#{word}"
    same = relatives_of(session.household, said.person.relation)
    if key not in session.persons and len(same) == 1:
        session.persons[key] = same[0]


def speak_for(session: Session, said: SpeaksFor) -> None:
    household = session.household
    people = [said.person] if said.partner is None else [said.person, said.partner]
    members: list[Member] = []
    for new_index, person in enumerate(people):
        old_index = session.persons.get(person.key)
        if old_index is None and not person.person:  # one of its relation: that member
            same = [i for i, m in enumerate(household.members) if m.relation == person.relation]
            old_index = same[0] if len(same) == 1 else None
        member = household.members[old_index] if old_index is not None else Member()
        member.relation = "self" if new_index == 0 else "spouse"
        members.append(member)
        session.speaking_for[person.key] = new_index
    household.members = members
    session.persons = {}
    household.size = said.size
    if said.size is not None:
        resize_members(household, said.size)
