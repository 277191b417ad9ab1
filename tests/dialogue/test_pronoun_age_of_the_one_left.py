""" "俺三十九 他四十一 大的十七 小的十一" to 家里每个人多大岁数: once the children's ages are
placed by birth order, 他 is the one member left whose age is open, the husband. With more
than one open, whose it is stays unsaid. Written for these tests from a played conversation
(session 49), not evaluation data."""

from __future__ import annotations

from dialogue.engine import DialogueEngine, IntentParser
from dialogue.state import Pending, Session
from tests.dialogue.sessions import family


def _ages_told(nlu: IntentParser, text: str) -> Session:
    session = family(["self", "spouse", "child", "child"], Pending(question_id="member_ages"))
    session.household.members[2].school_stage = "senior_high"
    session.household.members[3].school_stage = "primary"
    DialogueEngine(nlu).turn(session, text=text)
    return session


def test_the_age_of_him_is_the_one_left(nlu_backend: IntentParser) -> None:
    session = _ages_told(nlu_backend, "俺三十九 他四十一 大的十七 小的十一")
    assert [m.age for m in session.household.members] == [39, 41, 17, 11]


def test_with_two_left_his_age_is_not_placed(nlu_backend: IntentParser) -> None:
    session = _ages_told(nlu_backend, "俺三十九 他四十一")
    assert [m.age for m in session.household.members] == [39, None, None, None]
