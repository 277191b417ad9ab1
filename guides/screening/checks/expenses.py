"""Clauses about rigid expenses (刚性支出) against income: 支出型临时救助, 刚性支出困难."""

from __future__ import annotations

from guides.errors import ParameterNotFound
from guides.household import Household
from guides.params import ResolvedParameter
from guides.screening.checks.common import met, uncertain, unknown, unmet
from guides.screening.checks.income import _income_missing, near_estimated_line, yuan
from guides.screening.context import Context
from guides.screening.registry import check
from guides.screening.result import CheckResult

EDUCATION_FACT = "expenses_12m.education"
EXPENSE_FACTS = ("expenses_12m.medical", EDUCATION_FACT)
# From this age nobody is at school or has a child at school: a parent of 50 may still have a
# child at college (a household member wherever the child lives), one of 70 has none.
NO_SCHOOL_COSTS_AGE = 70
REHABILITATION_FACT = "expenses_12m.disability_rehabilitation"
BASIC_LIVING_FACT = "expenses_12m.basic_living"


def _someone_may_study(household: Household) -> bool:
    """Whether anyone may have schooling costs (their own, or a child's at college, who counts
    as a household member even when living away): 教育支出 exists only then. A household of
    people all aged NO_SCHOOL_COSTS_AGE or more, none said to be at school, has none (an
    80-year-old living alone is not asked what school cost)."""
    size = household.household_size
    if size is None or len(household.members) < size:
        return True
    return any(
        m.school_stage not in (None, "none") or m.age is None or m.age < NO_SCHOOL_COSTS_AGE
        for m in household.members
    )


def unknown_expense_facts(ctx: Context, rigid: bool) -> tuple[str, ...]:
    """The expense items still unknown that could add to the total (issue 11: an unknown item is
    not 0). 教育支出 exists only where someone may be at school, 残疾康复支出 only where someone
    has a disability: with nobody disabled it is 0, and while nobody's disability is known,
    that is what to ask. `rigid` adds 基本生活支出
    (刚性支出, 000 附件2 二（四）). 其他 is never asked: the office checks it."""
    household = ctx.household
    expenses, members = household.expenses_12m, household.members
    found = [
        fact
        for fact, value in zip(EXPENSE_FACTS, (expenses.medical, expenses.education), strict=True)
        if value is None and (fact != EDUCATION_FACT or _someone_may_study(household))
    ]
    if expenses.disability_rehabilitation is None:
        if any(m.has_disability for m in members):
            found.append(REHABILITATION_FACT)
        elif not members or any(m.has_disability is None for m in members):
            found.append("members.has_disability")
    if rigid and expenses.basic_living is None:
        found.append(BASIC_LIVING_FACT)
    return tuple(found)


def _share_text(expense: float, annual_income: float) -> tuple[float, str]:
    """刚性支出 12 个月合计 ÷ 家庭年总收入 (= 月收入合计 × 12), in percent."""
    if annual_income <= 0:
        return float("inf"), f"{yuan(expense)} 元 ÷ 家庭年总收入 0 元（没有收入）"
    share = expense / annual_income * 100
    return share, f"{yuan(expense)} 元 ÷ 家庭年总收入 {yuan(annual_income)} 元 = {share:.2f}%"


def _optional(ctx: Context, name: str) -> ResolvedParameter | None:
    try:
        return ctx.param(name)
    except ParameterNotFound:
        return None


@check("rigid_expense_share_at_least_threshold")
def rigid_expense_share_at_least_threshold(ctx: Context) -> CheckResult:
    """刚性支出（含基本生活支出）÷ 家庭年总收入 against the local share. Where the share is only an
    estimate, reaching it is 或许符合 (the local share decides) unless the share is above the highest
    the clause allows; falling a little short of an estimate is 或许符合 too."""
    cid = "rigid_expense_share_at_least_threshold"
    household = ctx.household
    expenses = household.expenses_12m
    # What is known is a lower bound: the items still unknown can only raise the share.
    parts = (
        expenses.medical,
        expenses.education,
        expenses.disability_rehabilitation,
        expenses.other,
        expenses.basic_living,
    )
    total = float(sum(part or 0 for part in parts))
    unknown_items = unknown_expense_facts(ctx, rigid=True)
    income = ctx.monthly_income
    if income is None:
        return unknown(
            cid,
            "还需要知道近12个月的医疗、教育等刚性支出和家庭收入",
            (*unknown_items, "monthly_income_total"),
        )
    threshold = ctx.param("rigid_expense_share_threshold")
    share, text = _share_text(total, income * 12)
    basic = f"（含基本生活支出 {yuan(expenses.basic_living)} 元）" if expenses.basic_living else ""
    formula = f"刚性支出占比 = 近12个月刚性支出合计{basic} {text}"
    if income <= 0 and total == 0 and expenses.basic_living is None:
        # No income and no expense said: "刚性支出合计 0 元" would state what nobody said. 刚性支出
        # includes 基本生活支出 (刚性办法 第五条（一）), which nobody lives without: any share.
        formula = "刚性支出占比：家里没有收入，刚性支出又包括吃穿住行等基本生活支出（数额还没有说）"
    line = f"当地规定的比例 {threshold.value:g}%"
    estimate = household.income_is_estimate
    highest, lowest = (
        _optional(ctx, "rigid_expense_share_max"),
        _optional(ctx, "rigid_expense_share_min"),
    )
    used = tuple(p for p in (threshold, highest, lowest) if p is not None)
    if share >= threshold.value:
        if threshold.verified or (
            highest is not None and highest.verified and share >= highest.value
        ):
            return met(cid, f"{formula}，达到{line}", used, estimate)
        ceiling = _optional(ctx, "rigid_expense_share_ceiling")
        if ceiling is not None and share > ceiling.value:
            # spending more than all the income: over any share a place could set
            return met(cid, f"{formula}，刚性支出已经超过家庭全部收入", (*used, ceiling), estimate)
        return uncertain(
            cid,
            f"{formula}，达到估算的比例 {threshold.value:g}%；当地的具体比例由民政部门确定",
            used,
            estimate,
        )
    # Decide under uncertainty: near an estimated ratio the answer is 或许符合, and an unknown
    # item could only raise the share to an estimated ratio's 或许符合 again, so it is not
    # asked — unless a verified upper ratio (甘肃 90%) could make it 可能符合.
    below_floor = lowest is not None and lowest.verified and share < lowest.value
    if below_floor and lowest is not None and not unknown_items:  # else: ask what could raise it
        near_floor = _near_in_principle_floor(ctx, cid, formula, share, lowest, used, estimate)
        if near_floor is not None:
            return near_floor
    capped = highest is not None and highest.verified
    if not threshold.verified and not below_floor and (not unknown_items or not capped):
        margin = _optional(ctx, "estimate_near_margin")
        if margin is not None and share >= threshold.value * (1 - margin.value / 100):
            return uncertain(
                cid,
                f"{formula}，接近估算的比例 {threshold.value:g}%；当地的具体比例由民政部门确定",
                (*used, margin),
                estimate,
            )
    if unknown_items:
        known = f"{formula}；" if any(part is not None for part in parts) else ""
        return unknown(
            cid,
            f"{known}还需要知道近12个月的医疗、教育、残疾康复和基本生活等刚性支出，才能算占比",
            unknown_items,
        )
    return unmet(cid, f"{formula}，低于{line}", used, estimate)


def _near_in_principle_floor(
    ctx: Context,
    cid: str,
    formula: str,
    share: float,
    lowest: ResolvedParameter,
    used: tuple[ResolvedParameter, ...],
    estimate: bool,
) -> CheckResult | None:
    """Seed 000 附件2 二（四）: the share is "原则上在60%-90%之间，具体比例由各市州…确定". "原则上"
    (as a rule) is not a hard floor: a share just under it (within `estimate_near_margin`) is
    或许符合, the 市州's share and the receipts decide (asymmetric harm); far under it stays
    可能不符合."""
    margin = _optional(ctx, "estimate_near_margin")
    if margin is None or share < lowest.value * (1 - margin.value / 100):
        return None
    return uncertain(
        cid,
        f"{formula}，略低于文件写的“原则上”{lowest.value:g}%的下限；具体比例由市州民政部门确定，"
        "要按票据核算",
        (*used, margin),
        estimate,
    )


@check("income_after_expenses_below_dibao_standard")
def income_after_expenses_below_dibao_standard(ctx: Context) -> CheckResult:
    """Licheng 支出型 (1): 申请前6个月，家庭可支配收入扣除自负医疗、教育等必需支出后，月人均
    可支配收入低于低保标准. We know 12-month totals: spread over 12 months the expenses are at
    their smallest per month, all within the 6 months at their largest; between the two only
    the street office's check of the 6 months can decide."""
    cid = "income_after_expenses_below_dibao_standard"
    household = ctx.household
    missing_income = _income_missing(ctx, cid, "家庭人口、收入和户口类型")
    total = household.expenses_12m.total()
    if missing_income is not None or total is None:
        missing = list(missing_income.missing) if missing_income else []
        if total is None:
            missing.extend(EXPENSE_FACTS)
        return unknown(cid, "还需要知道家庭收入和近期自负的医疗、教育等支出", missing)
    standard = ctx.dibao_standard()
    assert standard is not None
    income, size = ctx.monthly_income, ctx.household_size
    assert income is not None and size is not None
    low = (income - total / 6) / size  # all 12 months' expenses fell within the 6 months
    high = (income - total / 12) / size  # expenses spread evenly over 12 months
    line = f"当地低保标准 {yuan(standard.value)} 元"
    formula = (
        f"（月收入合计 {yuan(income)} 元 − 每月自负医疗、教育等支出 {yuan(total / 12)} 元）"
        f" ÷ {size} 人 = {yuan(high)} 元"
    )
    estimate = household.income_is_estimate
    near = near_estimated_line(ctx, high, standard.value, (standard,)) or near_estimated_line(
        ctx, low, standard.value, (standard,)
    )
    if near is not None and (high < standard.value or low >= standard.value):
        return uncertain(
            cid,
            f"按12个月平均，扣除必需支出后月人均可支配收入 {formula}，和{line}很接近；"
            "这个标准是估算的，要由街道按当地公布的标准和实际支出核实",
            (standard, near),
            estimate,
        )
    if high < standard.value:
        return met(
            cid, f"扣除必需支出后月人均可支配收入 {formula}，低于{line}", (standard,), estimate
        )
    unknown_items = unknown_expense_facts(ctx, rigid=False)
    if low >= standard.value and unknown_items:
        # what is known leaves the income above the line; the items still unknown may not
        return unknown(
            cid,
            f"扣除已知的必需支出后月人均可支配收入 {formula}，不低于{line}；"
            "还需要知道其他自负的医疗、教育、残疾康复支出",
            unknown_items,
        )
    if low >= standard.value:
        return unmet(
            cid,
            f"即使把近12个月的支出都算在最近6个月，扣除后月人均可支配收入也有 {yuan(low)} 元，"
            f"不低于{line}",
            (standard,),
            estimate,
        )
    return uncertain(
        cid,
        f"按12个月平均，扣除必需支出后月人均可支配收入 {formula}，不低于{line}；"
        f"如果支出集中在最近6个月，可能低于标准，要由街道按实际支出核实",
        (standard,),
        estimate,
    )
