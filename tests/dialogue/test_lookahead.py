"""dialogue.lookahead: a tried value's outcome is kept per household, screening date and
parameters, and reused only when all three are the same (for any session: it depends on
nothing else)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from dialogue import lookahead
from dialogue.lookahead import Lookahead
from dialogue.questions import question_bank
from dialogue.state import Session
from guides.ids import ItemId
from guides.params import parameters as file_parameters
from guides.params import use_source
from tests.dialogue.sessions import elder_alone

ON = dt.date(2026, 6, 1)
DEPOSITS = ("deposits", None)  # tried at 0 and 1,000,000 yuan
ITEMS = [ItemId.DIBAO]


@pytest.fixture
def screened_on(monkeypatch: pytest.MonkeyPatch) -> list[dt.date]:
    """The dates of the trial screenings actually run (not answered from the cache)."""
    dates: list[dt.date] = []
    real = lookahead.outcomes

    def counted(*args: Any, **kwargs: Any) -> Any:
        dates.append(kwargs["on"])
        return real(*args, **kwargs)

    monkeypatch.setattr(lookahead, "outcomes", counted)
    return dates


def test_a_kept_outcome_is_reused_only_for_the_same_facts_date_and_parameters(
    screened_on: list[dt.date],
) -> None:
    bank, kept = question_bank(), Lookahead()

    def tried(session: Session, on: dt.date = ON) -> set[ItemId]:
        return kept.begin(session, on).changeable(bank, DEPOSITS, ITEMS)

    first = tried(elder_alone("s-1"))
    screenings = len(screened_on)
    assert screenings > 0
    assert tried(elder_alone("s-2")) == first  # another session, the same facts: kept
    assert len(screened_on) == screenings

    changed = elder_alone("s-1")
    changed.household.monthly_income_total = 5000
    tried(changed)
    assert len(screened_on) > screenings  # a changed fact: screened again
    screenings = len(screened_on)

    later = ON + dt.timedelta(days=400)
    tried(elder_alone("s-1"), later)
    assert screened_on[-1] == later and len(screened_on) > screenings
    screenings = len(screened_on)

    fresh = file_parameters.__wrapped__()  # new parameters published (a new object)
    use_source(lambda: fresh)
    try:
        tried(elder_alone("s-1"))
    finally:
        use_source(None)
    assert len(screened_on) > screenings
