"""Answers whose facts were stored wrongly on the dev sets (session 41), each by its cause:
a monthly amount said with a pause after what it pays for ("一个月吃喝 一千多") is still monthly
for a yearly question, a birth month said apart from its year counts, a no to one half of an
either-or question settles only that half, the one looked after (看孙子) is not the one who works."""

from __future__ import annotations

import datetime as dt

from dialogue.answers import Value, parse_answer
from dialogue.engine import DialogueEngine, IntentParser
from dialogue.policy import is_open
from dialogue.questions import question_bank
from dialogue.state import Pending
from tests.dialogue.sessions import family

TODAY = dt.date(2025, 6, 1)


def parsed(question_id: str, text: str) -> object:
    return parse_answer(question_bank().get(question_id), text, TODAY)


def test_a_period_with_what_it_pays_for_before_a_pause_keeps_its_amount() -> None:
    yearly = parsed("basic_living_expense", "一个月吃喝 一千多 一年 那就一万多两万")
    assert isinstance(yearly, Value) and 12000 <= float(yearly.value) <= 20000
    spent = parsed("basic_living_expense", "一个月花 两千")
    assert isinstance(spent, Value) and float(spent.value) == 24000


def test_a_birth_month_said_apart_from_the_year_counts() -> None:
    """Born in 腊月 1955: not yet 70 on 1 June 2025."""
    age = parsed("member_age", "五几年的 五五年 腊月生的")
    assert isinstance(age, Value) and age.value == 69
    age = parsed("member_age", "58年，十月份出生")
    assert isinstance(age, Value) and age.value == 66
    age = parsed("member_age", "1955年的")
    assert isinstance(age, Value) and age.value == 70


def test_a_no_to_one_half_of_an_either_or_question_settles_that_half() -> None:
    """家里有人想找工作，或者想参加免费的技能培训吗？ "都不找工作" says nothing of training."""
    job_only = parsed("any_job_seeker", "都不找工作")
    assert isinstance(job_only, Value) and job_only.value is False
    assert job_only.only == ("members.wants_job",)
    training_only = parsed("any_job_seeker", "不想培训")
    assert isinstance(training_only, Value) and training_only.only == ("members.wants_training",)
    for both in ("没有", "都不想找活也不想培训"):
        said = parsed("any_job_seeker", both)
        assert isinstance(said, Value) and said.value is False and said.only == (), both


def test_the_half_not_named_stays_open_and_the_question_is_not_put_again(
    nlu_backend: IntentParser,
) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = family(["self", "spouse", "son", "grandchild"], Pending(question_id="any_job_seeker"))
    engine.turn(session, text="都不找工作")
    members = session.household.members
    assert [m.wants_job for m in members] == [False] * 4
    assert [m.wants_training for m in members] == [None] * 4
    assert not is_open(session, question_bank().get("any_job_seeker"), None)


def test_the_grandchild_looked_after_is_not_the_one_who_farms(nlu_backend: IntentParser) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    pending = Pending(question_id="member_employment", member=1)
    session = family(["self", "spouse", "son", "grandchild"], pending)
    engine.turn(session, text="她在家看孙子，地也种着几亩")
    members = session.household.members
    assert members[1].employment == "farming"
    assert members[3].employment is None
