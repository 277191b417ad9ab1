"""A grandparent raising a grandchild says so in everyday words: "我和孙子一起过", "我带着孙子
过日子", "老两口带着孙子过", "就我跟外孙俩". The household is counted and each member named (before,
the answer was not understood, or the grandchild's relation was left unknown). In such a story
"娃他爸" is the grandchild's father, a son, not the speaker's husband (before, a widow's story
gave her late husband a migrant job and an income). Written for these tests, from a played
conversation (session 47), not from evaluation data."""

from __future__ import annotations

import datetime as dt

import pytest

from dialogue.engine import DialogueEngine, IntentParser
from dialogue.naming import member_called
from dialogue.replies import reply_text
from dialogue.state import Pending, Session
from guides.ids import RegionId
from nlu.facts import read_facts

TODAY = dt.date(2026, 12, 7)


def _answer_size(nlu: IntentParser, text: str) -> Session:
    engine = DialogueEngine(nlu, today=lambda: TODAY)
    session = Session.new("s", "wx:test", RegionId.GANSU)
    engine.open(session)
    session.pending = Pending(question_id="household_size")
    engine.turn(session, text=text)
    return session


@pytest.mark.parametrize(
    ("said", "relations"),
    [
        ("我和孙子一起过", ["self", "grandchild"]),
        ("我带着孙子过日子", ["self", "grandchild"]),
        ("就我跟外孙俩", ["self", "grandchild"]),
        ("俺跟俺娘一块住", ["self", "parent"]),
        ("老两口带着孙子过", ["self", "spouse", "grandchild"]),
        ("我们老两口带着俩孙子过", ["self", "spouse", "grandchild", "grandchild"]),
    ],
)
def test_the_household_a_grandparent_names_is_counted(
    nlu_backend: IntentParser, said: str, relations: list[str]
) -> None:
    session = _answer_size(nlu_backend, said)
    assert session.household.size == len(relations)
    assert [m.relation for m in session.household.members] == relations


@pytest.mark.parametrize(
    "said",
    [
        "我和孩子们一起过",  # how many children: unsaid
        "我和老伴一起过，还有个儿子",  # a third named after
        "我和儿子儿媳一起住",  # two named
    ],
)
def test_no_size_is_guessed_when_more_may_live_here(nlu_backend: IntentParser, said: str) -> None:
    session = _answer_size(nlu_backend, said)
    assert session.household.size != 2


def test_the_household_is_read_back_by_the_words_used(nlu_backend: IntentParser) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = Session.new("s", "wx:test", RegionId.GANSU)
    replies = [reply_text(r) for r in engine.open(session, "家里三口人，我和老伴还有孙子")]
    assert any("您、您老伴、您孙子" in r for r in replies)


@pytest.mark.parametrize(
    "story",
    [
        "老汉去年没了，我带着孙子过，娃他爸在外打工一个月给三百",
        "我带着孙子过，娃他妈跑了，娃他爸在外打工",
        "我是孙子的奶奶，娃他爸在外打工",
    ],
)
def test_the_grandchilds_father_is_not_the_speakers_husband(story: str) -> None:
    reading = read_facts(story, TODAY, opening=True)
    assert not [f for f in reading.facts if f.who == "spouse"]
    assert any(f.who == "son" and f.value == "migrant_worker" for f in reading.facts)


def test_a_mother_in_laws_grandchild_leaves_the_childs_father_the_husband() -> None:
    reading = read_facts("我婆婆带着孙子，娃他爸在外打工", TODAY, opening=True)
    assert any(f.who == "spouse" and f.value == "migrant_worker" for f in reading.facts)


def test_those_listed_first_are_the_household(nlu_backend: IntentParser) -> None:
    session = _answer_size(nlu_backend, "四口 就是我老两口带两个孙子 娃他爸娃他妈在新疆打工呢")
    assert [m.relation for m in session.household.members] == [
        "self", "spouse", "grandchild", "grandchild"
    ]  # fmt: skip
    assert session.household.members[1].employment is None  # the grandchildren's parents work away


def test_a_list_whose_later_people_may_be_the_same_is_not_taken(
    nlu_backend: IntentParser,
) -> None:
    session = _answer_size(nlu_backend, "三口 我和两个孩子 儿子上初二 闺女上小学")
    assert session.household.size == 3
    assert "son" not in [m.relation for m in session.household.members[1:2]]


def test_ages_said_by_word_tell_two_grandchildren_apart(nlu_backend: IntentParser) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = _answer_size(nlu_backend, "四口 就是我老两口带两个孙子 娃他爸娃他妈在新疆打工呢")
    session.pending = Pending(question_id="member_ages")
    engine.turn(session, text="我六十七，老婆子六十六，孙子十二，孙女九岁")
    assert [m.age for m in session.household.members] == [67, 66, 12, 9]
    assert member_called(session, 2) == "您孙子"
    assert member_called(session, 3) == "您孙女"
