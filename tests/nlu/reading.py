"""How the reading tests look at an opening: its facts as (name, value, whose) triples."""

from __future__ import annotations

import datetime as dt

from nlu.facts import read_facts

READ_ON = dt.date(2025, 6, 1)


def opening_facts(text: str, today: dt.date = READ_ON) -> set[tuple[str, object, str | None]]:
    """Every fact the first message states (a list value as a tuple, to be hashable)."""
    return {
        (f.name, tuple(f.value) if isinstance(f.value, list) else f.value, f.who)
        for f in read_facts(text, today, opening=True).facts
    }
