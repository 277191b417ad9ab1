"""An income said twice with different sums (issue 11: decide under uncertainty; a wrong fact is
worse than a missing one).

A family may give its monthly income as a whole and person by person, and the two may not add up
("一家子一个月也就一千五…他拉货两千，我做保洁一千"). Every clause reads the whole first, so the
members' figures would silently lose. Each item is screened under both sums: where both give the
same outcome it stands (whichever figure is right, the clauses say the same); where they differ,
the item waits for the income to be confirmed (还需了解), never 可能不符合 on one of two figures.
"""

from __future__ import annotations

from dataclasses import replace

from guides.household import Household
from guides.ids import NEED_INFO
from guides.screening.checks.income import yuan
from guides.screening.result import UNKNOWN, ItemResult, Reason

INCOME_FACT = "monthly_income_total"


def two_incomes(household: Household) -> tuple[float, float] | None:
    """(the whole, the members' sum) when both are known and differ by a yuan or more."""
    whole = household.monthly_income_total
    if whole is None:
        return None
    by_person = household.members_monthly_income
    if by_person is None or abs(whole - by_person) < 1:
        return None
    return whole, by_person


def by_person(household: Household) -> Household:
    """The household read with the members' incomes (the whole left out)."""
    return household.model_copy(update={"monthly_income_total": None})


def reconcile(first: ItemResult, other: ItemResult, incomes: tuple[float, float]) -> ItemResult:
    """`first` (screened on the whole) where `other` (on the members' sum) has the same outcome;
    else 还需了解 with the two figures, asking the income again."""
    if first.outcome == other.outcome:
        return first
    whole, summed = incomes
    citation = first.reasons[0].citation if first.reasons else ""
    said = Reason(
        f"您说全家每月收入 {yuan(whole)} 元，按每个人说的加起来是 {yuan(summed)} 元，"
        f"两个数不一样：按前一个数是“{first.outcome_label}”，按后一个数是“{other.outcome_label}”。"
        "请再核对一下家里每月的收入",
        citation,
        UNKNOWN,
    )
    return replace(
        first,
        outcome=NEED_INFO,
        reasons=(said,),
        missing_facts=(INCOME_FACT,),
        auto_granted=False,
        benefits=(),
    )
