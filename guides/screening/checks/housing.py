"""住房救助: 公租房 / 租赁补贴 (seed 000 附件2 二（七）) and 农村危房改造 (seed 001, 002)."""

from __future__ import annotations

from dataclasses import replace

from guides.ids import LIKELY, ItemId
from guides.screening.checks.classes import recognised_in_any
from guides.screening.checks.common import flag, met, uncertain, unknown, unmet
from guides.screening.checks.income import yuan
from guides.screening.context import Context
from guides.screening.registry import check
from guides.screening.result import MET, UNCERTAIN, CheckResult
from guides.sources import SourceRef

PRIORITY_CITATION = SourceRef(
    seed="003_ada1234e2519cca0.txt", section="三（二） 住房救助方面"
).cite()
LOW_INCOME_CLASSES = (ItemId.DIBAO, ItemId.TEKUN, ItemId.DIBAO_EDGE, ItemId.RIGID_EXPENSE)


@check("applicant_adult")
def applicant_adult(ctx: Context) -> CheckResult:
    """年满18周岁: 18 itself counts."""
    cid = "applicant_adult"
    applicant = ctx.household.applicant
    if applicant is None or applicant.age is None:
        return unknown(cid, "还需要知道申请人的年龄", ("members.age",))
    minimum = ctx.param("housing_min_age")
    if applicant.age >= minimum.value:
        return met(cid, f"申请人 {applicant.age} 岁，年满 {minimum.value:g} 周岁", (minimum,))
    return unmet(cid, f"申请人 {applicant.age} 岁，还不满 {minimum.value:g} 周岁", (minimum,))


@check("has_stable_income")
def has_stable_income(ctx: Context) -> CheckResult:
    return flag(
        ctx.household.housing.has_stable_income,
        "has_stable_income",
        "housing.has_stable_income",
        "在本地有稳定工作和收入来源，能付得起租金",
        "公租房要求在本地有稳定工作和收入、能支付租金",
        "还需要知道在本地有没有稳定的工作和收入",
    )


@check("lacks_adequate_housing")
def lacks_adequate_housing(ctx: Context) -> CheckResult:
    """本地无住房，或家庭人均住房建筑面积低于规定标准."""
    cid = "lacks_adequate_housing"
    housing, size = ctx.household.housing, ctx.household_size
    if housing.has_own_housing is False:
        return met(cid, "在本地没有自己的住房")
    if housing.has_own_housing is None:
        return unknown(cid, "还需要知道在本地有没有自己的住房", ("housing.has_own_housing",))
    missing = []
    if housing.total_floor_area is None:
        missing.append("housing.total_floor_area")
    if size is None:
        missing.append("size")
    if missing:
        return unknown(cid, "还需要知道住房面积和家庭人口", missing)
    assert housing.total_floor_area is not None and size is not None
    limit = ctx.param("housing_area_per_capita_limit")
    per_person = housing.total_floor_area / size
    text = (
        f"人均住房建筑面积 = {yuan(housing.total_floor_area)} ㎡ ÷ {size} 人 = "
        f"{yuan(per_person)} ㎡，当地标准 {limit.value:g} ㎡"
    )
    if per_person < limit.value:
        return met(cid, f"{text}，低于标准，属于住房困难", (limit,))
    if limit.verified:
        return unmet(cid, f"{text}，没有低于标准", (limit,))
    return uncertain(cid, f"{text}，没有低于估算的标准，以当地住建部门规定为准", (limit,))


@check("income_within_housing_limit")
def income_within_housing_limit(ctx: Context, local_conditions: bool = False) -> CheckResult:
    """符合当地政府收入限制规定: the seeds give no figure, so a 低收入 household counts as within
    and anyone else is for the 住建部门 to check. With `local_conditions` the clause is "符合当地
    住房保障条件的" (分层分类意见 四（二）3), conditions nobody has published: the 住建部门 checks
    them for a 低收入 household too (或许符合 at best, as for Gansu's priority classes)."""
    cid = "income_within_housing_limit"
    for item in LOW_INCOME_CLASSES:
        if ctx.receives(item) or (item in ctx.decided and ctx.decided[item].outcome == LIKELY):
            if local_conditions:
                return uncertain(
                    cid,
                    "您家是（或可能是）低收入家庭，按规定优先；当地住房保障的具体条件"
                    "（收入、住房困难标准）由住建部门核实",
                )
            return met(cid, "您家是（或可能是）低收入家庭，符合住房保障的收入限制")
    if ctx.monthly_income is None:
        return unknown(cid, "还需要知道家庭收入", ("monthly_income_total",))
    return uncertain(cid, "当地住房保障有收入限制，具体标准以住建部门规定为准")


@check("has_dangerous_house")
def has_dangerous_house(ctx: Context) -> CheckResult:
    return flag(
        ctx.household.housing.is_dangerous_house,
        "has_dangerous_house",
        "housing.is_dangerous_house",
        "现在住的是农村危房",
        "您说住房不是危房",
        "还需要知道现在住的房子是不是危房",
    )


@check("housing_priority_class")
def housing_priority_class(ctx: Context, items: list[str]) -> CheckResult:
    """城市低保、分散供养特困、低保边缘和刚性支出困难家庭 get 公租房 or 租赁补贴 优先 (seed 003 三（二）
    住房救助方面; 分层分类意见 四（二）3), "符合当地住房保障条件的": the 住建部门 checks those
    conditions, so a household in (or maybe in) one of these classes is 或许符合 at best."""
    cid = "housing_priority_class"
    found = recognised_in_any(ctx, items)
    if found.status in (MET, UNCERTAIN):
        result = uncertain(
            cid,
            f"{found.reason}；城镇低保、特困、低保边缘和刚性支出困难家庭，可以通过配租公租房或发放"
            "租赁补贴优先给予住房救助，是否符合当地住房保障条件由住建部门核实",
        )
        return replace(result, citation=PRIORITY_CITATION)
    return CheckResult(cid, found.status, found.reason, found.missing)
