"""因病致贫重病患者 (seed 002 三（二）1): a member with a serious illness."""

from __future__ import annotations

from guides.household import Member
from guides.screening.checks.common import met, names, scan_members, uncertain, unknown, unmet
from guides.screening.context import Context
from guides.screening.registry import check
from guides.screening.result import CheckResult


def _seriously_ill(member: Member) -> tuple[bool | None, tuple[str, ...]]:
    if member.has_serious_illness or member.health == "serious_illness":
        return True, ()
    if member.has_serious_illness is False or member.health in ("good", "fair"):
        return False, ()
    return None, ("has_serious_illness",)


@check("has_serious_illness_member")
def has_serious_illness_member(ctx: Context) -> CheckResult:
    cid = "has_serious_illness_member"
    found, missing = scan_members(ctx, _seriously_ill)
    if found:
        return met(cid, f"{names(found)}患有重病")
    if missing:
        return unknown(cid, "还需要知道家里有没有人患重病", missing)
    return unmet(cid, "家里没有患重病的人")


@check("illness_poverty_local_rule")
def illness_poverty_local_rule(ctx: Context) -> CheckResult:
    """因病致贫重病患者: seed 002 lists the class but gives no condition, and the national texts we
    hold give no medical-cost share for it (so none is invented here). The national rule that
    comes closest: 低保边缘家庭中的重病患者可单独纳入低保 (分层分类意见 四（一）)."""
    return uncertain(
        "illness_poverty_local_rule",
        "因病致贫重病患者怎么认定（收入、医疗费用负担），山西的文件没有写，国家文件也没有统一的"
        "医疗费用比例；国家规定低保边缘家庭中的重病患者可以单独纳入低保。具体由民政部门按山西的"
        "认定办法核实",
    )
