"""Money the opening says was earned or saved before an event, with what is left now said after
it, is not stored as the money now (a wrong fact is worse than a missing one)."""

from __future__ import annotations

import datetime as dt

from nlu.facts import read_facts

TODAY = dt.date(2026, 12, 6)


def facts(text: str) -> dict[str, object]:
    return {f.name: f.value for f in read_facts(text, TODAY).facts}


def test_an_income_before_the_accident_is_not_the_income_now() -> None:
    said = facts(
        "我老公以前开车一个月六七千，出事以后家里就没收入了，存款也花光了，想问问能申请低保不"
    )
    assert "members.monthly_income" not in said
    assert said.get("monthly_income_total") in (None, 0.0)
    assert said.get("assets.deposits") == 0.0


def test_savings_spent_on_treatment_are_not_savings() -> None:
    said = facts("原来有两万块钱存款，给老伴看病全花了，现在一个月就靠低保三百多")
    assert "assets.deposits" not in said


def test_an_income_that_goes_on_is_kept() -> None:
    said = facts("家里以前一个月收入三千多，现在也还是这样")
    assert said.get("monthly_income_total") == 3500.0
