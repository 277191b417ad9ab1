"""An opening asking for somebody else ("我替我爸问问…跟我妈两个人在村里住"): the questionnaire
is about that person's household. The person becomes the applicant (本人) and the partner
named with them the spouse; the speaker's own family is not theirs. What was said about them
stays with them, and later answers that name them ("我爸前年脑梗过") still find them."""

from __future__ import annotations

from dataclasses import replace

from dialogue.noted import Stored
from dialogue.questions import RELATION_WORDS
from dialogue.state import Session, resize_members
from guides.household import Member
from nlu.mentions import Mention
from nlu.proxy import SpeaksFor

_PAIR_LABELS = {"parent": "您父母", "grandparent": "您家两位老人"}


def _people(said: SpeaksFor) -> list[Mention]:
    """The person asked for, and the partner named with them."""
    return [said.person] if said.partner is None else [said.person, said.partner]


def _word_for(said: SpeaksFor) -> str:
    """The word the speaker named the person by: 父亲, 姑姑, 她."""
    return said.person.person or said.word.removeprefix("其")


def label_of(said: SpeaksFor) -> str:
    """How the assistant names them back: 您父亲, 您姑姑, 您父母."""
    if said.partner is not None:
        return _PAIR_LABELS.get(said.person.relation, "他们")
    return f"您{_word_for(said)}"


def readback_names(said: SpeaksFor) -> dict[int, str]:
    """ "我听到的是：您父亲70岁，您母亲…": each of them by the speaker's word, said before
    the questions turn to them (member 0 is then the applicant, 1 the partner)."""
    names: dict[int, str] = {}
    words = [_word_for(said)] + ([said.partner.person] if said.partner is not None else [])
    for index, (person, word) in enumerate(zip(_people(said), words, strict=True)):
        if word and word not in ("他", "她"):
            names[index] = f"您{word}"
        elif person.relation in RELATION_WORDS:
            names[index] = RELATION_WORDS[person.relation]
    return names


def speak_for(session: Session, said: SpeaksFor) -> dict[int, int]:
    """Make the household theirs; returns where each member kept went (old index -> new).
    Children named without their relation to the speaker ("我姐…她一个人带俩娃，大的上初中")
    are theirs too, when the size said for them leaves room."""
    household = session.household
    members: list[Member] = []
    moved: dict[int, int] = {}
    for new_index, person in enumerate(_people(said)):
        old_index = session.persons.get(person.key)
        if old_index is None and not person.person:  # one of its relation: that member
            same = [i for i, m in enumerate(household.members) if m.relation == person.relation]
            old_index = same[0] if len(same) == 1 else None
        member = household.members[old_index] if old_index is not None else Member()
        member.relation = "self" if new_index == 0 else "spouse"
        members.append(member)
        if old_index is not None:
            moved[old_index] = new_index
        session.speaking_for[person.key] = new_index
    room = (said.size or 0) - len(members)
    unplaced = [
        i
        for i, m in enumerate(household.members)
        if i > 0 and i not in moved and m.relation is None and m.model_dump(exclude_defaults=True)
    ]
    if 0 < len(unplaced) <= room:
        for old_index in unplaced:
            moved[old_index] = len(members)
            members.append(household.members[old_index])
    household.members = members
    session.persons = {}
    household.size = said.size
    if said.size is not None:
        resize_members(household, said.size)
    return moved


def moved_stored(stored: list[Stored], moved: dict[int, int]) -> list[Stored]:
    """What the opening stored, keyed to the members as `speak_for` left them; facts of a
    member not kept (the speaker's own) are theirs no more and not said back."""
    out: list[Stored] = []
    for item in stored:
        kind, _, rest = item.key.partition(".")
        if kind != "members":
            out.append(item)
            continue
        index, _, field = rest.partition(".")
        if int(index) in moved:
            out.append(replace(item, key=f"members.{moved[int(index)]}.{field}"))
    return out
