"""Clauses about the household's per-capita income against a line (低保标准, 边缘线, 可支配收入)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from functools import wraps

from guides.errors import ParameterNotFound
from guides.household import Household, Member
from guides.ids import HUKOU_LABELS
from guides.params import ResolvedParameter
from guides.screening.context import Context
from guides.screening.registry import check
from guides.screening.result import MET, UNCERTAIN, UNKNOWN, UNMET, CheckResult

INCOME_FACTS = ("monthly_income_total", "size")


def yuan(amount: float) -> str:
    """Money as said aloud: 1000, 1033.33 (never a rounded figure that hides a boundary)."""
    text = f"{amount:.2f}".rstrip("0").rstrip(".")
    return text or "0"


def per_capita_text(household: Household) -> str | None:
    """共同生活的家庭成员月收入合计 ÷ 人数 = 人均, the formula every income reason shows."""
    income, size = household.monthly_income, household.household_size
    if income is None or size is None:
        return None
    return f"{yuan(income)} 元 ÷ {size} 人 = {yuan(income / size)} 元"


def annual_per_capita(ctx: Context) -> float:
    """月收入合计 × 12 ÷ 人数, multiplied before dividing so that boundaries stay exact."""
    income, size = ctx.monthly_income, ctx.household_size
    assert income is not None and size is not None
    return income * 12 / size


def _income_missing(
    ctx: Context, check_id: str, what: str = "家庭人口、收入和户口类型"
) -> CheckResult | None:
    household = ctx.household
    missing = []
    if ctx.household_size is None:
        missing.append("size")
    if ctx.monthly_income is None:
        missing.append("monthly_income_total")
    if household.hukou_type is None:
        missing.append("hukou_type")
    if not missing:
        return None
    return CheckResult(check_id, UNKNOWN, f"还需要知道{what}", tuple(missing))


def _compare_below(
    ctx: Context, check_id: str, line: float, line_label: str, params: tuple[ResolvedParameter, ...]
) -> CheckResult:
    per_capita = ctx.per_capita_monthly_income
    assert per_capita is not None  # callers check _income_missing first
    met = per_capita < line  # "低于" is strict: equal to the line is not below it
    relation = "低于" if met else "不低于"
    said = f"{relation}{line_label} {yuan(line)} 元"
    near = near_estimated_line(ctx, per_capita, line, params)
    if near is not None:
        return _near_result(ctx, check_id, said, (*params, near))
    return _income_result(ctx, check_id, met, said, params)


def near_estimated_line(
    ctx: Context, value: float, line: float, params: tuple[ResolvedParameter, ...]
) -> ResolvedParameter | None:
    """Issue 11, asymmetric harm: a line built on an estimated (unverified) number decides
    nothing for a household within `estimate_near_margin` of it, on either side. Returns the
    margin parameter when that is so."""
    guessed = ctx.household.income_is_estimate is True  # "两千多", "一千来块": a range
    if all(p.verified for p in params) and not guessed:
        return None
    try:
        margin = ctx.param("estimate_near_margin")
    except ParameterNotFound:
        return None
    # an estimated income and an estimated line: each may be off by the margin
    width = margin.value * (2 if guessed and not all(p.verified for p in params) else 1)
    return margin if abs(value - line) <= line * width / 100 else None


def _near_result(
    ctx: Context, check_id: str, said: str, params: tuple[ResolvedParameter, ...]
) -> CheckResult:
    return CheckResult(
        check_id,
        UNCERTAIN,
        f"家庭人均月收入 = 全家月收入 {per_capita_text(ctx.household)}，{said}；这个标准是估算的，"
        "您家离它很近，要按当地公布的标准由民政部门核定",
        params=params,
        is_estimate=ctx.household.income_is_estimate,
    )


# 低保审核确认办法 第十三条 下列收入不计入家庭收入（三）: "“十四五”期间，中央确定的城乡居民基本养老保险
# 基础养老金" (2021-2025). The 低保边缘 income is counted as for 低保 (分层分类意见 二: "收入…可参照当地
# 最低生活保障相关规定执行").
BASIC_PENSION_NOT_COUNTED = (dt.date(2021, 1, 1), dt.date(2025, 12, 31))


def may_draw_basic_pension(member: Member) -> bool:
    """城乡居民基础养老金 is paid from 60: someone whose age is not known yet may draw it."""
    return member.age is None or member.age >= 60


def _income_without(ctx: Context, key: str, part: Callable[[Member], float]) -> Context | None:
    """The screening with `part` of each member's income left out (memoised under `key`); None
    when nothing is left out, or the income was given for the household as a whole (whether a
    pension is inside that total is not known)."""
    household = ctx.household
    if household.monthly_income_total is not None:
        return None
    found = ctx.memo.get(key)
    if found is None:
        members, taken = [], 0.0
        for member in household.members:
            income = member.monthly_income
            cut = min(part(member), income) if income is not None else 0.0
            if cut > 0 and income is not None:
                taken += cut
                member = member.model_copy(update={"monthly_income": income - cut})
            members.append(member)
        counted = household.model_copy(update={"members": members}) if taken else None
        found = ctx.memo[key] = ctx.with_household(counted) if counted is not None else False
    return found if isinstance(found, Context) else None


def _may_have_untold_pension(member: Member) -> bool:
    """Someone of 60 or more whose 基础养老金 was not told; a 离退休人员 draws a 离退休金 from the
    workers' scheme instead (counted, 第十三条（四）)."""
    return (
        member.monthly_basic_pension is None
        and member.employment != "retired"
        and may_draw_basic_pension(member)
    )


def _known_pension(member: Member) -> float:
    return member.monthly_basic_pension or 0.0


def _basic_pension_cap(ctx: Context) -> float | None:
    """The most a 城乡居民基础养老金 can be: less than the 低保标准 everywhere (of either hukou
    type while the type is unknown)."""
    standards = ctx.param_per_hukou_type("dibao_standard")
    return max(s.value for s in standards) if standards else None


def counted_as_for_dibao(clause: Callable[[Context], CheckResult]) -> Callable[..., CheckResult]:
    """A 低保 / 低保边缘 income clause on the income 第十三条 counts: without the 城乡居民基础养老金
    during the “十四五” period. After it the text no longer says, so where leaving the pension
    out would change the answer, it is 或许符合 and the office applies the local rule. A pension
    not yet told (someone of 60 or more with an income) never makes the clause unmet when
    leaving out the most it can be would meet it (an unknown fact never excludes)."""

    @wraps(clause)
    def run(ctx: Context) -> CheckResult:
        result = clause(ctx)
        known = _income_without(ctx, "without_basic_pension", _known_pension)
        if known is not None:
            result = _pension_left_out(ctx, result, clause(known), known)
        result = _allowance_left_out(known or ctx, clause, result)
        if result.status != UNMET:
            return result
        cap = _basic_pension_cap(ctx)
        if cap is None:
            return result
        base = known or ctx
        widest = _income_without(
            base,
            "without_possible_basic_pension",
            lambda m: cap if _may_have_untold_pension(m) else 0,
        )
        if widest is None or clause(widest).status == UNMET:
            return result
        return replace(
            result,
            status=UNCERTAIN,
            reason=f"{result.reason}；60岁以上家人的收入里如果有城乡居民基础养老金，这部分不算收入，"
            "结果可能不同，由民政部门核定",
            missing=(),
        )

    return run


def _allowance(member: Member) -> float:
    return member.monthly_allowance or 0.0


def _allowance_left_out(
    ctx: Context, clause: Callable[[Context], CheckResult], result: CheckResult
) -> CheckResult:
    """第十三条 不计入: 优待抚恤金 and 社会救助款物 (低保金) are never counted; 高龄津贴 and
    残疾人两项补贴 are not named, so the city rules (（四）). The model holds them as one amount:
    where leaving it out changes the answer, the office decides (或许符合, never 可能不符合)."""
    bare = _income_without(ctx, "without_allowance", _allowance)
    if bare is None:
        return result
    without = clause(bare)
    if without.status == result.status:
        return result
    taken = (ctx.monthly_income or 0) - (bare.monthly_income or 0)
    return replace(
        without,
        status=UNCERTAIN,
        reason=f"{without.reason}（政府发的补贴 {yuan(taken)} 元没有算进去）；抚恤金、低保金等"
        "救助款不算收入，高龄津贴、残疾人补贴算不算看当地规定，由民政部门核定",
        missing=(),
    )


def _pension_left_out(
    ctx: Context, result: CheckResult, counted: CheckResult, counted_ctx: Context
) -> CheckResult:
    taken = (ctx.monthly_income or 0) - (counted_ctx.monthly_income or 0)
    note = f"（城乡居民基础养老金 {yuan(taken)} 元不算收入，已经扣除）"
    start, end = BASIC_PENSION_NOT_COUNTED
    if start <= ctx.on <= end:
        return replace(counted, reason=counted.reason + note)
    if counted.status == result.status:
        return result
    return replace(
        counted,
        status=UNCERTAIN,
        reason=f"{counted.reason}{note}；“十四五”期间基础养老金不算收入，现在还算不算要看"
        "当地规定，由民政部门核定",
        missing=(),
    )


@check("income_below_dibao_standard", household_only=True)
@counted_as_for_dibao
def income_below_dibao_standard(ctx: Context) -> CheckResult:
    missing = _income_missing(ctx, "income_below_dibao_standard")
    if missing:
        return _decided_for_every_hukou_type(ctx, missing) or missing
    standard = ctx.dibao_standard()
    assert standard is not None
    return _compare_below(
        ctx, "income_below_dibao_standard", standard.value, "当地低保标准", (standard,)
    )


def _decided_for_every_hukou_type(ctx: Context, missing: CheckResult) -> CheckResult | None:
    """Decide under uncertainty: with only the hukou type unknown, a per-capita income at or above
    the 低保标准 for every hukou type is unmet, and one below every standard is met, whatever
    the type turns out to be. Between the standards the hukou type decides, so it stays unknown."""
    if missing.missing != ("hukou_type",):
        return None
    per_capita = ctx.per_capita_monthly_income
    assert per_capita is not None
    try:
        standards = {hukou: ctx.param("dibao_standard", hukou) for hukou in HUKOU_LABELS}
    except ParameterNotFound:
        return None
    lines = sorted({standard.value for standard in standards.values()})
    if lines[0] <= per_capita < lines[-1]:
        return None
    if any(near_estimated_line(ctx, per_capita, line, tuple(standards.values())) for line in lines):
        return None
    met = per_capita < lines[0]
    each = "、".join(f"{HUKOU_LABELS[h]}户口 {yuan(s.value)} 元" for h, s in standards.items())
    line_text = (
        f"当地低保标准 {yuan(lines[0])} 元" if len(lines) == 1 else f"当地低保标准（{each}）"
    )
    return _income_result(
        ctx,
        "income_below_dibao_standard",
        met,
        f"无论城镇还是农村户口，都{'低于' if met else '不低于'}{line_text}",
        tuple(standards.values()),
    )


def _income_result(
    ctx: Context, check_id: str, met: bool, said: str, params: tuple[ResolvedParameter, ...]
) -> CheckResult:
    """An income clause decided: the household's per-capita income, then what it means."""
    return CheckResult(
        check_id,
        MET if met else UNMET,
        f"家庭人均月收入 = 全家月收入 {per_capita_text(ctx.household)}，{said}",
        params=params,
        is_estimate=ctx.household.income_is_estimate,
    )


def edge_line(ctx: Context) -> tuple[float, tuple[ResolvedParameter, ...]]:
    standard = ctx.dibao_standard()
    assert standard is not None
    multiple = ctx.param("dibao_edge_multiple")
    return standard.value * multiple.value, (standard, multiple)


def _edge_label(params: tuple[ResolvedParameter, ...]) -> str:
    standard, multiple = params
    return f"低保边缘认定标准（低保标准 {yuan(standard.value)} 元的 {multiple.value:g} 倍）"


def _edge_citation(params: tuple[ResolvedParameter, ...]) -> str | None:
    """The 低保边缘 line is set by the clause that gives its multiple (seed 000 附件2 二（三）,
    分层分类意见 二), also where another item (参照单人户 低保) uses it."""
    multiple = params[-1]
    source = multiple.source
    return None if source.config else source.cite()


@check("income_below_edge_line", household_only=True)
@counted_as_for_dibao
def income_below_edge_line(ctx: Context) -> CheckResult:
    missing = _income_missing(ctx, "income_below_edge_line")
    if missing:
        return _above_every_edge_line(ctx, missing) or missing
    line, params = edge_line(ctx)
    result = _compare_below(ctx, "income_below_edge_line", line, _edge_label(params), params)
    if result.status == UNMET:
        result = _within_widened_edge_line(ctx, params) or result
    return replace(result, citation=_edge_citation(params))


def _above_every_edge_line(ctx: Context, missing: CheckResult) -> CheckResult | None:
    """Decide under uncertainty: with only the hukou type unknown, a per-capita income at or above
    the widest edge line (the widening the clause allows) of every hukou type is unmet."""
    if missing.missing != ("hukou_type",):
        return None
    per_capita = ctx.per_capita_monthly_income
    assert per_capita is not None
    try:
        standards = [ctx.param("dibao_standard", hukou) for hukou in HUKOU_LABELS]
        multiple = ctx.param("dibao_edge_multiple")
        widest = max(multiple.value, ctx.param("dibao_edge_multiple_max").value)
    except ParameterNotFound:
        return None
    line = max(s.value for s in standards) * widest
    if per_capita < line or near_estimated_line(ctx, per_capita, line, (*standards, multiple)):
        return None  # below, or near an estimated line: the hukou type's own line decides
    return _income_result(
        ctx,
        "income_below_edge_line",
        False,
        f"无论城镇还是农村户口，都不低于低保标准的 {widest:g} 倍（最高 {yuan(line)} 元）",
        (*standards, multiple),
    )


def _within_widened_edge_line(
    ctx: Context, params: tuple[ResolvedParameter, ...]
) -> CheckResult | None:
    """Seed 000 附件2 二（三）: "低于…1.5 倍（有条件的地区可放宽至 2 倍）". Between the two lines the
    local rule decides, so the answer is 或许符合, never 可能不符合."""
    standard, multiple = params
    try:
        widest = ctx.param("dibao_edge_multiple_max")
    except ParameterNotFound:
        return None
    per_capita = ctx.per_capita_monthly_income
    assert per_capita is not None
    wide_line = standard.value * widest.value
    if widest.value <= multiple.value:
        return None
    if per_capita >= wide_line:
        near = near_estimated_line(ctx, per_capita, wide_line, (standard, widest))
        if near is None:
            return None
        said = f"不低于可放宽到的低保标准 {widest.value:g} 倍 {yuan(wide_line)} 元"
        return _near_result(ctx, "income_below_edge_line", said, (standard, multiple, widest, near))
    who_widens = (
        "政策允许有条件的地区放宽到" if widest.verified else "有的地区（如甘肃）规定可放宽到"
    )
    return CheckResult(
        "income_below_edge_line",
        UNCERTAIN,
        f"家庭人均月收入 = 全家月收入 {per_capita_text(ctx.household)}，不低于低保标准的 {multiple.value:g} 倍"
        f"（{yuan(standard.value * multiple.value)} 元），但低于 {widest.value:g} 倍"
        f"（{yuan(wide_line)} 元）；{who_widens} {widest.value:g} 倍，"
        f"当地是否放宽由民政部门确认",
        params=(standard, multiple, widest),
        is_estimate=ctx.household.income_is_estimate,
    )


@check("income_above_edge_line")
def income_above_edge_line(ctx: Context) -> CheckResult:
    missing = _income_missing(ctx, "income_above_edge_line")
    if missing:
        return _above_edge_for_every_hukou_type(ctx, missing) or missing
    line, params = edge_line(ctx)
    per_capita = ctx.per_capita_monthly_income
    assert per_capita is not None
    met = per_capita > line  # "超过" is strict
    relation = "超过" if met else "没有超过"
    said = f"{relation}{_edge_label(params)}{yuan(line)} 元"
    near = near_estimated_line(ctx, per_capita, line, params)
    if near is not None:
        return _near_result(ctx, "income_above_edge_line", said, (*params, near))
    return _income_result(ctx, "income_above_edge_line", met, said, params)


IN_PRINCIPLE = "；文件写的是“原则上”应低于，是否超出家庭承受能力由民政部门按实际困难核定"


@check("income_below_disposable_income")
def income_below_disposable_income(ctx: Context, in_principle: bool = False) -> CheckResult:
    """`in_principle`: the clause says 原则上 (支出型临时救助 in seeds 001 and 002), so a household
    above the line is not excluded: the office weighs the hardship (asymmetric harm)."""
    missing = _income_missing(ctx, "income_below_disposable_income")
    if missing:
        decided = _disposable_for_every_hukou_type(ctx, missing)
        if decided is not None and decided.status == UNMET and in_principle:
            return replace(decided, status=UNCERTAIN, reason=decided.reason + IN_PRINCIPLE)
        return decided or missing
    annual = ctx.param("disposable_income_per_capita", ctx.household.hukou_type)
    per_capita = ctx.per_capita_monthly_income
    assert per_capita is not None
    yearly = annual_per_capita(ctx)
    met = yearly < annual.value
    relation = "低于" if met else "不低于"
    said = (
        f"家庭人均年收入 = 人均月收入 {yuan(per_capita)} 元 × 12 = {yuan(yearly)} 元，"
        f"{relation}上年度当地居民人均可支配收入 {yuan(annual.value)} 元"
    )
    status = MET if met else UNMET
    params: tuple[ResolvedParameter, ...] = (annual,)
    near = near_estimated_line(ctx, yearly, annual.value, params)
    if near is not None:
        status, params = UNCERTAIN, (annual, near)
        said += "；这个数是估算的，您家离它很近，要按统计部门公布的数字核定"
    elif not met and in_principle:
        status = UNCERTAIN
        said += IN_PRINCIPLE
    return CheckResult(
        "income_below_disposable_income",
        status,
        said,
        params=params,
        is_estimate=ctx.household.income_is_estimate,
    )


def _per_hukou_type(
    ctx: Context, missing: CheckResult, name: str
) -> dict[str, ResolvedParameter] | None:
    """The parameter for each hukou type, when the hukou type is the only fact missing."""
    if missing.missing != ("hukou_type",):
        return None
    try:
        return {hukou: ctx.param(name, hukou) for hukou in HUKOU_LABELS}
    except ParameterNotFound:
        return None


def _above_edge_for_every_hukou_type(ctx: Context, missing: CheckResult) -> CheckResult | None:
    """Decide under uncertainty (刚性支出 "超过低保边缘标准"): above the edge line of every hukou
    type is met, at or below every one is unmet; near an estimated line, or between, stays open."""
    standards = _per_hukou_type(ctx, missing, "dibao_standard")
    if standards is None:
        return None
    multiple = ctx.param("dibao_edge_multiple")
    per_capita = ctx.per_capita_monthly_income
    assert per_capita is not None
    lines = sorted(s.value * multiple.value for s in standards.values())
    params = (*standards.values(), multiple)
    if lines[0] < per_capita <= lines[-1]:
        return None
    if any(near_estimated_line(ctx, per_capita, line, params) for line in lines):
        return None
    met = per_capita > lines[-1]
    line = lines[-1] if met else lines[0]
    said = f"无论城镇还是农村户口，都{'超过' if met else '没有超过'}低保边缘认定标准（{yuan(line)} 元）"
    return _income_result(ctx, "income_above_edge_line", met, said, params)


def _disposable_for_every_hukou_type(ctx: Context, missing: CheckResult) -> CheckResult | None:
    """Decide under uncertainty: a yearly per-capita income at or above the 可支配收入 of every
    hukou type is unmet, below every one is met; near an estimate, or between, stays open."""
    incomes = _per_hukou_type(ctx, missing, "disposable_income_per_capita")
    if incomes is None:
        return None
    yearly = annual_per_capita(ctx)
    lines = sorted({p.value for p in incomes.values()})
    params = tuple(incomes.values())
    if lines[0] <= yearly < lines[-1]:
        return None
    if any(near_estimated_line(ctx, yearly, line, params) for line in lines):
        return None
    met = yearly < lines[0]
    line = lines[0] if met else lines[-1]
    return CheckResult(
        "income_below_disposable_income",
        MET if met else UNMET,
        f"家庭人均年收入 {yuan(yearly)} 元，无论城镇还是农村户口，都{'低于' if met else '不低于'}"
        f"上年度当地居民人均可支配收入（{yuan(line)} 元）",
        params=params,
        is_estimate=ctx.household.income_is_estimate,
    )
