"""Where the household belongs: 本地户籍, 居住证, 城镇 / 农村户口."""

from __future__ import annotations

from guides.ids import HUKOU_LABELS, HukouType
from guides.screening.checks.common import flag, met, unknown, unmet
from guides.screening.context import Context
from guides.screening.registry import check
from guides.screening.result import CheckResult


@check("has_local_hukou")
def has_local_hukou(ctx: Context) -> CheckResult:
    region = ctx.guide.region_name
    return flag(
        ctx.household.has_local_hukou,
        "has_local_hukou",
        "has_local_hukou",
        f"户口登记在{region}当地",
        f"户口不在{region}当地，这一项要求本地户籍",
        "还需要知道户口是不是在当地",
    )


@check("local_hukou_or_residence_permit")
def local_hukou_or_residence_permit(ctx: Context) -> CheckResult:
    cid = "local_hukou_or_residence_permit"
    household = ctx.household
    if household.has_local_hukou:
        return met(cid, "有本地户籍")
    if household.has_residence_permit:
        return met(cid, "不是本地户籍，但持有居住证")
    missing = []
    if household.has_local_hukou is None:
        missing.append("has_local_hukou")
    if household.has_residence_permit is None:
        missing.append("has_residence_permit")
    if missing:
        return unknown(cid, "还需要知道户口是不是在当地，或有没有居住证", missing)
    return unmet(cid, "没有本地户籍，也没有居住证")


def _hukou(ctx: Context, cid: str, wanted: HukouType) -> CheckResult:
    hukou = ctx.household.hukou_type
    if hukou is None:
        return unknown(cid, "还需要知道是城镇户口还是农村户口", ("hukou_type",))
    if hukou == wanted:
        return met(cid, f"是{HUKOU_LABELS[wanted]}户口")
    return unmet(cid, f"这一项面向{HUKOU_LABELS[wanted]}家庭，您家是{HUKOU_LABELS[hukou]}户口")


@check("urban_hukou")
def urban_hukou(ctx: Context) -> CheckResult:
    return _hukou(ctx, "urban_hukou", "urban")


@check("rural_hukou")
def rural_hukou(ctx: Context) -> CheckResult:
    return _hukou(ctx, "rural_hukou", "rural")
