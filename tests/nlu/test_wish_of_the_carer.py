"""A wish said right after the speaker names whom they look after (一个人带孩子，想找个工作) is
the speaker's; a member who is the subject keeps theirs."""

from __future__ import annotations

import datetime as dt

import pytest

from nlu.facts import read_facts

TODAY = dt.date(2026, 12, 4)


def wishes(text: str) -> list[tuple[str, object]]:
    reading = read_facts(text, TODAY, opening=True, region="gansu")
    return [(f.name, f.who) for f in reading.facts if f.name.startswith("members.wants_")]


@pytest.mark.parametrize(
    "text",
    ["我被公司辞退了，现在一个人带孩子，想找个工作", "我在家照顾老伴，想找个工作"],
)
def test_the_carer_wishes(text: str) -> None:
    assert wishes(text) == [("members.wants_job", "self")]


def test_a_member_said_as_the_subject_keeps_the_wish() -> None:
    assert wishes("我儿子今年二十六，想找个工作") == [("members.wants_job", "son")]
