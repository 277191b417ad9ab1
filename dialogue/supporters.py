"""Whether a child can support a parent, asked directly when the child is known to exist.

"有没有配偶、子女这些按法律要赡养的人" is no question for an elder who has just told of a son
in 太原, nor for a daughter writing for her mother: she is that child; nor for one of an old
couple living together: each is the other's. For them the question
whose answer decides 特困 (特困人员认定办法 第八条) is whether the child can support them
("有能养活、照顾自己的子女吗"), so that one is asked instead: one question, not two. Nothing is
stored from the words that named the child (has_legal_supporter stays unanswered); an answer
that does not settle the capacity leaves the legal question to be asked as before.
"""

from __future__ import annotations

import re

from dialogue.policy import Next, is_allowed, is_open
from dialogue.questions import QuestionBank
from dialogue.state import Session, member_key
from dialogue.writer import is_speaker, speaker_owes
from nlu.clauses import clauses
from nlu.lexicon import match_relations
from nlu.voice_input import spaces_as_commas

LEGAL_SUPPORTER = "member_legal_supporter"
CAPABLE_SUPPORTER = "member_supporter"
_LEGAL_FACT = "members.has_legal_supporter"
_CAPABLE_FACT = "members.has_capable_supporter"
_CHILDREN = frozenset({"son", "daughter"})
# the members whose children the speaker's 儿子/闺女 are: the speaker and the spouse
_PARENTS = frozenset({"self", "spouse"})
# a child said to have died, or said not to exist ("没儿没女"): no child known alive; a word
# that may be either ("走了": died or left) counts as a death, which asks as before
_GONE = re.compile(r"去世|过世|走了|不在了|没了|死了|殁了|病故|牺牲|早逝")
_DENIED_BEFORE = re.compile(r"(?:没|无|冇|莫|没有|不是)(?:个|一个)?$")


def supporter_step(session: Session, bank: QuestionBank, step: Next) -> Next:
    """`step`, or whether the member's child can support them when `step` asks whether the
    member has anybody who must by law and a child of theirs is known to be alive."""
    member = step.member
    if step.question_id != LEGAL_SUPPORTER or member is None:
        return step
    if not _supporter_known(session, member):
        return step
    capable = bank.get(CAPABLE_SUPPORTER)
    person = session.household.members[member]
    if not (
        is_allowed(session, capable)
        and capable.applies(session.household, person)
        and is_open(session, capable, member)
    ):
        return step
    return Next(CAPABLE_SUPPORTER, member)


def noted_unknown_instead(session: Session, step: Next) -> bool:
    """The legal question, for a member whose child is known alive, after whether the child
    can support them was answered "不知道": its answer is known (that child), so it is noted
    unknown with the capacity instead of asked. Returns whether it was noted."""
    member = step.member
    if step.question_id != LEGAL_SUPPORTER or member is None:
        return False
    if not _supporter_known(session, member):
        return False
    if not session.is_unknown(member_key(_CAPABLE_FACT, member)):
        return False
    session.mark_unknown(member_key(_LEGAL_FACT, member))
    return True


def _supporter_known(session: Session, member: int) -> bool:
    """Someone bound by law to support the member is known: the speaker (their child), a
    child the opening named, or a spouse living with them (配偶 owe 扶养)."""
    return (
        speaker_owes(session, member)
        or _child_named(session, member)
        or _spouse_at_home(session, member)
    )


def _spouse_at_home(session: Session, member: int) -> bool:
    """The member is the applicant or the applicant's spouse, and both live in the household
    ("俺老两口单独过"): each is the other's 法定扶养义务人."""
    members = session.household.members
    return (
        member < len(members)
        and members[member].relation in _PARENTS
        and not is_speaker(session, member)
        and any(m.relation == "spouse" for m in members)
    )


def _child_named(session: Session, member: int) -> bool:
    """The member is the applicant or the applicant's spouse, and the opening named a son or
    daughter of theirs, living ("儿子在太原 人家有人家的日子")."""
    members = session.household.members
    return session.child_named and member < len(members) and members[member].relation in _PARENTS


def names_a_living_child(text: str) -> bool:
    """The speaker's son or daughter is named, and not as dead or as not existing ("没儿没女");
    a clause with a word that may be a death ("走了") does not count."""
    return any(_living_child(clause) for clause in clauses(spaces_as_commas(text)))


def _living_child(clause: str) -> bool:
    for match in match_relations(clause):
        if match.id in _CHILDREN and not _DENIED_BEFORE.search(clause[: match.start]):
            return not _GONE.search(clause)
    return False
