"""An old couple living together owe each other support (配偶, 扶养): "有没有配偶、子女这些按法律
要赡养、照顾的人" is no question for either; whether someone can support them is asked at once.
Nothing is stored from the spouse's presence. Written for these tests from a played
conversation (session 49), not evaluation data."""

from __future__ import annotations

import datetime as dt

from dialogue.engine import DialogueEngine, IntentParser
from dialogue.state import Session
from guides.ids import RegionId

TODAY = dt.date(2026, 12, 7)
ANSWERS = {"consent": "同意", "hukou_type": "农村", "household_income": "一个月二百多 养老金"}


def _supporter_questions(nlu: IntentParser, opening: str) -> list[tuple[str, int | None]]:
    """The supporter questions asked, answering each one 养不了 and the rest from ANSWERS."""
    engine = DialogueEngine(nlu, today=lambda: TODAY)
    session = Session.new("s", "wx:test", RegionId.GANSU)
    engine.open(session, opening)
    asked = []
    for _ in range(25):
        pending = session.pending
        if pending is None:
            break
        if pending.question_id in ("member_legal_supporter", "member_supporter"):
            asked.append((pending.question_id, pending.member))
            engine.turn(session, text="没人能管 儿子自己也困难")
            continue
        engine.turn(session, text=ANSWERS.get(pending.question_id, "不知道"))
    return asked


def test_each_of_an_old_couple_is_asked_who_can_support_them(nlu_backend: IntentParser) -> None:
    asked = _supporter_questions(
        nlu_backend, "俺老两口单独过 俺七十八 老伴七十五 俺去年脑梗了 能不能给办个五保"
    )
    assert asked, "no supporter question"
    assert {question for question, _ in asked} == {"member_supporter"}


def test_an_elder_alone_is_asked_whether_anyone_is_bound(nlu_backend: IntentParser) -> None:
    asked = _supporter_questions(nlu_backend, "俺七十八了 一个人过 去年脑梗了 能不能给办个五保")
    assert asked and asked[0][0] == "member_legal_supporter"
