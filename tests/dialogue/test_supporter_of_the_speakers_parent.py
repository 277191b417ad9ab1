"""A child writing for a parent ("我替我妈问") is bound by law to support them, so "有没有配偶、
子女这些按法律要赡养的人" is not asked of that parent: the question is whether the children can
support them, and one answer settles it. Written for these tests from a played conversation
(session 48), not evaluation data."""

from __future__ import annotations

import datetime as dt

from dialogue.engine import DialogueEngine, IntentParser
from dialogue.state import Session
from guides.ids import RegionId

TODAY = dt.date(2026, 12, 7)
OPENING = "你好 我替我妈问一下 她一个人在村里住 七十四了 我爸前年没了 她腿脚不好 我嫁到银川了 家里也困难 她能不能吃低保"


def _until_supporter(engine: DialogueEngine, session: Session, answers: dict[str, str]) -> str:
    """Answers each question from `answers` (else 不知道) until a supporter question comes."""
    engine.open(session, OPENING)
    for _ in range(20):
        pending = session.pending
        assert pending is not None, "ended before any supporter question"
        if pending.question_id in ("member_legal_supporter", "member_supporter"):
            return pending.question_id
        engine.turn(session, text=answers.get(pending.question_id, "不知道"))
    raise AssertionError("no supporter question in 20 turns")


ANSWERS = {"consent": "同意", "household_income": "一个月就一百多块钱养老金", "hukou_type": "农村"}


def test_the_childrens_capacity_is_asked_not_whether_there_are_any(
    nlu_backend: IntentParser,
) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = Session.new("s", "wx:test", RegionId.NINGXIA)
    assert _until_supporter(engine, session, ANSWERS) == "member_supporter"
    engine.turn(session, text="我家也困难 顾不上她")
    mother = session.household.members[0]
    assert mother.has_capable_supporter is False
    assert mother.has_legal_supporter is None  # nothing stored that was not said
    assert session.pending is None or session.pending.question_id != "member_legal_supporter"


def test_not_knowing_the_capacity_does_not_ask_the_legal_question(
    nlu_backend: IntentParser,
) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = Session.new("s", "wx:test", RegionId.NINGXIA)
    _until_supporter(engine, session, ANSWERS)
    engine.turn(session, text="不知道")
    asked = []
    for _ in range(20):
        if session.pending is None:
            break
        asked.append(session.pending.question_id)
        engine.turn(session, text=ANSWERS.get(session.pending.question_id, "不知道"))
    assert "member_legal_supporter" not in asked


def test_an_applicant_writing_for_themselves_is_asked_the_legal_question(
    nlu_backend: IntentParser,
) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = Session.new("s", "wx:test", RegionId.NINGXIA)
    engine.open(session, "我七十四了 一个人在村里住 老汉前年没了 腿脚不好 能不能吃低保")
    for _ in range(20):
        pending = session.pending
        assert pending is not None, "ended before any supporter question"
        if pending.question_id in ("member_legal_supporter", "member_supporter"):
            break
        engine.turn(
            session,
            text={**ANSWERS, "household_size": "就我一个"}.get(pending.question_id, "不知道"),
        )
    assert pending.question_id == "member_legal_supporter"
