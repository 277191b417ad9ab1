"""A clause that reads only the household (income against the 低保 line, property, 省内户籍) is
run once per screening however many items ask it; clauses that look at the item or at other
items' decisions are never shared, and sharing changes no outcome."""

from __future__ import annotations

import datetime as dt
import inspect
import json
from collections import Counter
from pathlib import Path

import pytest

from guides.household import Household
from guides.screening import registry
from guides.screening.engine import screen

EXAMPLES = sorted((Path(__file__).parents[2] / "guides" / "examples").glob("*.json"))
ON = dt.date(2026, 12, 4)


def _household(path: Path) -> Household:
    return Household.model_validate(json.loads(path.read_text(encoding="utf-8")))


def test_household_only_clauses_read_nothing_item_specific() -> None:
    for check_id in registry.HOUSEHOLD_ONLY:
        module = inspect.getsource(inspect.getmodule(registry.CHECKS[check_id]))  # type: ignore[arg-type]
        assert "ctx.item" not in module and "ctx.decided" not in module, check_id


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_each_household_only_clause_runs_once_per_screening(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runs: Counter[str] = Counter()
    for check_id in registry.HOUSEHOLD_ONLY:
        fn = registry.CHECKS[check_id]

        def counted(*args: object, _fn=fn, _id=check_id, **kwargs: object):  # type: ignore[no-untyped-def]
            runs[f"{_id}:{sorted(kwargs.items())!r}"] += 1
            return _fn(*args, **kwargs)

        monkeypatch.setitem(registry.CHECKS, check_id, counted)
    shared = screen(_household(path), on=ON)
    assert runs and max(runs.values()) == 1, runs
    monkeypatch.setattr(registry, "HOUSEHOLD_ONLY", set())
    assert screen(_household(path), on=ON) == shared
