"""Answers typed by somebody else for the applicant (dev set 19, session 47): "我妈她今年七十三" to
您本人今年多大 is the applicant's age, when no member is that mother; "…，我在外地打工不算": the
writer counts themself out, and their own facts are nobody's in the household."""

from __future__ import annotations

from dialogue.engine import DialogueEngine, IntentParser
from dialogue.state import Pending
from tests.dialogue.answering import ANSWERED_ON, told
from tests.dialogue.sessions import family


def test_a_child_typing_for_the_applicant_tells_the_applicants_facts(
    nlu_backend: IntentParser,
) -> None:
    age = told(nlu_backend, "member_age", 0, "我妈她今年七十三")
    assert age.household.members[0].age == 73
    pension = told(nlu_backend, "member_basic_pension", 0, "俺爹他每月一百来块")
    assert pension.household.members[0].monthly_basic_pension is not None
    assert 90 <= pension.household.members[0].monthly_basic_pension <= 110
    farming = told(nlu_backend, "member_employment", 0, "俺爹种了十几亩地")
    assert farming.household.members[0].employment == "farming"
    # a mother who lives here is herself: her age is not the applicant's
    session = family(["self", "parent"], Pending(question_id="member_age", member=0))
    DialogueEngine(nlu_backend, today=lambda: ANSWERED_ON).turn(session, text="我妈她今年七十三")
    assert session.household.members[0].age is None


def test_the_writer_who_counts_themself_out_is_no_member(nlu_backend: IntentParser) -> None:
    session = family(["self"], Pending(question_id="household_size"))
    session.household.size = None
    session.members_closed = False
    DialogueEngine(nlu_backend, today=lambda: ANSWERED_ON).turn(
        session, text="俺爹俺娘老两口，我在外地打工不算"
    )
    assert session.household.size == 2
    assert session.household.members[0].employment is None
