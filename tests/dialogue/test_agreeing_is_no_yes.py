""" "行，你们查吧", "可以", "中" agree to something: a yes to a question of what someone can or
wants to do, not to one of whether there is something or what is so. Before, "行 你们查吧" to
您家有自己的房子住吗 stored a house (a wrong fact). Written for these tests from a played
conversation (session 49), not evaluation data."""

from __future__ import annotations

import pytest

from dialogue.engine import IntentParser
from tests.dialogue.answering import parsed, told, value


@pytest.mark.parametrize("text", ["行 你们查吧", "可以", "好的", "中"])
@pytest.mark.parametrize("question", ["own_housing", "any_disability", "dangerous_house"])
def test_agreeing_answers_no_question_of_what_is(question: str, text: str) -> None:
    assert parsed(question, text) is None


@pytest.mark.parametrize("text", ["行", "可以"])
def test_agreeing_is_a_yes_to_a_wish(text: str) -> None:
    assert value("member_wants_job", text) is True


def test_the_house_is_asked_again_not_stored(nlu_backend: IntentParser) -> None:
    session = told(nlu_backend, "own_housing", None, "行 你们查吧")
    assert session.household.housing.has_own_housing is None
    assert session.pending is not None and session.pending.question_id == "own_housing"
