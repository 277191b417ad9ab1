""" "五口 现在四口了" to 您家一共几口人: the count now is the size, not the one before (a
wrong size was stored; dev batch P, session 49)."""

from __future__ import annotations

import pytest

from tests.dialogue.answering import value


@pytest.mark.parametrize(
    ("text", "size"),
    [("五口 现在四口了", 4), ("五口人 老伴走了 现在四口", 4), ("三口 现在都在家", 3)],
)
def test_the_count_now_is_the_size(text: str, size: int) -> None:
    assert value("household_size", text) == size
