"""Answers whose facts were stored wrongly on dev set 15 (session 43), each by its cause: a
quarterly or yearly amount for a monthly fact, "是老伴…" naming who rather than saying yes,
"别人都好着呢" as everyone else's no, another member's fact of the question asked, a "不知道"
about a detail or about a thing not understood after a plain no, "不是说…" as a negation, and
"暂住证算不？" asking back."""

from __future__ import annotations

import datetime as dt

from dialogue.answers import DONT_KNOW, Value, parse_answer
from dialogue.engine import DialogueEngine, IntentParser
from dialogue.questions import question_bank
from dialogue.state import Pending
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
