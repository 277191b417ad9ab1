"""Answers whose facts were stored wrongly on dev set 15 (session 43), each by its cause: a
quarterly or yearly amount for a monthly fact, "是老伴…" naming who rather than saying yes,
"别人都好着呢" as everyone else's no, another member's fact of the question asked, a "不知道"
about a detail or about a thing not understood after a plain no, "不是说…" as a negation, and
"暂住证算不？" asking back."""

from __future__ import annotations

import datetime as dt

from dialogue.answers import DONT_KNOW, Doubt, Value, parse_answer
from dialogue.engine import DialogueEngine, IntentParser
from dialogue.questions import question_bank
from dialogue.state import Pending, Session
from guides.ids import RegionId
from tests.dialogue.sessions import family

TODAY = dt.date(2025, 6, 1)
FAMILY = ["self", "spouse", "son", "grandchild"]


def parsed(question_id: str, text: str) -> object:
    return parse_answer(question_bank().get(question_id), text, TODAY)


def test_a_quarterly_or_yearly_amount_is_taken_per_month() -> None:
    quarterly = parsed("household_income", "每季度领一千八的补贴，别的没有")
    assert isinstance(quarterly, Value) and float(quarterly.value) == 600
    pension = parsed("member_basic_pension", "一年领一千八")
    assert isinstance(pension, Value) and float(pension.value) == 150
    monthly = parsed("member_basic_pension", "一百五十三")
    assert isinstance(monthly, Value) and float(monthly.value) == 153


def test_is_followed_by_a_member_names_who_and_is_no_yes() -> None:
    said = parsed("member_serious_illness", "我？我没事，是老伴得了脑梗")
    assert isinstance(said, Value) and said.value is False
    yes = parsed("has_local_hukou", "就是本县的")
    assert isinstance(yes, Value) and yes.value is True


def test_everyone_else_well_is_their_no_and_the_named_member_keeps_the_yes(
    nlu_backend: IntentParser,
) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = family(FAMILY, Pending(question_id="any_serious_illness"))
    engine.turn(session, text="就老伴尿毒症，别人都好着呢")
    members = session.household.members
    assert [m.has_serious_illness for m in members] == [False, True, False, False]
    assert members[1].serious_illness_kind == "kidney"


def test_another_members_fact_of_the_question_asked_is_kept(nlu_backend: IntentParser) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = family(FAMILY, Pending(question_id="member_serious_illness", member=0))
    engine.turn(session, text="我？我没事，是老伴得了脑梗")
    members = session.household.members
    assert members[0].has_serious_illness is False
    assert members[1].has_serious_illness is True


def test_the_speakers_age_compared_is_not_kept_when_another_member_is_asked(
    nlu_backend: IntentParser,
) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = family(FAMILY, Pending(question_id="member_age", member=1))
    engine.turn(session, text="比我小两岁，六十三")
    assert session.household.members[0].age is None


def test_not_knowing_a_detail_or_a_thing_is_not_not_knowing_the_fact() -> None:
    has = parsed("member_disability", "办了，听力的，几级忘了")
    assert isinstance(has, Value) and has.value is True
    none = parsed("securities", "没有，那玩意儿不懂")
    assert isinstance(none, Value) and float(none.value) == 0
    never = parsed("member_unemployment_registered", "没有，不知道还有这个")
    assert isinstance(never, Value) and never.value is False
    assert parsed("basic_living_expense", "说不上来，没算过") is DONT_KNOW
    assert parsed("member_disability_grade", "好像是三级，记不清了") is DONT_KNOW


def test_not_that_is_a_negation() -> None:
    said = parsed("basic_living", "也不是说吃不上饭，就是紧巴")
    assert isinstance(said, Value) and said.value is False


def test_asking_whether_something_else_counts_is_no_answer() -> None:
    assert parsed("has_residence_permit", "居住证是啥，暂住证算不？以前办过暂住证") is None


def test_an_age_reached_beside_an_amount_is_no_amount() -> None:
    none = parsed("member_basic_pension", "她还没到六十，没领")
    assert isinstance(none, Value) and float(none.value) == 0
    below = parsed("household_income", "不到两千")
    assert isinstance(below, Value) and float(below.value) < 2000


def test_the_count_left_or_two_counts_added_give_the_size() -> None:
    left = parsed("household_size", "五口，大儿子成家分出去了，剩下三口")
    assert isinstance(left, Value) and left.value == 3
    added = parsed("household_size", "两口子加仨娃")
    assert isinstance(added, Value) and added.value == 5


def test_a_number_in_a_question_back_is_no_size(nlu_backend: IntentParser) -> None:
    assert parsed("household_size", "两个人过日子能申请低保不") is None
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = Session.new("s", "wx:test", RegionId.GANSU)
    session.pending = Pending(question_id="household_size")
    session.questions_asked = 2  # not the first message (that one is read as an opening)
    engine.turn(session, text="两个人过日子能申请低保不")
    assert session.household.size is None


def test_what_is_left_of_the_thing_asked_is_not_savings(nlu_backend: IntentParser) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = family(FAMILY, Pending(question_id="securities"))
    engine.turn(session, text="买过一点基金，亏得就剩三千来块了")
    assert session.household.assets.deposits is None
    assert session.household.assets.securities == 3000


def test_nothing_against_is_consent(nlu_backend: IntentParser) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = family(FAMILY, Pending(question_id="consent"))
    engine.turn(session, text="没啥不同意的")
    assert session.consent is True


def test_a_home_elsewhere_while_renting_and_a_rented_car_are_not_stored(
    nlu_backend: IntentParser,
) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = family(FAMILY, Pending(question_id="houses"))
    engine.turn(session, text="老家有个院子，城里租房住")
    assert session.household.housing.has_own_housing is None
    assert session.household.housing.current_housing == "rented_private"
    session = family(FAMILY, Pending(question_id="member_employment", member=2))
    engine.turn(session, text="跑滴滴，车是租的")
    assert session.household.assets.vehicles is None


def test_housework_only_is_partial_labour_ability() -> None:
    said = parsed("member_labour_ability", "她呀，做个饭还行，地里的活干不了了")
    assert isinstance(said, Value) and said.value == "partial"


def test_a_role_that_ended_is_no_yes_now() -> None:
    said = parsed("relative_official", "我哥以前当过村支书，早就不干了")
    assert not (isinstance(said, Value) and said.value is True)


def test_an_illness_not_yet_diagnosed_is_asked_back(nlu_backend: IntentParser) -> None:
    said = parsed("member_serious_illness", "好像是有，医院说可能是白血病，还在查")
    assert isinstance(said, Doubt) and said.kind == "undiagnosed"
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = family(FAMILY, Pending(question_id="member_serious_illness", member=2))
    replies = engine.turn(session, text="好像是有，医院说可能是白血病，还在查")
    assert session.household.members[2].has_serious_illness is None
    assert session.household.members[2].serious_illness_kind is None
    assert any("确诊" in getattr(r, "text", "") for r in replies)


def test_everyday_and_voice_input_forms() -> None:
    for question, text, value in [
        ("deposits", "么有", 0),
        ("registered_business", "美有", False),
        ("member_school_stage", "儿子都三十了上啥学", "none"),
        ("member_wants_training", "学不动了，眼睛也花了", False),
        ("education_expense", "孙子上小学，不花啥钱", 0),
        ("already_receives", "原来吃低保，后来停了", []),
    ]:
        said = parsed(question, text)
        assert isinstance(said, Value) and said.value == value, text


def test_a_first_message_that_is_one_question_is_no_story(nlu_backend: IntentParser) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = Session.new("s", "wx:test", RegionId.GANSU)
    session.pending = Pending(question_id="household_size")
    engine.turn(session, text="两个人过日子能申请低保不")
    assert session.household.size is None
