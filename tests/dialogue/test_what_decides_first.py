"""Ask what decides first (issue 12): the sudden hardship before what only matters after one;
a question only the office would settle (存款: the 核对 looks it up) after the ones that decide,
and never past the soft budget; an answer that says two things answers both questions; and an
answer that restates a fact already noted is no correction asked again for ever."""

from __future__ import annotations

import datetime as dt

from dialogue.choosing import SOFT_BUDGET
from dialogue.engine import DialogueEngine, IntentParser, screen_session
from dialogue.prompts import CORRECTED, NOTHING_CORRECTED
from dialogue.replies import reply_text
from dialogue.state import Pending, Session
from guides.household import Member
from guides.ids import ItemId, RegionId
from guides.screening.engine import screen
from tests.dialogue.sessions import next_question_id

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
    assert next_question_id(session, TODAY) != "deposits"


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
    assert next_question_id(session, TODAY) != "deposits"


def _asked_about_supporters(engine: DialogueEngine) -> Session:
    session = Session.new("t", "wx:test", RegionId.JINAN_LICHENG)
    engine.open(session, None)
    household = session.household
    household.size = 1
    household.members = [Member(relation="self", age=78)]
    session.pending = Pending(question_id="member_legal_supporter", member=0)
    return session


def test_a_supporter_said_to_be_unable_answers_both_questions(nlu_backend: IntentParser) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = _asked_about_supporters(engine)
    engine.turn(session, text="有儿子，他自己也困难，管不了")
    member = session.household.members[0]
    assert member.has_legal_supporter is True
    assert member.has_capable_supporter is False
    assert session.pending is None or session.pending.question_id != "member_supporter"


def test_a_supporter_only_named_leaves_whether_they_can_to_be_asked(
    nlu_backend: IntentParser,
) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = _asked_about_supporters(engine)
    engine.turn(session, text="有个闺女，嫁到章丘了")
    member = session.household.members[0]
    assert member.has_legal_supporter is True
    assert member.has_capable_supporter is None  # never guessed from 有


def test_a_fact_said_again_as_noted_is_no_correction(nlu_backend: IntentParser) -> None:
    # the cracked house told at the start; "房子裂了" said again to another question is no
    # correction ("没找到能改的内容" and the same question, for ever): an answer not understood,
    # counted like any other, and the question left as 不清楚 after a few
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = Session.new("t", "wx:test", RegionId.NINGXIA)
    engine.open(session, "我是原州区的 六十四了 跟老伴在村里 八月份连阴雨 土坯房后墙裂了个大缝")
    session.pending = Pending(question_id="basic_living")
    said = []
    for _ in range(4):
        if session.pending is None or session.pending.question_id != "basic_living":
            break
        said.append("\n".join(reply_text(r) for r in engine.turn(session, text="房子裂了")))
    assert not any(CORRECTED in s or NOTHING_CORRECTED in s for s in said)
    assert session.pending is None or session.pending.question_id != "basic_living"
    assert session.is_unknown("basic_living_in_severe_difficulty")
