"""Ask what decides first (issue 12): the sudden hardship before what only matters after one;
a question only the office would settle (存款: the 核对 looks it up) after the ones that decide,
and never past the soft budget."""

from __future__ import annotations

import datetime as dt

from dialogue.choosing import SOFT_BUDGET, plan
from dialogue.engine import screen_session
from dialogue.lookahead import Lookahead
from dialogue.questions import question_bank
from dialogue.state import Session
from guides.household import Member
from guides.ids import ItemId, RegionId
from guides.screening.engine import screen

TODAY = dt.date(2026, 12, 7)


def _couple(region: RegionId = RegionId.GANSU) -> Session:
    """Two adults of working age, local rural hukou, consent given, a low income told."""
    session = Session.new("t", "wx:test", region)
    household = session.household
    household.size = 2
    household.members = [Member(relation="self", age=50), Member(relation="spouse", age=48)]
    household.hukou_type = "rural"
    household.has_local_hukou = True
    household.monthly_income_total = 600.0
    session.consent = True
    return session


def _next(session: Session) -> str | None:
    trial = Lookahead().begin(session, TODAY)
    chosen = plan(session, screen_session(session, TODAY), question_bank(), trial)
    return chosen.next.question_id if chosen.next else None


def test_the_sudden_hardship_is_asked_before_what_only_follows_it() -> None:
    # 临时救助 needs a sudden hardship and then a life in severe difficulty (or, 历城, a local
    # hukou or a 居住证): without the first, the others decide nothing; one question, not three
    for region in (RegionId.GANSU, RegionId.JINAN_LICHENG):
        household = _couple(region).household
        item = screen(household, on=TODAY).item(ItemId.TEMPORARY_AID)
        assert item.missing_facts == ("situations",)
    household.situations = ["fire"]
    item = screen(household, on=TODAY).item(ItemId.TEMPORARY_AID)
    assert "basic_living_in_severe_difficulty" in item.missing_facts


def test_the_deposits_wait_for_the_questions_that_decide() -> None:
    # The 核对 looks the deposits up; unknown, they leave 低保 或许符合 in the result, never
    # 还需了解: whether someone is disabled (特困) or ill is asked first
    session = _couple()
    assert _next(session) != "deposits"


def test_the_deposits_are_not_asked_past_the_soft_budget() -> None:
    session = _couple()
    for member in session.household.members:
        member.has_disability = False
        member.has_serious_illness = False
        member.labour_ability = "full"
        member.school_stage = "none"
        member.wants_job = False
        member.wants_training = False
        member.is_veteran = False
    session.questions_asked = SOFT_BUDGET
    assert "assets.deposits" in screen_session(session, TODAY).item(ItemId.DIBAO).missing_facts
    assert _next(session) != "deposits"
