"""Readings are kept per text (nlu.facts.read_facts): what a caller gets is its own, and a
reading kept for one day, opening or region is never another's."""

from __future__ import annotations

import datetime as dt

from nlu.facts import read_facts

TODAY = dt.date(2025, 6, 1)


def _ages(text: str, today: dt.date) -> list[object]:
    return [f.value for f in read_facts(text, today).facts if f.name == "members.age"]


def test_a_caller_changing_its_reading_changes_no_other_callers() -> None:
    text = "我们家已经吃低保了，老伴得了尿毒症"
    first = read_facts(text, TODAY)
    expected = list(first.facts)
    assert expected and first.mentions
    first.facts.clear()
    first.mentions.clear()
    first.items.append("dibao")  # type: ignore[arg-type]
    again = read_facts(text, TODAY)
    assert again.facts == expected
    assert again.mentions and again.items == []


def test_an_age_from_a_birth_year_follows_the_day_it_is_read() -> None:
    assert _ages("我1958年出生", dt.date(2025, 6, 1)) == [67]
    assert _ages("我1958年出生", dt.date(2026, 6, 1)) == [68]


def test_an_opening_and_an_answer_are_read_apart() -> None:
    text = "我今年六十八，每个月养老金一百多"  # the pension is the speaker's in an opening only
    for _ in range(2):
        assert [f.name for f in read_facts(text, TODAY, opening=True).facts] == [
            "members.age",
            "members.monthly_income",
        ]
        assert [f.name for f in read_facts(text, TODAY).facts] == ["members.age"]


def test_the_region_is_part_of_what_is_kept() -> None:
    def hukou(region: str | None) -> list[object]:
        reading = read_facts("户口在太原", TODAY, region=region)
        return [f.value for f in reading.facts if f.name == "has_local_hukou"]

    for _ in range(2):
        assert hukou("gansu") == [False]
        assert hukou("shanxi") == []
        assert hukou(None) == []
