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
# income are then derived from the members, which without members_complete are everyone; an
# income not flagged as estimated was said exactly),
# and a class the department already granted (without it, the household is screened as a new
# application, which is what it would be).
NOT_PROBED = {
    "region", "size", "members_complete", "monthly_income_total", "income_is_estimate",
    "already_receives",
}  # fmt: skip
# in_law is part of the relation: without it the relation was said plainly (女儿, not 儿媳);
# monthly_allowance is a part of monthly_income the family named (高龄津贴, 两项补贴, 抚恤金, 低保金):
# not named, the income is as said, like an income not flagged as estimated
NOT_PROBED_MEMBER = {"relation", "in_law", "monthly_income", "monthly_allowance"}
# 可能不符合 because a better class comes first (review order), or the household already has it
# ("您家已经是低保，不再另外认定": while it says nothing of its income, it stays): not a refusal.
BETTER_CLASS = ("更可能先认定为", "按审核顺序", "不再另外认定")


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


# A needier household is never newly 可能不符合, except where a better class now comes first
# (低保边缘/刚性支出 give way to 低保: "没有超过低保边缘认定标准"; a recognised 低保 household that
# might have left it stays in it: "不再另外认定"), and for the job items, which are for people
# who can work (a member who lost the ability to work is not a job seeker).
FOR_THOSE_WHO_WORK = {"employment_aid", "employment_difficulty", "unemployment_registration"}
BETTER_CLASS_FIRST = ("没有超过低保边缘认定标准", "不再另外认定")


def _needier(data: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any], bool]]:
    """(change, household, whether the change is about the ability to work)."""
    income = data.get("monthly_income_total")
    if isinstance(income, int | float) and income > 0:
        less = copy.deepcopy(data)
        less["monthly_income_total"] = income / 2
        for member in less.get("members") or []:
            if isinstance(member.get("monthly_income"), int | float):
                member["monthly_income"] /= 2
        yield "income halved", less, False
    assets = data.get("assets") or {}
    if isinstance(assets.get("deposits"), int | float) and assets["deposits"] > 0:
        less = copy.deepcopy(data)
        less["assets"]["deposits"] = assets["deposits"] / 2
        yield "deposits halved", less, False
    if assets.get("vehicles"):
        less = copy.deepcopy(data)
        less["assets"]["vehicles"] = []
        yield "no vehicle", less, False
    for index, member in enumerate(data.get("members") or []):
        step = {"full": "partial", "partial": "lost"}.get(member.get("labour_ability"))
        if step:
            less = copy.deepcopy(data)
            less["members"][index]["labour_ability"] = step
            yield f"members.{index} labour {step}", less, True
        if member.get("has_serious_illness") is False:
            less = copy.deepcopy(data)
            less["members"][index]["has_serious_illness"] = True
            yield f"members.{index} seriously ill", less, False


def test_a_needier_household_is_never_newly_unlikely() -> None:
    problems = []
    for name, data in _households():
        base = _screen(data)
        if base is None:
            continue
        for change, needier, about_work in _needier(data):
            result = _screen(needier)
            if result is None:
                continue
            all_tekun = any(
                "您家已经是特困人员，不再另外认定" in r.text
                for i in result.items
                for r in i.reasons
            )
            for problem in _newly_unlikely(base, result):
                item = problem.split(" ")[0]
                better_first = any(words in problem for words in BETTER_CLASS_FIRST)
                if better_first or (about_work and item in FOR_THOSE_WHO_WORK):
                    continue
                if all_tekun:
                    continue  # every member now surely 特困: the household is, and what follows 低保 goes
                problems.append(f"{name}, {change}: {problem}")
    assert problems == []
