"""A speaker who names their parents first and then asks "想给他们申请" asks for the parents'
household, as "替我爸问" already did: the parents and the size their story gives ("俩人在老家住"),
not the speaker's household. The texts are written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from nlu.facts import read_facts

TODAY = dt.date(2026, 12, 5)


@pytest.mark.parametrize(
    ("text", "relation", "size"),
    [
        ("我爸七十六，我妈七十，俩人在老家住，我在外地打工，想给他们申请个低保", "parent", 2),
        ("我奶奶八十九了，一个人住在村里，想帮她申请特困", "grandparent", 1),
        ("我哥腿摔断了，干不了活，想替他问问临时救助", "sibling", None),
    ],
)
def test_a_pronoun_after_the_relatives_asks_for_them(
    text: str, relation: str, size: int | None
) -> None:
    said = read_facts(text, TODAY, opening=True).speaks_for
    assert said is not None
    assert said.person.relation == relation
    assert said.size == size


@pytest.mark.parametrize(
    "text",
    [
        "我儿子二十六了，想给他申请个就业帮扶",  # a grown child most often lives with the speaker
        "我爸妈都跟着我过，想给他们申请低保",  # said to live with the speaker
    ],
)
def test_no_household_of_their_own(text: str) -> None:
    assert read_facts(text, TODAY, opening=True).speaks_for is None


@pytest.mark.parametrize(
    ("text", "size"),
    [
        (
            "我妈今年七十八，住在武威乡下，一个人住，我爸前年走了，我在兰州打工，她这种情况能吃上低保吗",
            1,
        ),
        ("我爸八十了，跟我妈两个人在老家，我在外地上班，他们这样的能申请啥", 2),
    ],
)
def test_a_question_about_them_asks_for_them(text: str, size: int) -> None:
    said = read_facts(text, TODAY, opening=True).speaks_for
    assert said is not None
    assert said.person.relation == "parent"
    assert said.size == size
