"""A small pytest plugin: rule tests as data (OpenFisca-style YAML cases).

Every tests/guides/cases/*.yml holds a list of cases:

    - name: 低保：人均收入等于标准，不算“低于”
      date: 2025-11-01          # which parameter values apply (guides/data/parameters.yml)
      region: shanxi
      input: {hukou_type: urban, size: 2, monthly_income_total: 1200, ...}   # a household
      output:
        dibao: unlikely                                     # outcome only, or:
        dibao_edge: {outcome: need_info, missing: [assets.deposits], reasons: ["1.5 倍"],
                     variant: expenditure}

An optional `published: [dibao_standard, …]` screens as if those parameters' values had been
published and checked (verified), as a county's own standard entered through /params is: the
exact boundaries of a clause ("低于" is strict) are pinned there, since near an estimated
(unverified) line screening only says 或许符合.

`missing` facts must all be among the item's missing facts; every `reasons` fragment must
appear in one of its reasons; `benefits` fragments must appear in, and `benefits_exclude`
fragments must be absent from, its "认定后还可以" texts. Each case is one test item, named after the case.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from guides.household_input import parse_household
from guides.ids import Outcome
from guides.params import Parameters, parameters
from guides.screening.engine import screen

CASES_DIR = Path(__file__).parent / "cases"
CASE_KEYS = {"name", "date", "region", "input", "output"}
OPTIONAL_CASE_KEYS = {"published"}
EXPECT_KEYS = {"outcome", "variant", "reasons", "missing", "benefits", "benefits_exclude"}


def pytest_collect_file(parent: pytest.Collector, file_path: Path) -> pytest.Collector | None:
    if file_path.suffix == ".yml" and file_path.parent == CASES_DIR:
        return CaseFile.from_parent(parent, path=file_path)
    return None


class CaseFile(pytest.File):
    def collect(self) -> Iterator[pytest.Item]:
        # safe_load: cases share a base household through YAML merge keys (<<: *clean)
        cases = yaml.safe_load(self.path.read_text(encoding="utf-8"))
        if not isinstance(cases, list):
            raise CaseError(f"{self.path.name}: expected a list of cases")
        seen: set[str] = set()
        for number, case in enumerate(cases, 1):
            if (
                not isinstance(case, dict)
                or not CASE_KEYS <= set(case) <= CASE_KEYS | OPTIONAL_CASE_KEYS
            ):
                raise CaseError(
                    f"{self.path.name} case {number}: keys must be {sorted(CASE_KEYS)}"
                    f" (optionally {sorted(OPTIONAL_CASE_KEYS)})"
                )
            if case["name"] in seen:
                raise CaseError(f"{self.path.name}: duplicate case name {case['name']!r}")
            seen.add(case["name"])
            yield CaseItem.from_parent(self, name=str(case["name"]), case=case)


class CaseError(Exception):
    pass


class CaseItem(pytest.Item):
    def __init__(self, *, case: dict[str, Any], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.case = case

    def runtest(self) -> None:
        case = self.case
        on = (
            case["date"]
            if isinstance(case["date"], dt.date)
            else dt.date.fromisoformat(case["date"])
        )
        household = parse_household(case["input"], region=case["region"])
        published = case.get("published")
        result = screen(household, on=on, params=_published(published) if published else None)
        problems: list[str] = []
        for item_id, raw in case["output"].items():
            problems.extend(_compare(result, str(item_id), raw))
        if problems:
            raise CaseFailure(problems)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, CaseFailure):
            return "\n".join([f"case {self.name!r} ({self.path.name}):", *excinfo.value.problems])
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, 0, f"case: {self.name}"


def _published(names: list[str]) -> Parameters:
    """The project's parameters with every value of `names` marked as published (verified)."""
    data = parameters().data
    unknown = set(names) - set(data.parameters)
    if unknown:
        raise CaseError(f"published: unknown parameters {sorted(unknown)}")
    changed = {
        name: parameter.model_copy(
            update={"history": [v.model_copy(update={"verified": True}) for v in parameter.history]}
        )
        for name, parameter in data.parameters.items()
        if name in names
    }
    return Parameters(data.model_copy(update={"parameters": {**data.parameters, **changed}}))


def _compare(result: Any, item_id: str, raw: Any) -> list[str]:
    expected = {"outcome": raw} if isinstance(raw, str) else dict(raw)
    unknown_keys = set(expected) - EXPECT_KEYS
    if unknown_keys:
        raise CaseError(f"{item_id}: unknown expectation keys {sorted(unknown_keys)}")
    try:
        got = result.item(item_id)
    except KeyError:
        return [f"{item_id}: not in the screening result"]
    problems = []
    outcome = Outcome(expected["outcome"])
    if got.outcome != outcome:
        problems.append(f"{item_id}: expected {outcome.value}, got {got.outcome.value}")
    if "variant" in expected and got.variant != expected["variant"]:
        problems.append(f"{item_id}: expected variant {expected['variant']}, got {got.variant}")
    for fact in expected.get("missing", []):
        if fact not in got.missing_facts:
            problems.append(f"{item_id}: {fact} not among missing {list(got.missing_facts)}")
    texts = [r.text for r in got.reasons]
    for fragment in expected.get("reasons", []):
        if not any(str(fragment) in t for t in texts):
            problems.append(f"{item_id}: no reason mentions {fragment!r}")
    for fragment in expected.get("benefits", []):
        if not any(str(fragment) in b for b in got.benefits):
            problems.append(f"{item_id}: no benefit mentions {fragment!r}: {list(got.benefits)}")
    for fragment in expected.get("benefits_exclude", []):
        if any(str(fragment) in b for b in got.benefits):
            problems.append(f"{item_id}: a benefit mentions {fragment!r}: {list(got.benefits)}")
    if problems:
        problems.append(f"{item_id}: reasons were {texts}")
    return problems


class CaseFailure(Exception):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems
