"""What a finished (or paused) conversation yields: screening, the items for the form, materials."""

from __future__ import annotations

import datetime as dt

from dialogue.screened import is_finished
from dialogue.state import Session
from guides.ids import ItemId, Outcome
from guides.screening.engine import screen
from guides.screening.result import ScreeningResult


def screening_of(session: Session, on: dt.date | None = None) -> ScreeningResult:
    return screen(session.household, items=session.items, on=on, final=is_finished(session))


def form_items(session: Session, result: ScreeningResult | None = None) -> list[ItemId]:
    """Ticked on the form: the items of interest that are not ruled out (the department still
    decides); if all are ruled out, the ones the citizen asked for, so the form is never empty."""
    result = result or screening_of(session)
    open_items = [r.item for r in result.items if r.outcome != Outcome.UNLIKELY]
    if open_items:
        return open_items
    return list(session.items or [r.item for r in result.items])
