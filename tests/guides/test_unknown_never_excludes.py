"""Decide under uncertainty (issue 11): an unknown fact never makes an item 可能不符合.

If screening says 可能不符合 while a fact is unknown, it must say so for every value of that fact;
so taking a known fact away from a household never turns an item into 可能不符合. This probes
every test case and development household with each of its facts left out in turn."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from guides.errors import ShejiuError
from guides.household_input import parse_household
from guides.ids import Outcome
from guides.screening.engine import screen
from guides.screening.result import ScreeningResult

ROOT = Path(__file__).resolve().parents[2]
ON = dt.date(2025, 11, 1)
# Left out of the probe: facts whose absence is another value, not an unknown (the size and the
# income are then derived from the members), and a class the department already granted (without
# it, the household is screened as a new application, which is what it would be).
NOT_PROBED = {"region", "size", "monthly_income_total", "already_receives"}
NOT_PROBED_MEMBER = {"relation", "monthly_income"}
# 可能不符合 because a better class comes first (review order): not a refusal.
BETTER_CLASS = ("更可能先认定为", "按审核顺序")


def _households() -> Iterator[tuple[str, dict[str, Any]]]:
    for path in sorted((ROOT / "guides" / "dev").glob("households_dev*.yml")):
        for household in yaml.safe_load(path.read_text(encoding="utf-8"))["households"]:
            yield household["id"], {**household["input"], "region": household["region"]}
    for path in sorted((ROOT / "tests" / "guides" / "cases").glob("*.yml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            if isinstance(case, dict) and "input" in case:
                yield f"{path.name}: {case['name']}", {**case["input"], "region": case["region"]}


def _without_one_fact(data: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for key, value in data.items():
        if key in NOT_PROBED:
            continue
        less = copy.deepcopy(data)
        del less[key]
        yield key, less
        if isinstance(value, dict):
            for part in value:
                less = copy.deepcopy(data)
                del less[key][part]
                yield f"{key}.{part}", less
    for index, member in enumerate(data.get("members") or []):
        for fact in member:
            if fact in NOT_PROBED_MEMBER:
                continue
            less = copy.deepcopy(data)
            del less["members"][index][fact]
            yield f"members.{index}.{fact}", less


def _screen(data: dict[str, Any]) -> ScreeningResult | None:
    try:
        return screen(parse_household(data), on=ON)
    except ShejiuError:
        return None


def _newly_unlikely(base: ScreeningResult, less: ScreeningResult) -> list[str]:
    before = {i.item: i.outcome for i in base.items}
    found = []
    for item in less.items:
        if item.outcome != Outcome.UNLIKELY or before.get(item.item) in (None, Outcome.UNLIKELY):
            continue
        if any(mark in r.text for r in item.reasons for mark in BETTER_CLASS):
            continue
        found.append(f"{item.item.value} ({before[item.item].value}): {item.reasons[0].text}")
    return found


def test_an_unknown_fact_never_makes_an_item_unlikely() -> None:
    problems = []
    probed = 0
    for name, data in _households():
        base = _screen(data)
        if base is None:
            continue
        for fact, less_data in _without_one_fact(data):
            less = _screen(less_data)
            if less is None:
                continue
            probed += 1
            problems += [f"{name} without {fact}: {p}" for p in _newly_unlikely(base, less)]
    assert probed > 3000  # the probe really ran over the cases
    assert problems == []
