"""The result's time-limit text states the expected decision date (issue 14)."""

from __future__ import annotations

import datetime as dt

from dialogue.ending import result_reply
from dialogue.state import Session
from guides.household import Household
from guides.screening.engine import screen

# Mon 2025-10-13 is after the 国庆中秋 holiday and its last make-up day (Sat 10-11); the next
# official change is 元旦 2026-01-01. So the 45 working days after it are 9 plain Mon-Fri
# weeks: Tue 10-14 .. Mon 12-15, i.e. 63 calendar days later.
SCREENED_ON = dt.date(2025, 10, 13)
EXPECTED = SCREENED_ON + dt.timedelta(weeks=9)


def _reply_for(region: str, on: dt.date) -> str:
    household = Household.model_validate({"region": region})
    session = Session(id="t", owner="wx:t", region=region, household=household)
    return result_reply(session, screen(household, on=on)).time_limit


def test_gansu_result_states_the_due_date_with_holidays_deducted() -> None:
    assert SCREENED_ON.weekday() == EXPECTED.weekday() == 0  # Monday to Monday
    text = _reply_for("gansu", SCREENED_ON)
    when = f"{EXPECTED.year}年{EXPECTED.month}月{EXPECTED.day}日"
    assert text.startswith("办理时限：45 个工作日。")
    assert f"如果今天提交，预计在{when}前有结果（按45个工作日算，已扣除节假日）" in text


def test_year_without_official_calendar_is_worded_as_an_estimate() -> None:
    text = _reply_for("gansu", dt.date(2099, 1, 1))
    assert "按工作日估算，节假日以国家公布为准" in text
    assert "已扣除节假日" not in text


def test_no_working_day_limit_means_no_due_date() -> None:
    text = _reply_for("shanxi", SCREENED_ON)  # 山西的工作方案没有写办理时限
    assert "预计在" not in text
