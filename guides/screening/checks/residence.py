"""Where the household belongs: 本地户籍, 居住证, 城镇 / 农村户口."""

from __future__ import annotations

import re
from dataclasses import replace

from guides.ids import HUKOU_LABELS, HukouType, RegionId
from guides.places import REGION_ROOTS, places
from guides.screening.checks.common import flag, met, uncertain, unknown, unmet
from guides.screening.context import Context
from guides.screening.registry import check
from guides.screening.result import UNMET, CheckResult
from guides.sources import SourceRef


@check("has_local_hukou")
def has_local_hukou(
    ctx: Context, in_principle: bool = False, ask: bool = True, residence_permit: bool = False
) -> CheckResult:
    """With `in_principle` the clause says 户籍原则上在本县 (助学贷款, seed 000 附件2 二（六）): a
    hukou elsewhere is for the office to accept or not, never a refusal. With `ask: false` the
    clause is where one applies (最低生活保障审核确认办法 第四条: 向户籍所在地申请), not who
    qualifies: a hukou said to be elsewhere is for the office to accept (或许符合), and an
    unknown one is not asked for; with `residence_permit` the region takes applications at the
    place of residence from 居住证 holders (its material list asks for the 居住证)."""
    if not ask and ctx.household.has_local_hukou is not True:
        if ctx.household.has_local_hukou is None:
            return met("has_local_hukou", "一般向户籍所在地的乡镇（街道）申请")
        if residence_permit and ctx.household.has_residence_permit:
            return met("has_local_hukou", "户口不在当地，但有居住证，可以在现在住的地方申请")
        return uncertain(
            "has_local_hukou",
            "户口不在当地：一般要向户籍所在地申请，在现在住的地方能不能申请，由经办部门确认",
        )
    region = ctx.guide.region_name
    result = flag(
        ctx.household.has_local_hukou,
        "has_local_hukou",
        "has_local_hukou",
        f"户口登记在{region}当地",
        f"户口不在{region}当地，这一项要求本地户籍",
        "还需要知道户口是不是在当地",
    )
    if in_principle and result.status == UNMET:
        return uncertain(
            "has_local_hukou",
            "户口不在当地：这一项要求户籍“原则上”在本县（市、区），不在本地能不能办，"
            "由经办部门确认",
        )
    return result


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
def urban_hukou(ctx: Context, town_renters: bool = False) -> CheckResult:
    """With `town_renters` (宁夏 公租房: "城镇困难家庭", seed 001 三（六）): a 农村户口 family without a
    home of its own may live in town, which the clause does not exclude: 或许符合."""
    result = _hukou(ctx, "urban_hukou", "urban")
    if not town_renters or result.status != UNMET:
        return result
    own = ctx.household.housing.has_own_housing
    if own is None:
        return unknown(
            "urban_hukou", "还需要知道在本地有没有自己的住房", ("housing.has_own_housing",)
        )
    if own:
        return result
    return uncertain(
        "urban_hukou",
        "农村户口、没有自己的住房：城镇公租房和租赁补贴面向城镇住房困难家庭，"
        "在城镇居住的农村户口家庭能不能申请，由住建部门按当地规定确认",
    )


@check("rural_hukou")
def rural_hukou(ctx: Context) -> CheckResult:
    return _hukou(ctx, "rural_hukou", "rural")


# the clause every provincial_hukou reason rests on, whichever item's condition reads it
PROVINCIAL_HUKOU_CITATION = SourceRef(seed="002_96cf332014ae0963.txt", section="三（一）").cite()


@check("provincial_hukou", household_only=True)
def provincial_hukou(
    ctx: Context,
    residence_permit: bool = False,
    emergency: bool = False,
    id_card_at_residence: bool = False,
    housing_at_residence: bool = False,
) -> CheckResult:
    result = _provincial_hukou(
        ctx, residence_permit, emergency, id_card_at_residence, housing_at_residence
    )
    return replace(result, citation=PROVINCIAL_HUKOU_CITATION)


def _provincial_hukou(
    ctx: Context,
    residence_permit: bool,
    emergency: bool,
    id_card_at_residence: bool,
    housing_at_residence: bool,
) -> CheckResult:
    """Shanxi 三（一）: "凡具有山西省户籍…均可…申请". With `residence_permit`, a 居住证 holder is
    或许符合 (低保审核确认办法 第五条: 有条件的地区可以有序推进持有居住证人员在居住地申办; 附件3
    lists the 居住证 for 在非户籍地申办; 公租房 and public employment services serve residents); with
    `emergency`, anyone is (分层分类意见 四（三）: 急难 取消户籍地、居住地申请限制); with
    `id_card_at_residence`, anyone is too, 居住证 or not (公共就业服务指导意见 （三）: 劳动者"可持居民
    身份证…在常住地公共就业服务机构申请公共就业服务"), so the 居住证 is not asked; with
    `housing_at_residence` (公租房), anyone is too: 三（二）5 sends 公租房 to the 住建部门's own
    conditions ("按规定程序办理"), no clause in the seeds ties 公租房 to a hukou (甘肃 000 附件2
    二（七） names 外地来甘工作的无住房人员), so only the 住建部门 can refuse; a 居住证 is then not
    decisive and not asked."""
    cid = "provincial_hukou"
    household = ctx.household
    province = ctx.guide.region_name
    if household.has_local_hukou:
        return met(cid, f"有{province}户籍")
    if household.has_local_hukou is None:
        return unknown(cid, f"还需要知道户口是不是在{province}", ("has_local_hukou",))
    in_province = _hukou_in_province(ctx)
    if in_province:
        return met(cid, f"户口在{province}内的其他县（区），有{province}户籍")
    if in_province is None:
        # has_local_hukou is about the county: a hukou elsewhere may still be in the province
        return uncertain(
            cid,
            f"户口不在当地县（区）：是{province}内其他地方的户口，就可以申请；户口在外省的，"
            "能不能办由经办部门确认",
        )
    if emergency:
        return uncertain(
            cid,
            f"不是{province}户籍：遇到突发急难，可以在急难发生地申请临时救助，不受户籍地、"
            "居住地限制，请直接到当地乡镇（街道）说明情况",
        )
    if id_card_at_residence:
        return uncertain(
            cid,
            f"不是{province}户籍：找工作、参加培训、办失业登记等公共就业服务，可以凭居民身份证"
            "在常住地的公共就业服务机构申请，不限户籍；能不能通过这个专区办理，由人社部门确认",
        )
    if housing_at_residence and not household.has_residence_permit:
        return uncertain(
            cid,
            f"不是{province}户籍：公租房由住建（房管）部门按当地住房保障条件办理，外地来的"
            "人能不能申请、要不要先办居住证，由住建部门确认",
        )
    if residence_permit:
        if household.has_residence_permit:
            return uncertain(
                cid,
                f"不是{province}户籍，但持有居住证：持居住证在居住地能不能申办，由经办部门"
                "按当地规定确认",
            )
        if household.has_residence_permit is None:
            return unknown(cid, "还需要知道有没有居住证", ("has_residence_permit",))
    return unmet(cid, f"这个“一件事”专区面向具有{province}户籍的人员，您家户口不在{province}")


# "陕西省西安市…", "内蒙古自治区…", "北京市…": an address that starts with another province
_PROVINCE_FIRST = re.compile(r"^(?:[^省]{2,3}省|[^区]{2,6}自治区|北京|天津|上海|重庆)")


def _hukou_in_province(ctx: Context) -> bool | None:
    """Whether a hukou outside the county applied in is still in the region's province, from
    the hukou address (the questionnaire asks only whether it is local); None when not said."""
    address = ctx.household.hukou_address
    if not address:
        return None
    region = RegionId(ctx.guide.region)
    province = places().get(REGION_ROOTS[region])
    if province is not None and province.name.removesuffix("省") in address:
        return True
    if _PROVINCE_FIRST.match(address):
        return False
    return True if places().find(address, region) else None


@check("local_hukou_or_residence_permit_applicant")
def local_hukou_or_residence_permit_applicant(ctx: Context) -> CheckResult:
    """Licheng 低保: the condition says 户口登记在当地, but the guide's material list provides for
    居住证 holders applying where they live (服务指南 四 表一 3): those are 或许符合."""
    cid = "local_hukou_or_residence_permit_applicant"
    household = ctx.household
    if household.has_local_hukou:
        return met(cid, "户口登记在当地")
    if household.has_local_hukou is None:
        return unknown(cid, "还需要知道户口是不是在当地", ("has_local_hukou",))
    if household.has_residence_permit:
        return uncertain(
            cid,
            "户口不在当地，但有居住证：服务指南写了在居住地申请低保的要提供居住证，"
            "能否在居住地受理，由街道和区民政局确认",
        )
    if household.has_residence_permit is None:
        return unknown(cid, "还需要知道有没有居住证", ("has_residence_permit",))
    return unmet(
        cid, "低保要求户口登记在当地，或者持居住证在居住地申请；您家户口不在当地，也没有居住证"
    )
