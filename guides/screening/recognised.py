"""Classes the household already has, and the review order between classes.

- Already recognised (已是低保/特困…): screened as such, i.e. what else it gets, not as a new
  application. A 低保 household whose income rose above the standard because someone found work
  is in the 渐退期 (seed 003 三（二） 就业救助方面).
- Review order (Licheng 特困→低保→低保边缘→刚性支出, seed 004 总结报告 一、二是): each person or
  household is recognised in the first class it meets. 特困 is per person and 低保 per household,
  so one member's 特困 does not take 低保 away from the others; and a class only screened as
  可能符合 is not yet recognised, so the next class stays 或许符合 (reviewed if it is not granted).
"""

from __future__ import annotations

from dataclasses import replace

from guides.household import Household, Member
from guides.ids import LIKELY, POSSIBLE, UNLIKELY, ItemId, Outcome
from guides.screening.checks.common import met, scan_members, uncertain, unknown, unmet
from guides.screening.checks.income import yuan
from guides.screening.checks.tekun import qualifying_members, whole_household_is_tekun
from guides.screening.context import Context
from guides.screening.registry import run_check
from guides.screening.result import (
    MET,
    UNCERTAIN,
    UNMET,
    CheckResult,
    ItemResult,
    Reason,
)

CID = "already_recognised"
WORKING = ("employed", "flexible", "migrant_worker", "farming")
WORKING_AGE = 16  # 劳动法 第十五条: no employment under 16
RECOGNISED_LABELS: dict[ItemId, str] = {
    ItemId.DIBAO: "低保对象",
    ItemId.TEKUN: "特困人员",
    ItemId.DIBAO_EDGE: "低保边缘家庭",
    ItemId.RIGID_EXPENSE: "刚性支出困难家庭",
}


def recognised_checks(ctx: Context, item: ItemId) -> list[CheckResult] | None:
    """The verdict for a class the household says it already has; None if it does not."""
    if item not in RECOGNISED_LABELS or not ctx.receives(item):
        return None
    label = RECOGNISED_LABELS[item]
    if item == ItemId.DIBAO:
        income = run_check("income_below_dibao_standard", ctx, {})
        if income.status == UNMET:
            return [_gradual_exit(ctx, income)]
    return [met(CID, f"您家已经是{label}，不用重新申请这一项；认定后还能享受的见下面")]


def _gradual_exit(ctx: Context, income: CheckResult) -> CheckResult:
    working, missing = scan_members(ctx, _is_working)
    if working:
        months = ctx.param("gradual_exit_months")
        return uncertain(
            CID,
            f"您家已经是低保对象，{income.reason}。已就业的低保对象，家庭人均收入超过低保标准后，"
            f"民政部门会根据实际情况给予渐退期（原则上不超过 {months.value:g} 个月），具体由民政部门确定",
            (*income.params, months),
        )
    if missing:
        # The 渐退期 turns on whether someone works: without that, no verdict either way.
        return unknown(
            CID,
            f"您家已经是低保对象，{income.reason}；还需要知道家里有没有人已经就业"
            "（上班、打工、灵活就业或务农），有人就业的可以给予渐退期",
            missing,
            income.params,
        )
    return unmet(
        CID,
        f"您家已经是低保对象，但{income.reason}；民政部门复核时可能调整或停发低保",
        income.params,
    )


def _is_working(member: Member) -> tuple[bool | None, tuple[str, ...]]:
    """已就业 (seed 003 三（二）): any work that earns, 灵活就业 and 务农 included."""
    if member.employment is None:
        if member.age is not None and member.age < WORKING_AGE:
            return False, ()
        return None, ("employment",)
    return member.employment in WORKING, ()


def apply_review_order(ctx: Context, result: ItemResult) -> ItemResult:
    guide = ctx.guide
    if result.item not in guide.review_order:
        return result
    earlier = guide.review_order[: guide.review_order.index(result.item)]
    first = next(
        (ctx.decided[i] for i in earlier if i in ctx.decided and ctx.decided[i].outcome == LIKELY),
        None,
    )
    if first is None:
        return result
    order = "→".join(_group(i, guide.item(i).name) for i in guide.review_order)
    cite = guide.review_order_source.cite() if guide.review_order_source else ""
    if first.item == ItemId.TEKUN:
        return _after_tekun(ctx, result, order, cite)
    return _ruled_out(
        result,
        f"按审核顺序（{order}），您家会先按{_group(first.item, first.name)}审核认定，"
        f"一般不再另外认定为{_group(result.item, result.name)}。",
        cite,
    )


def _group(item: ItemId, name: str) -> str:
    """The group's name (特困人员), not the payment's (特困人员供养给付)."""
    return RECOGNISED_LABELS.get(item, name)


def _ruled_out(result: ItemResult, note: str, cite: str) -> ItemResult:
    return replace(
        result,
        outcome=UNLIKELY,
        missing_facts=(),
        reasons=(Reason(note, cite, UNMET), *result.reasons),
    )


def _with_note(
    result: ItemResult, note: str, cite: str, outcome: Outcome | None = None
) -> ItemResult:
    status = UNCERTAIN if outcome == POSSIBLE else MET
    return replace(
        result,
        outcome=outcome or result.outcome,
        reasons=(Reason(note, cite, status), *result.reasons),
    )


def _after_tekun(ctx: Context, result: ItemResult, order: str, cite: str) -> ItemResult:
    household = ctx.household
    qualifying = set(qualifying_members(ctx))
    rest = [m for i, m in enumerate(household.members) if i not in qualifying]
    already = ctx.receives(ItemId.TEKUN) is True
    if already and whole_household_is_tekun(ctx):
        group = _group(result.item, result.name)
        return _ruled_out(result, f"您家已经是特困人员，不再另外认定为{group}。", cite)
    if not rest and (ctx.household_size or 1) <= len(household.members):
        if result.outcome not in (LIKELY, POSSIBLE):
            return result
        group = _group(result.item, result.name)
        note = (
            f"您家已经有特困人员；特困按人认定，不是特困人员的家庭成员可以再按{group}审核，"
            "由民政部门核实。"
            if already
            else f"按审核顺序（{order}），会先按特困人员审核；不认定的，再按{group}审核。"
        )
        return _with_note(result, note, cite, POSSIBLE)
    if result.item != ItemId.DIBAO or result.outcome != LIKELY:
        return result
    note = "特困按人认定，其他家庭成员按户审核低保"
    rest_income = _per_capita_of(household, rest)
    standard = ctx.dibao_standard()
    if rest_income is not None and standard is not None and rest_income >= standard.value:
        note += (
            f"；其他家庭成员人均月收入 {yuan(rest_income)} 元，不低于当地低保标准 "
            f"{yuan(standard.value)} 元，要由民政部门分开核算"
        )
        return _with_note(result, note, cite, POSSIBLE)
    return _with_note(result, note, cite)


def _per_capita_of(household: Household, members: list[Member]) -> float | None:
    if not members or (household.household_size or 0) > len(household.members):
        return None
    incomes = [m.monthly_income for m in members]
    if any(i is None for i in incomes):
        return None
    return sum(i for i in incomes if i is not None) / len(members)
