"""What screening says about one household: per item, an outcome with reasons that cite."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TypeVar, dataclass_transform

from guides.ids import OUTCOME_LABELS, ItemId, Outcome, RegionId
from guides.params import ResolvedParameter

_T = TypeVar("_T")


@dataclass_transform(frozen_default=True)
def verdict(cls: type[_T]) -> type[_T]:
    """A dataclass immutable to the type checker (mypy reports any assignment to a field),
    equal and hashed by value like `dataclass(frozen=True)`, without frozen's cost at run
    time: a frozen __init__ sets each field through object.__setattr__, and the dozens of
    clause and item verdicts a screening makes spent about a seventh of its instructions
    there. Nothing assigns to a verdict: a changed one is a copy (dataclasses.replace)."""
    return dataclass(unsafe_hash=True)(cls)


class CheckStatus(StrEnum):
    MET = "met"
    UNMET = "unmet"
    UNKNOWN = "unknown"  # a fact the citizen can still tell us is missing
    UNCERTAIN = "uncertain"  # met as far as we can tell; only the department can confirm


# The statuses as module names, for screening's hot paths: on Python 3.11 a member read from
# its class (CheckStatus.MET) goes through EnumType's __getattr__ hook, several times the cost
# of reading a global, and a screening reads hundreds. The same objects.
MET, UNMET = CheckStatus.MET, CheckStatus.UNMET
UNKNOWN, UNCERTAIN = CheckStatus.UNKNOWN, CheckStatus.UNCERTAIN


@verdict
class CheckResult:
    """The verdict on one clause. `reason` is plain Chinese with the numbers used."""

    check: str
    status: CheckStatus
    reason: str
    missing: tuple[str, ...] = ()  # fact names (household field paths) that would decide it
    params: tuple[ResolvedParameter, ...] = ()
    is_estimate: bool = False  # decided on an estimated answer ("大概一千多")
    citation: str | None = None  # when the clause is not the item's condition (a time limit)
    # Still unknown, and asked before the other unknown clauses of its way: the clause that
    # says whom the way is for (参照单人户: a member with a severe disability or illness), so
    # the household's means are asked for that way only once someone it is for is known.
    ask_first: bool = False


@verdict
class Reason:
    text: str
    citation: str  # e.g. "甘民发〔2025〕89号… 附件2 二（一）"
    status: CheckStatus


@dataclass(frozen=True)
class MaterialNeed:
    material_id: str
    name: str
    why: str  # why this household needs it ("您在居住地而不是户籍地申请")
    form: str
    media: tuple[str, ...]
    exemptible: bool
    required: bool  # 必备 (True) or 视情况 (False)
    items: tuple[ItemId, ...]
    citation: str


@verdict
class ItemResult:
    item: ItemId
    name: str
    outcome: Outcome
    reasons: tuple[Reason, ...]
    missing_facts: tuple[str, ...]
    department: str
    time_limit: str | None
    variant: str | None = None  # e.g. temporary_aid: emergency / expenditure
    variant_label: str | None = None
    caveats: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    auto_granted: bool = False
    materials: tuple[MaterialNeed, ...] = ()
    benefits: tuple[str, ...] = ()  # "认定为低保对象后，还可以……"
    # The verified numbers used, each with its place and document: 按兰州市城市低保标准 780 元/月
    # （兰民发〔2025〕12号，2025年7月1日起执行）. Unverified ones are in `caveats` instead.
    basis: tuple[str, ...] = ()

    @property
    def outcome_label(self) -> str:
        return OUTCOME_LABELS[self.outcome]


DISCLAIMER = (
    "这只是初步筛查，不是审批结果。是否符合，要由相关部门经过入户调查和家庭经济状况核对后认定。"
)


@dataclass(frozen=True)
class ScreeningResult:
    region: RegionId
    on: dt.date
    items: tuple[ItemResult, ...]
    per_capita_income: float | None
    income_formula: str | None
    caveats: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    disclaimer: str = DISCLAIMER
    channels: tuple[str, ...] = field(default=())

    def item(self, item_id: ItemId | str) -> ItemResult:
        for result in self.items:
            if result.item == item_id:
                return result
        raise KeyError(item_id)

    @property
    def missing_facts(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for result in self.items:
            for fact in result.missing_facts:
                seen.setdefault(fact, None)
        return tuple(seen)
