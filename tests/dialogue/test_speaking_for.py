"""An opening asking for somebody else ("我替我爸问问…跟我妈两个人在村里住"): the questions are
about that person's household. They become the applicant, the partner named with them the
spouse, the speaker's own family is left out, the assistant says so once, and later answers
that name them ("我爸前年脑梗过") land on them."""

from __future__ import annotations

import datetime as dt

from dialogue.engine import DialogueEngine, IntentParser
from dialogue.prompts import SPEAKING_FOR, SPEAKING_FOR_ALONE, SPEAKING_FOR_SIZE
from dialogue.replies import reply_text
from dialogue.state import Session
from guides.ids import RegionId

TODAY = dt.date(2026, 12, 4)


def _open(nlu: IntentParser, text: str) -> tuple[DialogueEngine, Session, str]:
    engine = DialogueEngine(nlu, today=lambda: TODAY)
    session = Session.new("s", "wx:test", RegionId.SHANXI)
    said = "\n".join(reply_text(r) for r in engine.open(session, text))
    return engine, session, said


def test_asking_for_both_parents_makes_them_the_household(nlu_backend: IntentParser) -> None:
    engine, session, said = _open(
        nlu_backend, "我替我爸问问，他八十了，跟我妈两个人在村里住，我妈七十八，他们能办什么"
    )
    members = session.household.members
    assert [(m.relation, m.age) for m in members] == [("self", 80), ("spouse", 78)]
    assert session.household.size == 2
    assert SPEAKING_FOR_SIZE.format(who="您父母", n=2) in said  # the size is said back
    engine.turn(session, text="我爸前年脑梗过")
    assert members[0].has_serious_illness is True
    assert members[1].has_serious_illness is not True


def test_an_aunt_living_alone_is_a_one_person_household(nlu_backend: IntentParser) -> None:
    _, session, said = _open(nlu_backend, "我替我姑姑问一下，她今年七十四了，一个人住")
    assert [(m.relation, m.age) for m in session.household.members] == [("self", 74)]
    assert session.household.size == 1
    assert SPEAKING_FOR_ALONE.format(who="您姑姑") in said


def test_parents_who_live_with_the_speaker_stay_the_speakers_family(
    nlu_backend: IntentParser,
) -> None:
    _, session, said = _open(nlu_backend, "我替我爸问问，他八十一了，两个老人都跟着我过")
    assert session.speaking_for == {}
    assert session.household.members[0].age != 81
    assert SPEAKING_FOR.split("{")[0] not in said
    assert SPEAKING_FOR_SIZE.split("{")[0] not in said


def test_asking_for_a_son_keeps_the_speakers_household(nlu_backend: IntentParser) -> None:
    _, session, _ = _open(nlu_backend, "我替我儿子问问，他二十八了，能不能办失业登记")
    assert session.speaking_for == {}


def test_naming_the_person_asked_for_again_adds_nobody(nlu_backend: IntentParser) -> None:
    """ "就我妈一个人" to 几口人 when asking for her: one member, her, not her and a parent."""
    engine, session, _ = _open(
        nlu_backend, "我替我妈问一下。我妈一个人在村里住，去年中风了，她能申请点啥"
    )
    engine.turn(session, text="就我妈一个人，我不跟她一块过")
    assert session.household.size == 1
    assert [m.relation for m in session.household.members] == ["self"]


def test_the_size_said_after_a_widowed_aunt_is_hers_and_keeps_her_age(
    nlu_backend: IntentParser,
) -> None:
    """ "老伴去世了，一直一个人过" reads as a size before the proxy turns to her: it is her
    household's, and her age said before it is not cut away with the speaker's family."""
    _, session, said = _open(
        nlu_backend, "您好，我是替我大姨问的，她今年七十六了，老伴去世了，一直一个人过，没有退休金"
    )
    assert [(m.relation, m.age) for m in session.household.members] == [("self", 76)]
    assert session.household.size == 1
    assert "您大姨" in said


def test_their_children_stay_in_their_household(nlu_backend: IntentParser) -> None:
    """ "我姐…她一个人带俩娃，大的上初中小的上小学，她在饭店洗碗": the sister's pay and the
    children's schools are kept in her household of three (before, the children's schools
    were said back, then dropped, and her pay went unread)."""
    _, session, said = _open(
        nlu_backend,
        "我姐家男人去年出车祸没了，她一个人带俩娃，大的上初中小的上小学，"
        "她在饭店洗碗一个月两千出头，能给她申请低收入人口认定吗？",
    )
    members = session.household.members
    assert (members[0].relation, members[0].monthly_income) == ("self", 2100)
    assert [m.school_stage for m in members[1:]] == ["junior_high", "primary"]
    assert "您姐姐每月收入约2100元" in said
    # told apart as the questions will ("您家上初中的孩子…"), not numbered
    assert "一个孩子在上初中，一个孩子在上小学" in said


def test_the_speakers_own_children_are_not_carried(nlu_backend: IntentParser) -> None:
    _, session, _ = _open(nlu_backend, "我替我妈问问，她一个人住，今年七十了，我家俩娃都在上学")
    assert [m.relation for m in session.household.members] == ["self"]
