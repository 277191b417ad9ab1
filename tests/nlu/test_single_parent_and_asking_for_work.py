""" "离婚了，一个人带着闺女" is a household of two, as "我带着女儿过" already was; and "能不能给
我介绍个工作" is the speaker's wish for a job, not a supposition (能不能 otherwise marks a clause
that states nothing). Written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from nlu.facts import read_facts

TODAY = dt.date(2026, 12, 5)


@pytest.mark.parametrize(
    "text",
    [
        "我今年四十五，离婚了，一个人带着闺女，闺女上初三",
        "男人走了，我一个人带着儿子，日子难",
        "我被裁了三个月了 一个人带孩子 现在打零工",  # voice-typed: spaces, no 着
    ],
)
def test_one_parent_with_one_child_is_two(text: str) -> None:
    size = read_facts(text, TODAY, opening=True).size
    assert size is not None and size.value == 2


@pytest.mark.parametrize(
    "text",
    [
        "我腿截肢了，能干点轻活，能不能给我介绍个工作",
        "我四十八了，厂子倒闭了，想请政府帮我找份活",
        "俺今年五十二 俺想出去寻个活 人家嫌俺岁数大",  # 寻 = 找 (northern dialect)
        "俺五十二了 俺这岁数还能给介绍个活不",  # the speaker asks, no pronoun after 给
    ],
)
def test_asking_to_be_given_work_is_the_wish_for_a_job(text: str) -> None:
    facts = read_facts(text, TODAY, opening=True).facts
    assert ("members.wants_job", "self") in [(f.name, f.who) for f in facts]


def test_not_wanting_work_is_no_wish() -> None:
    facts = read_facts("我身体不行，不用给我介绍工作了", TODAY, opening=True).facts
    assert "members.wants_job" not in [f.name for f in facts]
