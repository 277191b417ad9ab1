"""临时救助: 急难型 (突发事件、意外、突发重大疾病) and 支出型 (必需支出突然增加) situations."""

from __future__ import annotations

from guides.household import EMERGENCY_SITUATIONS, EXPENDITURE_SITUATIONS
from guides.screening.checks.common import flag, met, uncertain, unknown, unmet
from guides.screening.context import Context
from guides.screening.registry import check
from guides.screening.result import CheckResult

SITUATION_LABELS = {
    "fire": "火灾",
    "traffic_accident": "交通事故",
    "drowning": "溺水",
    "personal_injury": "人身伤害",
    "heroic_act": "见义勇为",
    "explosion": "爆炸",
    "lightning": "雷击",
    "other_accident": "其他意外事件",
    "sudden_serious_illness": "家庭成员突发重大疾病",
    "natural_disaster": "自然灾害",
    "sudden_medical_expense": "医疗支出突然增加",
    "sudden_education_expense": "教育支出突然增加",
    "other_hardship": "其他特殊困难",
}


def _situations(ctx: Context, check_id: str, kinds: frozenset[str], what: str) -> CheckResult:
    situations = ctx.household.situations
    if situations is None:
        # asked before the way's other clauses: without a sudden hardship neither way is open,
        # and whether life is in severe difficulty (or where the family lives) then decides
        # nothing; one question settles what two were asked for
        return unknown(
            check_id, "还需要知道家里最近有没有遇到突发困难", ("situations",), ask_first=True
        )
    found = [SITUATION_LABELS[s] for s in situations if s in kinds]
    if found:
        return met(check_id, f"您家遇到了{'、'.join(found)}，属于{what}")
    return unmet(check_id, f"您没有说到{what}的情况")


@check("has_emergency_situation")
def has_emergency_situation(ctx: Context) -> CheckResult:
    return _situations(
        ctx, "has_emergency_situation", EMERGENCY_SITUATIONS, "突发事件、意外或突发重大疾病"
    )


@check("has_expenditure_hardship")
def has_expenditure_hardship(ctx: Context) -> CheckResult:
    return _situations(
        ctx, "has_expenditure_hardship", EXPENDITURE_SITUATIONS, "教育、医疗等必需支出突然增加"
    )


@check("basic_living_in_difficulty")
def basic_living_in_difficulty(ctx: Context) -> CheckResult:
    return flag(
        ctx.household.basic_living_in_severe_difficulty,
        "basic_living_in_difficulty",
        "basic_living_in_severe_difficulty",
        "您说基本生活出现了严重困难，靠自己和家里没办法解决",
        "您说基本生活还没有陷入严重困难",
        "还需要知道基本生活是否陷入了严重困难",
    )


@check("expense_beyond_capacity", household_only=True)
def expense_beyond_capacity(ctx: Context) -> CheckResult:
    """支出型: the expense "超出家庭承受能力，导致基本生活一定时期内出现严重困难" (临时救助意见
    二（一）; 002 三（二）2; 004 服务指南 三 3). Whether an expense is beyond a family's capacity
    is the office's judgement: a family that says its life is not (or does not say whether it is)
    in severe difficulty is still one the office may help (issue 11: never 可能不符合 on that)."""
    severe = ctx.household.basic_living_in_severe_difficulty
    if severe:
        return met("expense_beyond_capacity", "您说基本生活出现了严重困难，靠自己和家里没办法解决")
    said = "您说日子还能过；" if severe is False else ""
    return uncertain(
        "expense_beyond_capacity",
        f"{said}这笔支出是不是超出了家里的承受能力、让基本生活出现严重困难，由民政部门核实认定",
    )
