""" "就是高血压" to 家里有人得了重病、大病吗 is a no: high blood pressure is an old complaint, not a
重病 (the answers sets' convention); before, 就是 was read as a yes and stored a serious illness
for the household (played conversation, session 49)."""

from __future__ import annotations

import pytest

from tests.dialogue.answering import parsed, value


@pytest.mark.parametrize("question", ["any_serious_illness", "member_serious_illness"])
@pytest.mark.parametrize("text", ["就是高血压", "就是老毛病 血压高"])
def test_only_high_blood_pressure_is_a_no(question: str, text: str) -> None:
    assert value(question, text) is False


def test_a_serious_illness_said_beside_it_is_not_everyones_no() -> None:
    assert parsed("any_serious_illness", "就是高血压 老伴前年脑梗了") is None
