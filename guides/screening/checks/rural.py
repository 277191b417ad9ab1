"""防止返贫监测 (seed 001, 003): 农村户籍 with income below the monitoring line, or large rigid
expenses / a sudden hardship that may push the household back into poverty."""

from __future__ import annotations

from guides.household import EMERGENCY_SITUATIONS, EXPENDITURE_SITUATIONS
from guides.screening.checks.common import met, uncertain, unknown, unmet
from guides.screening.checks.expenses import unknown_expense_facts
from guides.screening.checks.income import annual_per_capita, near_estimated_line, yuan
from guides.screening.context import Context
from guides.screening.registry import check
from guides.screening.result import UNMET, CheckResult

CID = "rural_at_risk"


@check(CID)
def rural_at_risk(ctx: Context) -> CheckResult:
    household = ctx.household
    if household.hukou_type is None:
        # Decide under uncertainty: a town household is outside the clause, so when a rural one
        # would be too, the hukou type need not be asked.
        as_rural = rural_at_risk(ctx.assuming_hukou("rural"))
        if as_rural.status == UNMET:
            return unmet(
                CID, f"无论城镇还是农村户口，都不在监测范围：{as_rural.reason}", as_rural.params
            )
        return unknown(CID, "还需要知道是不是农村户口", ("hukou_type",))
    if household.hukou_type != "rural":
        return unmet(CID, "防止返贫监测面向农村户籍家庭，您家是城镇户口")
    if household.is_relapse_monitoring_object:
        return met(CID, "您家已经是防止返贫监测对象")
    per_capita = ctx.per_capita_monthly_income
    if per_capita is None:
        missing = [f for f in ("size", "monthly_income_total") if _lacks(ctx, f)]
        return unknown(CID, "还需要知道家庭人口和收入", missing)
    line = ctx.param("relapse_monitoring_income_line")
    yearly = annual_per_capita(ctx)
    text = (
        f"家庭人均年收入 = 人均月收入 {yuan(per_capita)} 元 × 12 = {yuan(yearly)} 元，"
        f"监测收入线 {yuan(line.value)} 元"
    )
    near = near_estimated_line(ctx, yearly, line.value, (line,))
    if near is not None:
        return uncertain(
            CID,
            f"{text}；这条线是估算的，您家离它很近，是否纳入监测由农业农村部门按当地监测范围认定",
            (line, near),
            household.income_is_estimate,
        )
    if yearly < line.value:
        return met(CID, f"{text}，低于监测收入线", (line,), household.income_is_estimate)
    hardship = set(household.situations or ()) & (EMERGENCY_SITUATIONS | EXPENDITURE_SITUATIONS)
    total = household.expenses_12m.total() or 0
    if hardship or total > 0:
        return uncertain(
            CID,
            f"{text}；家里有较大支出或突发困难，是否存在返贫致贫风险由农业农村部门识别认定",
            (line,),
        )
    # Large rigid expenses put a household above the line at risk too (003 一; policy_2.3): an
    # unknown expense item is not 0, so ask it before saying the household is outside the clause.
    # Above the local 可支配收入 the household is not 低收入 (003 一), so expenses are not asked.
    disposable = ctx.param("disposable_income_per_capita", "rural")
    ask: tuple[str, ...] = ("situations",) if household.situations is None else ()
    words = ["家里最近有没有突发困难"] if ask else []
    if yearly < disposable.value:
        if household.is_relapse_monitoring_object is None:
            # a household identified earlier stays monitored until its risk is removed
            ask += ("is_relapse_monitoring_object",)
            words.insert(0, "您家是不是已经纳入防止返贫监测")
        if expenses := unknown_expense_facts(ctx, rigid=False):
            ask += expenses
            words.append("近12个月的医疗、教育等支出")
    if ask:
        return unknown(CID, f"还需要知道{'，'.join(words)}", ask)
    return unmet(CID, f"{text}，没有低于监测收入线，也没有说到突发困难", (line,))


def _lacks(ctx: Context, fact: str) -> bool:
    if fact == "size":
        return ctx.household_size is None
    return ctx.monthly_income is None
