"""因病致贫重病患者 (seed 002 三（二）1): a member with a serious illness."""

from __future__ import annotations

from guides.household import Member
from guides.screening.checks.common import met, names, scan_members, unknown, unmet
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
