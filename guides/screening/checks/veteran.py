"""困难退役军人帮扶援助 (seed 001 一（二）): a veteran in the household."""

from __future__ import annotations

from guides.household import Member
from guides.screening.checks.common import met, names, scan_members, unknown, unmet
from guides.screening.context import Context
from guides.screening.registry import check
from guides.screening.result import CheckResult


def _veteran(member: Member) -> tuple[bool | None, tuple[str, ...]]:
    if member.is_veteran is None:
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
