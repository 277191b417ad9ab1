"""Question choice found wanting on dev batch O (issue 12): a child known to exist is not asked
about as "有没有赡养人" (whether the child can support the elder is asked at once), and the
rooms said again to 多少平米 are not asked back a third time."""

from __future__ import annotations

import datetime as dt

import pytest

from dialogue.engine import DialogueEngine, IntentParser
from dialogue.prompts import AREA_NOT_KNOWN
from dialogue.questions import question_bank
from dialogue.replies import reply_text
from dialogue.state import AnswerRecord, Pending, Session
from dialogue.supporters import names_a_living_child
from guides.household import Member
from guides.ids import ItemId, RegionId
from tests.dialogue.sessions import next_step

TODAY = dt.date(2026, 12, 7)


def _widow_alone(child_named: bool) -> Session:
    """A widow of 68 living alone in town on 530 a month, who asked for 低保; whether 特困
    excludes her is what her supporters decide."""
    session = Session.new("t", "wx:test", RegionId.SHANXI)
    household = session.household
    household.size = 1
    household.members = [
        Member(relation="self", age=68, marital_status="widowed", labour_ability="none")
    ]
    household.hukou_type = "urban"
    household.has_local_hukou = True
    household.monthly_income_total = 530.0
    session.consent = True
    session.items = [ItemId.DIBAO]
    session.child_named = child_named
    return session


def _supporter_question(session: Session) -> str | None:
    """The supporter question the choice comes to (the others answered 没有/不知道 meanwhile)."""
    for _ in range(15):
        found = next_step(session, TODAY)
        if found is None:
            return None
        question_id, member = found.question_id, found.member
        if question_id in ("member_legal_supporter", "member_supporter"):
            return question_id
        question = question_bank().get(question_id)
        for key in question.fills:
            session.mark_unknown(key if member is None else key.replace(".", f".{member}.", 1))
        session.history.append(_record(question_id, member))
    return None


def _record(question_id: str, member: int | None) -> AnswerRecord:
    return AnswerRecord(question_id=question_id, member=member, keys=[], before={})


def test_a_son_named_in_the_opening_is_asked_about_as_a_supporter_at_once() -> None:
    assert _supporter_question(_widow_alone(child_named=True)) == "member_supporter"


def test_without_a_child_named_the_legal_question_comes_first() -> None:
    assert _supporter_question(_widow_alone(child_named=False)) == "member_legal_supporter"


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("我快七十了 老汉走了五年了 儿子在太原 人家有人家的日子 过年给个五六百", True),
        ("老伴走了三年了 儿子在银川打工 他自己一家子 闺女嫁到外村了", True),
        ("老汉没了，就一个儿子也没了", False),  # the son died
        ("娃没了 没儿没女 就我一个", False),  # none
        ("我跟老伴都七十了，我们老两口能吃低保不？", False),
    ],
)
def test_a_living_child_named(text: str, named: bool) -> None:
    assert names_a_living_child(text) is named


def test_the_opening_notes_the_child_and_stores_no_supporter_fact(
    nlu_backend: IntentParser,
) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = Session.new("t", "wx:test", RegionId.SHANXI)
    engine.open(session, "我快七十了 老汉走了五年了 一个人住 儿子在太原 人家有人家的日子")
    assert session.child_named
    assert all(m.has_legal_supporter is None for m in session.household.members)


def test_a_daughter_asking_for_her_mother_is_asked_whether_she_can_support_her(
    nlu_backend: IntentParser,
) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = Session.new("t", "wx:test", RegionId.JINAN_LICHENG)
    engine.open(session, "俺替俺爸问问 他一个人在村里住 八十三了 就一百多块钱养老金")
    asked = []
    answers = {"hukou_type": "农村", "has_local_hukou": "在", "household_income": "二百八"}
    for _ in range(12):
        if session.pending is None:
            break
        asked.append(session.pending.question_id)
        if session.pending.question_id in ("member_legal_supporter", "member_supporter"):
            break
        text = "同意" if session.pending.question_id == "consent" else None
        engine.turn(session, text=text or answers.get(session.pending.question_id, "没有"))
    assert "member_supporter" in asked
    assert "member_legal_supporter" not in asked  # she is his child: he has one by law


def test_rooms_said_again_to_the_area_leave_it_unknown(nlu_backend: IntentParser) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = _widow_alone(child_named=False)
    engine.open(session)
    session.pending = Pending(question_id="housing_area")
    first = "\n".join(reply_text(r) for r in engine.turn(session, text="不知道 三间"))
    assert "三间" in first  # asked back once: the rooms are not the area
    assert session.pending is not None and session.pending.question_id == "housing_area"
    second = "\n".join(reply_text(r) for r in engine.turn(session, text="不知道 三间"))
    assert AREA_NOT_KNOWN in second
    assert session.is_unknown("housing.total_floor_area")
    assert session.household.housing.total_floor_area is None
    assert session.pending is None or session.pending.question_id != "housing_area"
