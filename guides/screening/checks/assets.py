"""家庭财产状况符合当地规定: deposits and securities per person, houses, vehicles, businesses.

The seeds leave the property rules to local governments (附件2 二（一）“符合当地……财产状况规定”),
so the limits are parameters, mostly unverified. Over an unverified limit is not a refusal:
only the department, applying the local rule, can decide (UNCERTAIN). Over a verified limit is.
"""

from __future__ import annotations

from guides.errors import ParameterNotFound, PlaceNeeded
from guides.params import ResolvedParameter
from guides.screening.checks.common import met, uncertain, unknown, unmet
from guides.screening.checks.income import yuan
from guides.screening.context import Context
from guides.screening.registry import check
from guides.screening.result import CheckResult

CID = "assets_within_limits"
LOCAL_PROPERTY_RULE = "各地对家庭财产的规定不同，要由民政部门按当地规定核实"
# the rest of the property, not asked once something is already over an estimate
REST_CHECKED = "（其他财产没有问，一并核实）"


def _missing(ctx: Context) -> list[str]:
    household, assets = ctx.household, ctx.household.assets
    missing = []
    if assets.deposits is None:
        missing.append("assets.deposits")
    if assets.houses is None:
        missing.append("assets.houses")
    if assets.vehicles is None:
        missing.append("assets.vehicles")
    if assets.has_registered_business is None:
        missing.append("assets.has_registered_business")
    if ctx.household_size is None:
        missing.append("size")
    if household.hukou_type is None:
        missing.append("hukou_type")
    return missing


@check(CID, household_only=True)
def assets_within_limits(ctx: Context) -> CheckResult:
    missing = _missing(ctx)
    months = ctx.param("asset_deposit_months")
    houses = ctx.param("max_houses")
    over, said, used, standard = _over(ctx, months, houses, partial=bool(missing))
    if missing:
        # Decide under uncertainty (issue 11): the deposits are known and compared, something is
        # already over an estimated limit, and no answer still open (houses, vehicles, business)
        # could be over a verified one: every answer leaves it to the office (或许符合), so
        # nothing is asked. Unknown deposits are still asked: the answer most often decides.
        could_refuse = "assets.houses" in missing and houses.verified
        if over and standard is not None and not could_refuse:
            text = "；".join(what for what, _ in over)
            return uncertain(
                CID,
                f"{text}{REST_CHECKED}。{LOCAL_PROPERTY_RULE}",
                used,
            )
        return unknown(CID, "还需要了解家里的存款、房子、车辆和工商注册情况", missing)
    if not over:
        return met(CID, f"{said}；{_vehicles_said(ctx)}没有工商注册", used)
    text = "；".join(what for what, _ in over)
    if any(verified for _, verified in over):
        return unmet(CID, f"家庭财产可能超过当地规定：{text}", used)
    return uncertain(CID, f"{text}。{LOCAL_PROPERTY_RULE}", used)


def _near_estimated_limit(
    ctx: Context, value: float, limit: float, params: tuple[ResolvedParameter, ...]
) -> ResolvedParameter | None:
    """Issue 11, asymmetric harm: deposits within `estimate_near_margin` under a limit built on
    an estimated (unverified) number are not known to be within the local rule. Returns the
    margin parameter when that is so."""
    if all(p.verified for p in params):
        return None
    try:
        margin = ctx.param("estimate_near_margin")
    except ParameterNotFound:
        return None
    return margin if limit - value <= limit * margin.value / 100 else None


def _vehicles_said(ctx: Context) -> str:
    """The vehicles not weighed against the limits, named as such ("没有汽车" is said only when
    there is none): 最低生活保障审核确认办法 第十四条 维持家庭生产生活的必需财产 may be exempted."""
    if not ctx.household.assets.vehicles:
        return "没有汽车，"
    return "车辆是残疾人代步、谋生或农用的，按维持生产生活的必需财产看待（由民政部门核实）；"


def _over(
    ctx: Context, months: ResolvedParameter, houses: ResolvedParameter, partial: bool
) -> tuple[list[tuple[str, bool]], str, tuple[ResolvedParameter, ...], ResolvedParameter | None]:
    """What is over a limit among the facts known: (what, decided by a verified rule), what was
    compared when nothing is, the parameters used and the 低保标准 the deposits were compared
    with (None: not compared). `partial`: some facts are still unknown, and the deposits are
    compared only when that needs nothing more (the place, say)."""
    assets, size = ctx.household.assets, ctx.household_size
    standard = None
    if assets.deposits is not None and size is not None:
        try:
            standard = ctx.dibao_standard()
        except PlaceNeeded:
            if not partial:
                raise
    used: tuple[ResolvedParameter, ...] = (months, houses)
    over: list[tuple[str, bool]] = []  # (what, decided by a verified rule)
    said: list[str] = []
    if assets.deposits is not None and size is not None and standard is not None:
        used = (standard, *used)
        liquid = assets.deposits + (assets.securities or 0)
        per_person = liquid / size
        limit = months.value * standard.value
        deposit_text = (
            f"家庭存款和有价证券 {yuan(liquid)} 元 ÷ {size} 人 = 人均 {yuan(per_person)} 元，"
            f"当地上限按低保标准 {yuan(standard.value)} 元 × {months.value:g} 个月 = {yuan(limit)} 元"
        )
        if per_person > limit:
            over.append((f"{deposit_text}，超过了", months.verified and standard.verified))
        elif (
            near := _near_estimated_limit(ctx, per_person, limit, (months, standard))
        ) is not None:
            # on or just under a limit built on an estimate: the local rule may be lower
            over.append((f"{deposit_text}，没有超过，但离这个估算的上限很近", False))
            used = (*used, near)
        else:
            said.append(f"{deposit_text}，没有超过")
    if assets.houses is not None:
        house_count = len(assets.houses)
        if house_count > houses.value:
            over.append((f"家里有 {house_count} 套房，超过 {houses.value:g} 套", houses.verified))
        else:
            said.append(f"住房 {house_count} 套")
    cars = [v for v in assets.vehicles or [] if v.kind == "car" and not v.is_for_disability_or_work]
    if cars:
        over.append(("家里有汽车（不是残疾人功能性补偿代步或谋生用车）", False))
    if assets.has_registered_business:
        over.append(("家庭成员有工商注册的经营主体", False))
    return over, "；".join(said), used, standard
