"""Check functions, registered explicitly by id: `@check("income_below_dibao_standard")`.

A check is a pure function `(ctx, **args) -> CheckResult`, named for what it decides. The ids
are the clause ids that guides/data/regions/*.yml use in each condition's structured rule.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from guides.errors import ParameterNotFound, PlaceNeeded
from guides.ids import HUKOU_LABELS
from guides.screening.context import Context
from guides.screening.result import MET, UNCERTAIN, UNKNOWN, UNMET, CheckResult

CheckFn = Callable[..., CheckResult]
CHECKS: dict[str, CheckFn] = {}
# Clauses that read only the household, the parameters and the date (not the item being
# decided, nor items decided before): several items ask them, one screening runs them once.
HOUSEHOLD_ONLY: set[str] = set()


def check(check_id: str, *, household_only: bool = False) -> Callable[[CheckFn], CheckFn]:
    def register(fn: CheckFn) -> CheckFn:
        if check_id in CHECKS:
            raise ValueError(f"check {check_id} registered twice")
        CHECKS[check_id] = fn
        if household_only:
            HOUSEHOLD_ONLY.add(check_id)
        return fn

    return register


def run_check(check_id: str, ctx: Context, args: dict[str, Any]) -> CheckResult:
    """Run one clause (a household-only one once per screening). A number the data does not
    have yet never crashes screening: the clause becomes one only the department can confirm."""
    if check_id not in HOUSEHOLD_ONLY:
        result = _run_check(check_id, ctx, args)
        # (a call fewer per clause while the questionnaire is not over: most screenings)
        return _left_to_the_office(ctx, result) if ctx.final else result
    # most clauses have no arguments: no sorting and repr for them (a dozen per screening)
    arguments = repr(sorted(args.items())) if args else ""
    key = f"check:{check_id}:{arguments}:{ctx.region_level}:{ctx.place}"
    found = ctx.memo.get(key)
    if not isinstance(found, CheckResult):
        found = ctx.memo[key] = _left_to_the_office(ctx, _run_check(check_id, ctx, args))
    return found


# What the 家庭经济状况核对 looks up itself (bank deposits, securities, 不动产登记, 车船登记,
# 市场主体登记): 社会救助暂行办法 第五十八条, 最低生活保障审核确认办法 第十七条
OFFICE_VERIFIED = frozenset(
    {"assets.deposits", "assets.securities", "assets.houses", "assets.vehicles",
     "assets.has_registered_business"}
)  # fmt: skip
# Of those, what the questionnaire never asks (dialogue.choosing): houses, cars, a business,
# securities are rare in the households who ask and a question each. Unknown in a finished
# questionnaire, they do not hold back an item the rest makes likely: the 核对 settles them
# for every likely item anyway, said or not. Deposits, asked, stay 或许符合 when not known.
NOT_ASKED = OFFICE_VERIFIED - {"assets.deposits"}
OFFICE_WILL_CHECK = "到窗口办理时，工作人员会通过家庭经济状况核对查清"
_TO_LEARN = "还需要了解"


def _left_to_the_office(ctx: Context, result: CheckResult) -> CheckResult:
    """In the result of a finished questionnaire, a clause still waiting only for what the
    office verifies itself is one the office confirms (或许符合), not one to ask about; only
    for what is never asked, it holds (NOT_ASKED)."""
    if not ctx.final or result.status != UNKNOWN or not result.missing:
        return result
    if not set(result.missing) <= OFFICE_VERIFIED:
        return result
    said = result.reason
    if said.startswith(_TO_LEARN):  # "还需要了解家里的存款…" -> "家里的存款…还不清楚，到窗口…"
        reason = f"{said[len(_TO_LEARN) :]}还不清楚，{OFFICE_WILL_CHECK}"
    else:
        reason = f"{said}；{OFFICE_WILL_CHECK}"
    status = MET if set(result.missing) <= NOT_ASKED else UNCERTAIN
    return replace(result, status=status, reason=reason, missing=())


def _run_check(check_id: str, ctx: Context, args: dict[str, Any]) -> CheckResult:
    fn = CHECKS.get(check_id)
    if fn is None:
        # A guide naming an unregistered clause is a data bug (tests/guides/test_engine.py
        # catches it); at run time the citizen is sent to the department instead of an error.
        return CheckResult(check_id, UNCERTAIN, "这一条需要向经办部门咨询确认")
    try:
        result = fn(ctx, **args)
        if result.status == UNKNOWN and result.missing == ("hukou_type",):
            return _same_for_every_hukou_type(fn, ctx, args) or result
        return result
    except PlaceNeeded as exc:
        same = _same_for_every_place(fn, ctx, args, exc.name)
        if same is not None:
            return same
        label = PARAM_LABELS.get(exc.name, "相关标准")
        return CheckResult(
            check_id,
            UNKNOWN,
            f"各市、县（区）的{label}不一样，还需要知道您家住在哪个市、县（区）",
            ("place",),
        )
    except ParameterNotFound as exc:
        return CheckResult(
            check_id,
            UNCERTAIN,
            f"还没有收录当地的{_param_label(exc)}，这一条需要向经办部门确认",
        )


def _same_for_every_place(
    fn: CheckFn, ctx: Context, args: dict[str, Any], name: str
) -> CheckResult | None:
    """With the place unknown, a clause that comes out the same under the region's value and
    every city's and county's own value is decided: the place cannot change it."""
    try:
        regional = fn(replace(ctx, region_level=True, memo={}), **args)
        results = [regional]
        for code in ctx.params.places_with_values(name, ctx.guide.region.value):
            household = ctx.household.model_copy(update={"place": code})
            # a fresh memo: what one place's values gave must not serve another place
            results.append(fn(ctx.with_household(household), **args))
    except (PlaceNeeded, ParameterNotFound):
        return None
    statuses = {r.status for r in results}
    if len(statuses) != 1 or regional.status not in (MET, UNMET):
        return None
    label = PARAM_LABELS.get(name, "相关标准")
    return replace(regional, reason=f"{regional.reason}（各县区{label}不同，但按哪个都一样）")


def _same_for_every_hukou_type(
    fn: CheckFn, ctx: Context, args: dict[str, Any]
) -> CheckResult | None:
    """Decide under uncertainty (issue 11): a clause whose only missing fact is the hukou type,
    and which comes out the same for a town and a country household, is decided, and the type
    is not asked for it. The reason names the type its numbers were taken for."""
    results = []
    for hukou, label in HUKOU_LABELS.items():
        try:
            results.append((label, fn(ctx.assuming_hukou(hukou), **args)))
        except (PlaceNeeded, ParameterNotFound):
            return None
    statuses = {result.status for _, result in results}
    if len(statuses) != 1 or UNKNOWN in statuses:
        return None
    label, first = results[0]
    return replace(
        first, reason=f"{first.reason}（按{label}户口算；城镇、农村户口结论一样，不用再问户口类型）"
    )


def _param_label(exc: ParameterNotFound) -> str:
    text = str(exc)
    name = text.removeprefix("no value of ").split(" ", 1)[0]
    return PARAM_LABELS.get(name, "相关标准")


PARAM_LABELS = {
    "dibao_standard": "低保标准",
    "dibao_edge_multiple": "低保边缘认定倍数",
    "disposable_income_per_capita": "上年度居民人均可支配收入",
    "rigid_expense_share_threshold": "刚性支出占比标准",
    "asset_deposit_months": "家庭财产（存款）标准",
    "max_houses": "家庭住房套数规定",
    "housing_area_per_capita_limit": "住房困难面积标准",
    "relapse_monitoring_income_line": "防止返贫监测收入线",
}
