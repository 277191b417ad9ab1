"""Ages said of children by birth order ("大的十四，小的十岁", "老二十岁"): a child's, never the
spouse named just before, and 老二十岁 is ten, not twenty."""

from __future__ import annotations

import datetime as dt

from nlu.facts import read_facts

TODAY = dt.date(2026, 12, 7)


def _ages(text: str) -> list[tuple[str | None, object]]:
    return [(f.who, f.value) for f in read_facts(text, TODAY).facts if f.name == "members.age"]


def test_a_childs_age_is_not_the_one_named_before() -> None:
    assert _ages("俺四十一，俺男的四十三，大的十四，小的十岁") == [("self", 41), ("spouse", 43)]


def test_second_child_ten_is_not_twenty() -> None:
    assert _ages("老大十四，老二十岁") == [("child", 10)]


def test_children_counted_before_take_the_ages_in_order() -> None:
    assert _ages("两个闺女，大的十七岁，小的十二岁") == [("daughter", 17), ("daughter", 12)]
    assert _ages("俩孩子，大的今年十五了，小的才八岁") == [("child", 15), ("child", 8)]
