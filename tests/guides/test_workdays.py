from datetime import date

import pytest

from guides.workdays import decision_due


def test_skips_weekends_and_national_day_holiday_and_counts_make_up_day() -> None:
    # 2025: 国庆中秋 10月1日-8日 放假, 9月28日(日) and 10月11日(六) are make-up working days.
    due = decision_due(date(2025, 9, 26), 2)
    assert due.due == date(2025, 9, 29)  # Fri -> Sun 28th (work) = 1, Mon 29th = 2
    assert due.calendar_complete
    after_holiday = decision_due(date(2025, 9, 30), 1)
    assert after_holiday.due == date(2025, 10, 9)
    assert decision_due(date(2025, 10, 10), 1).due == date(2025, 10, 11)


def test_forty_five_working_days_spans_more_than_nine_weeks_over_spring_festival() -> None:
    due = decision_due(date(2025, 1, 2), 45)
    assert due.calendar_complete
    # 45 plain weekdays from 2025-01-02 would end 2025-03-06; 春节 holidays push it later.
    assert due.due > date(2025, 3, 6)


def test_year_without_official_data_is_flagged_as_estimate() -> None:
    due = decision_due(date(2099, 1, 1), 5)
    assert not due.calendar_complete
    assert due.due == date(2099, 1, 8)  # Thu 1 Jan 2099 -> Fri, Mon-Thu


def test_zero_days_is_the_application_date_and_negative_is_refused() -> None:
    assert decision_due(date(2025, 5, 6), 0).due == date(2025, 5, 6)
    with pytest.raises(ValueError):
        decision_due(date(2025, 5, 6), -1)
