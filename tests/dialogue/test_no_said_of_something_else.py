"""A 没有 said of something else is no answer to the question asked: "没有存款 就一千来块" to
有没有法定赡养人 (before: no supporter, a wrong fact that favours 特困) and "俺娘有个老年证 别的
没有" to 户口在本地吗 (before: hukou not local, a wrong fact that excludes). The question is asked
again. Written for these tests from a played conversation (session 47), not evaluation data."""

from __future__ import annotations

import datetime as dt

import pytest

from dialogue.engine import DialogueEngine, IntentParser
from dialogue.state import Pending, Session
from guides.ids import RegionId

TODAY = dt.date(2026, 12, 7)


def _answer(nlu: IntentParser, size: str, pending: Pending, text: str) -> Session:
    engine = DialogueEngine(nlu, today=lambda: TODAY)
    session = Session.new("s", "wx:test", RegionId.JINAN_LICHENG)
    engine.open(session, "我想问问低保")
    session.pending = Pending(question_id="household_size")
    engine.turn(session, text=size)
    session.consent = True
    session.pending = pending
    engine.turn(session, text=text)
    return session


def test_no_deposits_is_no_answer_about_supporters(nlu_backend: IntentParser) -> None:
    pending = Pending(question_id="member_legal_supporter", member=0)
    session = _answer(nlu_backend, "一口", pending, "没有存款 就一千来块")
    assert session.household.members[0].has_legal_supporter is None


def test_nothing_else_is_no_answer_about_the_hukou(nlu_backend: IntentParser) -> None:
    session = _answer(
        nlu_backend, "一口", Pending(question_id="has_local_hukou"), "俺娘有个老年证 别的没有"
    )
    assert session.household.has_local_hukou is None


@pytest.mark.parametrize(
    ("pending", "text", "size"),
    [
        (
            Pending(question_id="member_legal_supporter", member=0),
            "没有 老伴没了 也没儿没女",
            "一口",
        ),
        (Pending(question_id="any_disability"), "老伴有残疾证 别的没有", "两口 我和老伴"),
    ],
)
def test_a_no_about_the_question_still_answers(
    nlu_backend: IntentParser, pending: Pending, text: str, size: str
) -> None:
    session = _answer(nlu_backend, size, pending, text)
    assert session.household.members[0].has_legal_supporter is False or (
        session.household.members[0].has_disability is False
    )


@pytest.mark.parametrize("text", ["存款么有", "存款莫有"])
def test_a_dialect_no_about_deposits_is_no_answer_about_disability(
    nlu_backend: IntentParser, text: str
) -> None:
    # the answer's parser reads 么有 as 没有; the check that it is about another topic must too
    session = _answer(nlu_backend, "两口 我和老伴", Pending(question_id="any_disability"), text)
    assert [m.has_disability for m in session.household.members] == [None, None]
    assert session.household.assets.deposits == 0
