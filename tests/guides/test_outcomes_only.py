"""With outcomes only (the question choice's screenings), a way's clauses stop at the first
unmet one (guides.screening.engine._run): the results are those of every clause run.

Each development household is built up fact by fact, as a conversation learns it, so the
open items, the ways still open and the ways one clause rules out all come up."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from guides.household import Household
from guides.household_input import parse_household
from guides.schema import CheckSpec
from guides.screening import engine
from guides.screening.context import Context
from guides.screening.registry import run_check
from guides.screening.result import CheckResult

DEV = Path(__file__).resolve().parents[2] / "guides" / "dev"
ON = dt.date(2025, 11, 1)


def _every_clause(ctx: Context, specs: list[CheckSpec]) -> list[CheckResult]:
    return [run_check(spec.check, ctx, spec.args) for spec in specs]


def _dev_households() -> list[tuple[str, Household]]:
    found = []
    for path in sorted(DEV.glob("households_dev*.yml")):
        for entry in yaml.safe_load(path.read_text(encoding="utf-8"))["households"]:
            try:
                found.append((entry["id"], parse_household(entry["input"], region=entry["region"])))
            except ValueError:  # a household the model cannot express
                continue
    return found


def steps(household: Household) -> list[Household]:
    """The household as a conversation learns it: one fact at a time (each member listed
    first, then their facts one by one); the steps a household can be at."""
    data = household.model_dump(exclude_none=True, exclude_defaults=True)
    members: list[dict[str, Any]] = data.pop("members", [])
    learnt: dict[str, Any] = {"region": data.pop("region")}
    found = []
    for name, value in data.items():
        if isinstance(value, dict):  # assets, expenses, housing: fact by fact
            for key, fact in value.items():
                learnt.setdefault(name, {})[key] = fact
                found.append(Household.model_validate(learnt))
        else:
            learnt[name] = value
            found.append(Household.model_validate(learnt))
    learnt["members"] = [{} for _ in members]
    for index, member in enumerate(members):
        for key, fact in member.items():
            learnt["members"][index][key] = fact
            found.append(Household.model_validate(learnt))
    return found


HOUSEHOLDS = _dev_households()


@pytest.mark.parametrize(("name", "household"), HOUSEHOLDS, ids=[n for n, _ in HOUSEHOLDS])
def test_stopping_at_an_unmet_clause_changes_no_result(
    name: str, household: Household, monkeypatch: pytest.MonkeyPatch
) -> None:
    stages = steps(household)
    short = [engine.screen(h, on=ON, detail=False) for h in stages]
    monkeypatch.setattr(engine, "_run", _every_clause)
    assert short == [engine.screen(h, on=ON, detail=False) for h in stages], name


def test_the_steps_reach_the_household() -> None:
    name, household = HOUSEHOLDS[0]
    assert steps(household)[-1] == household, name
