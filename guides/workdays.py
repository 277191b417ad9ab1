"""Working-day arithmetic for decision time limits (甘肃 45 工作日, 历城 ≤ 46 ...).

Holidays and make-up working days come from the official State Council calendar as packaged
by ``chinesecalendar`` (PyPI; update with ``pip install -U chinesecalendar`` once the next
year's 国务院办公厅 holiday notice is out). For a year the package has no data for yet, we
count Monday-Friday and say so (``calendar_complete`` is False), so callers word the date as
an estimate instead of stating it as fact.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import chinese_calendar

from guides.schema import TimeLimit


@dataclass(frozen=True)
class DueDate:
    """The day by which a decision is due, and whether the official calendar covered it."""

    due: date
    working_days: int
    calendar_complete: bool


@lru_cache(maxsize=4096)  # the package checks its whole year range on every call
def is_working_day(day: date) -> tuple[bool, bool]:
    """(is a working day, known from the official calendar)."""
    try:
        return bool(chinese_calendar.is_workday(day)), True
    except NotImplementedError:  # year not yet published in the package
        return day.weekday() < 5, False


# Every result ends with the due date (~45 working days counted one by one, about 1 ms):
# counted once per day and limit. DueDate is frozen, so a shared result is safe.
@lru_cache(maxsize=256)
def decision_due(applied_on: date, working_days: int) -> DueDate:
    """The date of the ``working_days``-th working day after ``applied_on`` (that day excluded)."""
    if working_days < 0:
        raise ValueError("working_days must not be negative")
    day, counted, complete = applied_on, 0, True
    while counted < working_days:
        day += timedelta(days=1)
        working, known = is_working_day(day)
        complete = complete and known
        counted += working
    return DueDate(due=day, working_days=working_days, calendar_complete=complete)


def due_sentence(applied_on: date, time_limit: TimeLimit | None) -> str | None:
    """ "如果今天提交，预计在…前有结果（…）" for a guide with a working-day limit, else None.

    ``applied_on`` stands for "today" (the screening or form date). An upper bound
    (``max_working_days``, "一般不超过46个工作日") is used when there is no exact count.
    """
    days = None if time_limit is None else time_limit.working_days or time_limit.max_working_days
    if days is None:
        return None
    due = decision_due(applied_on, days)
    when = f"{due.due.year}年{due.due.month}月{due.due.day}日"
    basis = (
        f"按{days}个工作日算，已扣除节假日"
        if due.calendar_complete
        else "按工作日估算，节假日以国家公布为准"
    )
    return f"如果今天提交，预计在{when}前有结果（{basis}）"
