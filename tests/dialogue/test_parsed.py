"""dialogue.parsed: an answer said again to the same question is parsed once, and the kept
result is the one parse_answer gives; what callers could change is parsed every time."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import dialogue.parsed
from dialogue.answer_values import Value
from dialogue.answers import parse_answer
from dialogue.parsed import parsed_answer
from dialogue.questions import question_bank
from guides.ids import RegionId

ON = dt.date(2026, 6, 1)


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts parse_answer really read."""
    read: list[str] = []

    def counting(question: Any, text: str, today: dt.date, **kwargs: Any) -> Any:
        read.append(text)
        return parse_answer(question, text, today, **kwargs)

    monkeypatch.setattr(dialogue.parsed, "parse_answer", counting)
    monkeypatch.setattr(dialogue.parsed, "_kept", type(dialogue.parsed._kept)())
    return read


def test_the_same_wording_is_parsed_once_with_the_same_result(counted: list[str]) -> None:
    bank = question_bank()
    size, hukou = bank.get("household_size"), bank.get("has_local_hukou")
    for text in ("两口人", "就我跟老伴俩", "不知道", "五口 不对 四口"):
        first = parsed_answer(size, text, ON, region=RegionId.GANSU)
        again = parsed_answer(size, text, ON, region=RegionId.GANSU)
        assert first == again == parse_answer(size, text, ON, region=RegionId.GANSU)
    assert counted == ["两口人", "就我跟老伴俩", "不知道", "五口 不对 四口"]
    # another question, date, region or member asked about is another parse
    parsed_answer(hukou, "两口人", ON, region=RegionId.GANSU)
    parsed_answer(size, "两口人", ON + dt.timedelta(days=1), region=RegionId.GANSU)
    parsed_answer(size, "两口人", ON, region=RegionId.SHANXI)
    parsed_answer(size, "两口人", ON, region=RegionId.GANSU, of_another=True)
    parsed_answer(size, "两口人", ON, region=RegionId.GANSU, asked="son")
    assert len(counted) == 9


def test_answers_holding_a_list_or_member_facts_are_parsed_every_time(
    counted: list[str],
) -> None:
    """A list of choices, or ages with birth dates, is a new object for every caller."""
    situations = question_bank().get("situations")
    first = parsed_answer(situations, "着火了，房子烧了", ON)
    second = parsed_answer(situations, "着火了，房子烧了", ON)
    assert isinstance(first, Value) and isinstance(first.value, list)
    assert first == second and first.value is not second.value
    assert len(counted) == 2
