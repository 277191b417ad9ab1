"""Asked for a parent, then the household listed with the speaker in it ("三口 俺爸俺妈跟俺"):
the speaker lives with them. The parents are not counted again, the speaker and the speaker's
brother join as the applicant's children, and what the speaker later says of "我" is theirs
(dialogue.writer)."""

from __future__ import annotations

import datetime as dt

from dialogue.engine import DialogueEngine, IntentParser
from dialogue.replies import reply_text
from dialogue.state import Pending, Session
from guides.ids import RegionId

TODAY = dt.date(2026, 12, 7)
FOR_MOTHER = "俺爸上礼拜脑出血住院了 俺妈在小区开个小卖部 俺送外卖 俺是替俺妈问 能申请临时救助不"
FOR_FATHER = "我是今年考上大学的学生 帮我爸问一下 我弟上初一 我爸打零工 我妈在饭馆帮厨 能办啥"


def _asked_for(nlu: IntentParser, region: RegionId, opening: str) -> tuple[DialogueEngine, Session]:
    engine = DialogueEngine(nlu, today=lambda: TODAY)
    session = Session.new("s", "wx:test", region)
    engine.open(session, opening)
    assert session.speaking_for  # the questions are about the parents
    session.pending = Pending(question_id="household_size")
    return engine, session


def test_the_speaker_listed_with_the_parents_is_their_child(nlu_backend: IntentParser) -> None:
    engine, session = _asked_for(nlu_backend, RegionId.JINAN_LICHENG, FOR_MOTHER)
    engine.turn(session, text="三口 俺爸俺妈跟俺")
    members = session.household.members
    assert session.household.size == 3
    assert [m.relation for m in members] == ["self", "spouse", None]


def test_the_speakers_brother_is_the_applicants_son(nlu_backend: IntentParser) -> None:
    engine, session = _asked_for(nlu_backend, RegionId.GANSU, FOR_FATHER)
    engine.turn(session, text="四口 我爸我妈我和我弟")
    members = session.household.members
    assert [m.relation for m in members] == ["self", "spouse", None, "son"]
    session.pending = Pending(question_id="any_student")
    engine.turn(session, text="有 我上大学 我弟上初一")
    assert [m.school_stage for m in members] == [None, None, "college", "junior_high"]


def test_parents_listed_without_the_speaker_are_not_counted_twice(
    nlu_backend: IntentParser,
) -> None:
    engine, session = _asked_for(nlu_backend, RegionId.GANSU, FOR_FATHER)
    engine.turn(session, text="两口 我爸我妈 我在外面上学")
    assert session.household.size == 2
    assert [m.relation for m in session.household.members] == ["self", "spouse"]


def test_the_speaker_is_asked_as_themselves_and_answers_as_the_parents_child(
    nlu_backend: IntentParser,
) -> None:
    """Not "第3位家人是您的什么人" (您 being the father now): the speaker is asked about
    themselves, and "我是他闺女" makes the speaker his daughter, not his daughter's relative."""
    engine, session = _asked_for(nlu_backend, RegionId.GANSU, FOR_FATHER)
    engine.turn(session, text="四口 我爸我妈我和我弟")
    session.pending = Pending(question_id="member_relation", member=2)
    asked = "\n".join(reply_text(r) for r in engine.resume(session))
    assert "正在打字的这位" in asked
    engine.turn(session, text="我是他闺女")
    assert session.household.members[2].relation == "daughter"
