"""An item the citizen asked for is not left 还需了解 because its facts about one member are
asked one after another: whether they can work, then the kind of disability, then whom they
rely on. No single one of them decides 特困, the three together do."""

from __future__ import annotations

import datetime as dt

from dialogue.engine import DialogueEngine, IntentParser
from dialogue.state import Session
from guides.ids import ItemId, Outcome, RegionId
from guides.screening.engine import screen
from guides.screening.registry import NOT_ASKED

TODAY = dt.date(2025, 6, 1)
ANSWERS = {
    "consent": "同意",
    "hukou_type": "城镇",
    "has_local_hukou": "在",
    "member_labour_ability": "能干活",
    "member_disability_kind": "智力的",
    "member_legal_supporter": "没有",
}


def test_tekun_asked_for_is_asked_to_the_end(nlu_backend: IntentParser) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = Session.new("t", "t", RegionId.GANSU)
    engine.open(session, "我今年三十五，有残疾证，三级，一个人过，没有收入，想申请特困")
    asked = []
    while session.pending is not None and len(asked) < 25:
        asked.append(session.pending.question_id)
        engine.turn(session, text=ANSWERS.get(session.pending.question_id, "没有"))
    assert {"member_labour_ability", "member_disability_kind", "member_legal_supporter"} <= set(
        asked
    )
    # 智力残疾三级 is 无劳动能力 whatever the person says of their work (特困办法 第五条（三）):
    # only what is never asked is left (houses, cars), which the office looks up itself
    tekun = screen(session.household, on=TODAY).item(ItemId.TEKUN)
    assert tekun.missing_facts and set(tekun.missing_facts) <= NOT_ASKED
    result = screen(session.household, on=TODAY, final=True).item(ItemId.TEKUN)
    assert result.outcome == Outcome.LIKELY


def test_the_readback_names_the_relative_asked_for_as_the_speaker_did(
    nlu_backend: IntentParser,
) -> None:
    from dialogue.replies import reply_text

    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    for text, name in (
        ("我姑妈七十六了，一个人住在村里，没收入，我想帮她问问特困能不能办", "您姑妈76岁"),
        ("我想替我哥问问。我哥今年六十三，前几年得了脑梗", "您哥哥63岁"),
        ("我爸八十，我妈七十八，都跟着我过", "您母亲78岁"),
    ):
        session = Session.new("t", "t", RegionId.GANSU)
        said = "\n".join(reply_text(r) for r in engine.open(session, text))
        assert name in said, said
        assert "第2位家人" not in said and "您家老人" not in said and "兄弟姐妹" not in said


CENTRAL_ANSWERS = {
    "consent": "同意",
    "hukou_type": "城镇",
    "household_income": "没有收入，就残疾人补贴",
    "deposits": "没有",
    "member_labour_ability": "干不了活",
    "member_legal_supporter": "没有，爸妈不在了，没成家",
}


def test_tekun_not_asked_for_is_not_dropped_between_its_member_questions(
    nlu_backend: IntentParser,
) -> None:
    """特困 is a class other items follow from: no item named, its facts about one member are
    asked one after another (whether he can work, then whom he relies on) as for an item asked
    about, not dropped because neither answer alone would decide it."""
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = Session.new("t", "t", RegionId.NINGXIA)
    engine.open(session, "我四十五岁，一个人过，办了残疾证，一级的")
    asked: list[str] = []
    while session.pending is not None and len(asked) < 25:
        asked.append(session.pending.question_id)
        engine.turn(session, text=CENTRAL_ANSWERS.get(session.pending.question_id, "没有"))
    assert {"member_labour_ability", "member_legal_supporter"} <= set(asked), asked
    result = screen(session.household, on=TODAY, final=True).item(ItemId.TEKUN)
    assert result.outcome in (Outcome.LIKELY, Outcome.POSSIBLE), result
