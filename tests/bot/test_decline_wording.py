"""A policy question the knowledge base declines mid-questionnaire: the citizen reads one plain
sentence: no "？”？" after a quoted question, and the phone with what it is, not the guide's
note on where the number came from in a bracket inside a bracket (issue 13)."""

from __future__ import annotations

import pytest

from bot.kb.decline import decline_phone
from dialogue.prompts import no_policy_answer


@pytest.mark.parametrize("region", ["gansu", "ningxia", "shanxi", "jinan-licheng", None])
def test_decline_reads_plainly(region: str | None) -> None:
    said = no_policy_answer(["宁夏低保的申请条件是什么？"], decline_phone(region).spoken())
    assert "？”？" not in said and "”？”" not in said, said
    depth = 0
    for ch in said:
        depth += {"（": 1, "）": -1}.get(ch, 0)
        assert depth <= 1, said  # never a bracket inside a bracket
    assert decline_phone(region).number in said


def test_a_suggestion_that_is_no_question_still_ends_asking() -> None:
    said = no_policy_answer(["低保申请条件"], None)
    assert "“低保申请条件”？" in said
