"""低保 said of the family as what it is (我们家是低保, 家里吃低保的) is received already, not
asked for; the same words asking about it stay a request."""

from __future__ import annotations

import datetime as dt

import pytest

from nlu.facts import read_facts

TODAY = dt.date(2026, 12, 4)


def received(text: str) -> list[object]:
    reading = read_facts(text, TODAY, opening=True, region="gansu")
    return [f.value for f in reading.facts if f.name == "already_receives"]


@pytest.mark.parametrize(
    "text",
    [
        "我们家是低保，孩子他爸住院花了好几万，能申请医疗救助吗",
        "家里吃低保的，老伴今年住院了",
        "我是吃低保的",
    ],
)
def test_the_family_is_on_dibao(text: str) -> None:
    assert received(text) == [["dibao"]]


@pytest.mark.parametrize(
    "text",
    ["想问问吃低保的条件是啥", "我们家能不能吃低保", "我们家想吃低保的", "我家是低保的标准吗"],
)
def test_asking_about_dibao_is_not_receiving_it(text: str) -> None:
    assert received(text) == []
