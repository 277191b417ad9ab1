"""A child whose sex is never said (孩子, 娃): "孩子，我的孩子" to 是您的什么人 is the applicant's
child ("child"), not asked three times; the form leaves 子/婿 or 女/媳 to the office, and 特困
weighs the parents living here as their obligors (no 有没有法定抚养人 asked of an eight-year-old).
And a daughter asking for her father: her "俺在超市上班" is not his, and "俺俩轮着给点" answers
有能养活、照顾他的子女吗 (dev batch K)."""

from __future__ import annotations

import datetime as dt

import pytest

from dialogue.engine import DialogueEngine, IntentParser
from dialogue.state import Pending, Session
from guides.forms.fields import MEMBER_FIELDS
from guides.household import Household, Member
from guides.ids import RegionId
from guides.screening.engine import screen
from nlu.lexicon import own_child_said

TODAY = dt.date(2026, 12, 4)


@pytest.mark.parametrize(
    "text", ["孩子 我的孩子", "孩子", "娃", "大娃", "我家娃", "娃，我们的娃", "是俺家的娃"]
)
def test_my_child_is_said(text: str) -> None:
    assert own_child_said(text)


@pytest.mark.parametrize("text", ["孙子", "孩子他爸", "我闺女", "侄子的孩子", "老大", "不知道"])
def test_other_words_are_not_my_child(text: str) -> None:
    assert not own_child_said(text)


def test_the_relation_answer_is_kept(nlu_backend: IntentParser) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = Session.new("s", "wx:test", RegionId.GANSU)
    engine.open(session, "我离婚了，孩子跟我，今年八岁上二年级，想问问能办啥")
    engine.turn(session, text="两个 我跟孩子")
    child = next(i for i, m in enumerate(session.household.members) if i > 0)
    session.pending = Pending(question_id="member_relation", member=child)
    engine.turn(session, text="孩子 我的孩子")
    assert session.household.members[child].relation == "child"
    assert session.pending is None or session.pending != Pending(
        question_id="member_relation", member=child
    )


def test_the_form_leaves_the_sex_to_the_office() -> None:
    assert MEMBER_FIELDS["relation"](Member(relation="child")) is None
    assert MEMBER_FIELDS["relation"](Member(relation="son")) == "son"


def _mother_and_child(relation: str | None) -> Household:
    return Household(
        region=RegionId.GANSU,
        size=2,
        hukou_type="urban",
        members=[
            Member(relation="self", age=34, labour_ability="full", has_disability=False),
            Member(relation=relation, age=8, has_disability=False),
        ],
    )


def test_the_parent_here_is_the_childs_obligor() -> None:
    result = screen(_mother_and_child("child")).item("tekun")
    assert "members.1.has_legal_supporter" not in result.missing_facts
    assert result.outcome == "unlikely"


def test_a_member_of_unsaid_relation_is_still_asked() -> None:
    result = screen(_mother_and_child(None)).item("tekun")
    assert result.outcome == "need_info"


def _for_father(nlu: IntentParser) -> tuple[DialogueEngine, Session]:
    engine = DialogueEngine(nlu, today=lambda: TODAY)
    session = Session.new("s", "wx:test", RegionId.JINAN_LICHENG)
    engine.open(
        session,
        "俺想替俺爹问问 俺爹七十六了 一个人在村里住 每个月就一百六七的养老金 "
        "俺跟俺弟都成家了不在一块住",
    )
    return engine, session


def test_the_speakers_own_job_is_not_the_fathers(nlu_backend: IntentParser) -> None:
    engine, session = _for_father(nlu_backend)
    assert session.speaking_for  # the questions are about him
    session.pending = Pending(question_id="member_supporter", member=0)
    engine.turn(session, text="俺弟开车送货一个月五六千 俺在超市上班 俺俩轮着给点")
    father = session.household.members[0]
    assert father.employment is None
    assert father.has_capable_supporter is True


def test_a_speaker_for_herself_still_owns_her_job(nlu_backend: IntentParser) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = Session.new("s", "wx:test", RegionId.JINAN_LICHENG)
    engine.open(session, "我今年五十了，一个人过，想问问低保")
    session.pending = Pending(question_id="household_income", member=None)
    engine.turn(session, text="一千五 我在超市上班")
    assert session.household.members[0].employment is not None
