"""困难退役军人帮扶援助 (seed 001 一（二）、三（五）): a veteran in the household, in difficulty.

The seed names the item and the department that receives it and gives no conditions; what
counts as 困难 is the 退役军人事务部门's to recognise. Only a severe difficulty said is a yes; a
household that says it gets by is still for that office to judge (或许符合), never a refusal.
A household screening finds likely 低保, 特困, 低保边缘 or 刚性支出 is a 困难 household by those
classes (the 低收入人口 of 分层分类意见 一): the guide's second way, without asking it again."""

from __future__ import annotations

from guides.household import Member
from guides.screening.checks.common import met, names, scan_members, uncertain, unknown, unmet
from guides.screening.context import Context
from guides.screening.registry import check
from guides.screening.result import CheckResult

# Nobody under 18 has served and left the forces (service begins at 18, at 17 at the earliest,
# for two years or more): a child is not asked about, whatever else is unknown.
_YOUNGEST_VETERAN = 18


def _veteran(member: Member) -> tuple[bool | None, tuple[str, ...]]:
    if member.is_veteran is None:
        if member.age is not None and member.age < _YOUNGEST_VETERAN:
            return False, ()
        return None, ("is_veteran",)
    return member.is_veteran, ()


@check("has_veteran_member")
def has_veteran_member(ctx: Context) -> CheckResult:
    cid = "has_veteran_member"
    found, missing = scan_members(ctx, _veteran)
    if found:
        return met(cid, f"{names(found)}是退役军人")
    if missing:
        return unknown(cid, "还需要知道家里有没有退役军人", missing)
    return unmet(cid, "家里没有退役军人")


@check("veteran_household_in_difficulty")
def veteran_household_in_difficulty(ctx: Context) -> CheckResult:
    cid = "veteran_household_in_difficulty"
    severe = ctx.household.basic_living_in_severe_difficulty
    if severe is None:
        return unknown(
            cid, "还需要知道基本生活是否陷入了困难", ["basic_living_in_severe_difficulty"]
        )
    if severe:
        return met(cid, "您说基本生活出现了严重困难")
    return uncertain(
        cid,
        "您说基本生活还能维持；文件没有写“困难退役军人”的具体条件，"
        "家里算不算困难，由退役军人事务部门认定",
    )
