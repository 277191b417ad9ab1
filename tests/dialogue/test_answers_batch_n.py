"""Answers found wanting on dev batch N (issue 12): a son named alive to 有没有法定赡养人 is a
yes, however little he can give ("…顾不上我" is his capacity, not whether he is bound)."""

from __future__ import annotations

import pytest

from tests.dialogue.answering import value


def test_a_son_alive_elsewhere_who_cannot_help_is_still_bound() -> None:
    assert value("member_legal_supporter", "儿子在银川打工 租的房子 两个娃念书 顾不上我") is True


@pytest.mark.parametrize(
    "text", ["老伴没了 儿子也没了", "没儿没女", "没有，老伴早没了，一个闺女也不在了", "孤老头一个"]
)
def test_everyone_named_gone_is_still_a_no(text: str) -> None:
    assert value("member_legal_supporter", text) is False
