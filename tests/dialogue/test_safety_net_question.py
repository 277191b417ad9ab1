"""临时救助 is the help for a sudden hardship, and its one question ("最近家里有没有遇到突然的难事？")
comes last in natural order: a full conversation ended at the soft budget with it 还需了解 (54
of 272 dev conversations). When what the household said may be such a hardship (a serious
illness, someone of working age who cannot work, a student just admitted to college, basic
living said to be very hard), that question is asked once past the soft budget; nothing else is
added after it at the typical end. Without such a sign the conversation ends as before."""

from __future__ import annotations

import datetime as dt

from dialogue.choosing import SOFT_BUDGET, hardship_told, plan
from dialogue.engine import screen_session
from dialogue.lookahead import Lookahead
from dialogue.questions import question_bank
from dialogue.state import Session
from guides.household import Member
from guides.ids import NEED_INFO, ItemId, RegionId

TODAY = dt.date(2026, 12, 7)


def _told_all_but_the_hardship(ill: bool) -> Session:
    """A rural couple in 甘肃 (a low income, their own house, nobody at school, looking for work
    or a veteran), ten questions asked: only 临时救助's question is left."""
    session = Session.new("t", "wx:test", RegionId.GANSU)
    household = session.household
    household.size = 2
    household.hukou_type = "rural"
    household.has_local_hukou = True
    household.monthly_income_total = 500.0
    household.members = [Member(relation="self", age=52), Member(relation="spouse", age=50)]
    for member in household.members:
        member.has_disability = False
        member.has_serious_illness = False
        member.wants_job = False
        member.wants_training = False
        member.is_veteran = False
        member.study_status = None
    household.members[1].has_serious_illness = ill
    household.members[1].labour_ability = "lost" if ill else "full"
    household.housing.has_own_housing = True
    session.consent = True
    session.questions_asked = SOFT_BUDGET
    return session


def _next(session: Session) -> str | None:
    trial = Lookahead().begin(session, TODAY)
    chosen = plan(session, screen_session(session, TODAY), question_bank(), trial)
    return chosen.next.question_id if chosen.next else None


def test_the_hardship_question_is_asked_once_past_the_soft_budget() -> None:
    session = _told_all_but_the_hardship(ill=True)
    assert screen_session(session, TODAY).item(ItemId.TEMPORARY_AID).outcome == NEED_INFO
    assert _next(session) == "situations"


def test_no_sign_of_a_hardship_ends_the_conversation_as_before() -> None:
    session = _told_all_but_the_hardship(ill=False)
    assert not hardship_told(session.household)
    assert _next(session) != "situations"


def test_only_one_question_past_the_soft_budget_for_it() -> None:
    session = _told_all_but_the_hardship(ill=True)
    session.questions_asked = SOFT_BUDGET + 1
    assert _next(session) != "situations"


def test_signs_of_a_hardship() -> None:
    assert hardship_told(_told_all_but_the_hardship(ill=True).household)
    quiet = _told_all_but_the_hardship(ill=False).household
    quiet.members[0].is_new_admission = True  # a 录取通知书 this year: the fees come at once
    assert hardship_told(quiet)
    old = _told_all_but_the_hardship(ill=False).household
    old.members[0].age, old.members[0].labour_ability = 75, "lost"  # old age is no accident
    assert not hardship_told(old)
    old.basic_living_in_severe_difficulty = True
    assert hardship_told(old)
