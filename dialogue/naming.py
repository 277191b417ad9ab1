"""How the assistant names a member: as the questions do (您老伴), or by the word the citizen
used for them when it tells them apart (您母亲, 您儿媳, 您孙子) instead of 第3位家人 or 您女儿."""

from __future__ import annotations

from dialogue.questions import RELATION_WORDS, told_apart, who
from dialogue.state import Session
from nlu.facts import CHILD

# a word that names no one more closely than the relation does: used only instead of 第3位家人
_GENERIC = frozenset({"孩子"})
# words only one person can be (a father, a mother-in-law), unlike 孙子 or 女儿
_ONE_OF_A_KIND = frozenset(
    {"父亲", "母亲", "爸", "妈", "爸爸", "妈妈", "爹", "娘", "老爹", "老娘", "公公", "婆婆",
     "岳父", "岳母", "丈人", "丈母娘", "爷爷", "奶奶", "姥姥", "姥爷", "外公", "外婆"}
)  # fmt: skip
# how questions name a relation several kinds of people share (您家老人: 父亲 or 公公?)
_GROUP_WORDS = frozenset(RELATION_WORDS[r] for r in ("parent", "grandparent", "sibling"))


def member_of(session: Session, key: str, relation: str) -> int | None:
    """The member noted under a person key ("parent#母亲"), while it is still that member."""
    index = session.persons.get(key)
    members = session.household.members
    # a child of unsaid sex stays that child once the relation question kept it as "child"
    relation_ids = (None, "child") if relation == CHILD else (relation,)
    if index is None or index >= len(members) or members[index].relation not in relation_ids:
        return None
    return index


def member_called(session: Session, index: int) -> str:
    """您 for the applicant; the citizen's own word for a member when one was noted (父亲 and
    母亲 share the relation "parent", 儿媳 is a "daughter" on the form); else as questions
    name them (dialogue.questions.who)."""
    plain = who(session.household, index)
    if plain == "您":
        return plain
    vague = plain.startswith("第") or plain in _GROUP_WORDS
    named = [
        word
        for key, i in session.persons.items()
        if i == index
        and ((word := key.partition("#")[2]) not in _GENERIC or vague)
        and member_of(session, key, key.partition("#")[0]) == index
    ]
    if named and (
        told_apart(session.household, index) is None
        or named[0] in _ONE_OF_A_KIND
        or _word_tells_apart(session, index, named[0])
    ):
        return f"您{named[0]}"
    return plain  # "您孙子" would not say which of two: 您家上初中的孙辈孩子


def _word_tells_apart(session: Session, index: int, word: str) -> bool:
    """Every other member of the same relation was noted by another word (您孙子, 您孙女)."""
    relation = session.household.members[index].relation
    others = [
        i for i, m in enumerate(session.household.members)
        if i > 0 and i != index and m.relation == relation
    ]  # fmt: skip
    words = {i: key.partition("#")[2] for key, i in session.persons.items()}
    return all(words.get(i) not in (None, "", word) for i in others)
