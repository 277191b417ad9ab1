"""经济困难老年人补贴 (seed 004 第九条): 生活补贴 60—99周岁, 护理补贴 能力评估 2-3级."""

from __future__ import annotations

from guides.household import Member
from guides.screening.checks.common import met, names, scan_members, unknown, unmet
from guides.screening.context import Context
from guides.screening.registry import check
from guides.screening.result import CheckResult


def _age_unknown(ctx: Context, member: Member, elder: int) -> tuple[bool | None, tuple[str, ...]]:
    """A member whose age was not said: surely no elder when younger than someone who is not
    one yet (a 38-year-old's son is under 60), else the age is asked."""
    under = ctx.household.younger_than(member)
    return (False, ()) if under is not None and under <= elder else (None, ("age",))


@check("has_elder_in_subsidy_age")
def has_elder_in_subsidy_age(ctx: Context) -> CheckResult:
    """60—99周岁, both ends included."""
    cid = "has_elder_in_subsidy_age"
    low = ctx.param("elderly_subsidy_min_age")
    high = ctx.param("elderly_subsidy_max_age")
    lo, hi = int(low.value), int(high.value)

    def test(member: Member) -> tuple[bool | None, tuple[str, ...]]:
        if member.age is None:
            return _age_unknown(ctx, member, lo)
        return lo <= member.age <= hi, ()

    found, missing = scan_members(ctx, test)
    if found:
        ages = "、".join(f"{m.age} 岁" for _, m in found)
        return met(cid, f"{names(found)}（{ages}）在 {lo}—{hi} 周岁之间", (low, high))
    if missing:
        return unknown(cid, "还需要知道家里人的年龄", missing, (low, high))
    return unmet(cid, f"家里没有 {lo}—{hi} 周岁的老人", (low, high))


@check("has_elder_needing_care")
def has_elder_needing_care(ctx: Context) -> CheckResult:
    """生活长期不能自理，老年人能力评估为 2-3 级 (both ends included)."""
    cid = "has_elder_needing_care"
    elder = ctx.param("elderly_subsidy_min_age")
    low = ctx.param("elderly_care_grade_min")
    high = ctx.param("elderly_care_grade_max")
    params = (elder, low, high)
    lo, hi = int(low.value), int(high.value)

    def test(member: Member) -> tuple[bool | None, tuple[str, ...]]:
        if member.age is None:
            return _age_unknown(ctx, member, int(elder.value))
        if member.age < elder.value:
            return False, ()
        if member.elder_ability_grade is None:
            return None, ("elder_ability_grade",)
        return lo <= member.elder_ability_grade <= hi, ()

    found, missing = scan_members(ctx, test)
    if found:
        grades = "、".join(f"{m.elder_ability_grade} 级" for _, m in found)
        return met(cid, f"{names(found)}老年人能力评估为 {grades}（{lo}-{hi} 级）", params)
    if missing:
        return unknown(cid, "还需要知道老人的年龄和能力评估等级", missing, params)
    return unmet(cid, f"家里没有能力评估为 {lo}-{hi} 级、生活长期不能自理的老人", params)
