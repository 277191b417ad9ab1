""" "在" answers 您的户口在本地吗 alone ("在", "在呢", "在这边"); "在城里打工", "都在上小学" say
where someone is, not that the hukou is local. Before, both stored a local hukou (a wrong
fact). Written for these tests from a played conversation (session 49), not evaluation data."""

from __future__ import annotations

import pytest

from tests.dialogue.answering import parsed, value


@pytest.mark.parametrize("text", ["在城里打工", "都在上小学", "在银川念书", "孩子在这上学"])
def test_where_someone_is_answers_nothing(text: str) -> None:
    assert parsed("has_local_hukou", text) is None


@pytest.mark.parametrize(
    "text",
    ["在", "在呢", "在这边", "户口在村里", "嗯 在的", "在哩", "户口就在咱这个县", "户口就在万柏林"],
)
def test_in_alone_is_a_yes(text: str) -> None:
    assert value("has_local_hukou", text) is True


def test_not_in_is_a_no() -> None:
    assert value("has_local_hukou", "不在 在老家") is False
