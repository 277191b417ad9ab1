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

import chinese_calendar


@dataclass(frozen=True)
class DueDate:
    """The day by which a decision is due, and whether the official calendar covered it."""

    due: date
    working_days: int
    calendar_complete: bool


def _is_working_day(day: date) -> tuple[bool, bool]:
    """(is a working day, known from the official calendar)."""
    try:
        return bool(chinese_calendar.is_workday(day)), True
    except NotImplementedError:  # year not yet published in the package
        return day.weekday() < 5, False


def decision_due(applied_on: date, working_days: int) -> DueDate:
    """The date of the ``working_days``-th working day after ``applied_on`` (that day excluded)."""
    if working_days < 0:
        raise ValueError("working_days must not be negative")
    day, counted, complete = applied_on, 0, True
    while counted < working_days:
        day += timedelta(days=1)
        working, known = _is_working_day(day)
        complete = complete and known
        counted += working
    return DueDate(due=day, working_days=working_days, calendar_complete=complete)
