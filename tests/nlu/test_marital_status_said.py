"""Marital status said in a story, the two cases 特困's rule on 法定义务人 reads: a member never
married, and the speaker widowed (dev conversations batch I, session 42: a widowed mother of 72
and her unmarried son were asked who can support whom)."""

from __future__ import annotations

import pytest

from tests.nlu.reading import opening_facts

MARITAL = "members.marital_status"


def _marital(text: str) -> set[tuple[object, str | None]]:
    return {(value, who) for name, value, who in opening_facts(text) if name == MARITAL}


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "俺七十二了 老头子走了好几年了 俺儿子三十八 精神分裂 一直没结婚也上不了班",
            {("widowed", "self"), ("single", "son")},
        ),
        ("老伴前年得癌症走了，我一个人带着孙子", {("widowed", "self")}),
        ("我儿子三十了还没成家", {("single", "son")}),
        ("我一直单身，今年五十五", {("single", "self")}),
        # not a death, not a marriage
        ("我老公没了工作，在家待着", set()),
        ("结婚证没办，孩子上不了户口", set()),
        ("我爸走得早，我妈一个人把我拉扯大", set()),
    ],
)
def test_marital_status_said(text: str, said: set[tuple[object, str | None]]) -> None:
    assert _marital(text) == said
