"""How the reading tests look at an opening: its facts as (name, value, whose) triples, the
household incomes it states, the household size it says."""

from __future__ import annotations

import datetime as dt

from nlu.facts import read_facts

READ_ON = dt.date(2025, 6, 1)


def opening_facts(
    text: str, today: dt.date = READ_ON, region: str | None = None
) -> set[tuple[str, object, str | None]]:
    """Every fact the first message states (a list value as a tuple, to be hashable)."""
    return {
        (f.name, tuple(f.value) if isinstance(f.value, list) else f.value, f.who)
        for f in read_facts(text, today, opening=True, region=region).facts
    }


def opening_incomes(text: str, today: dt.date = READ_ON) -> list[int]:
    """The household's monthly incomes the first message states, rounded to the yuan."""
    facts = read_facts(text, today, opening=True).facts
    return [round(f.value) for f in facts if f.name == "monthly_income_total"]


def opening_size(text: str, today: dt.date = READ_ON) -> int | None:
    """The household size the first message says, if it says one."""
    said = read_facts(text, today, opening=True).size
    return None if said is None else int(said.value)
