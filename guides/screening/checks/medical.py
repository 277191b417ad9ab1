"""医疗救助: who is covered, per the region's clause plus the national one.

- The classes the region names (低保, 特困, 低保边缘, 监测对象…): as recognised or screened.
- 孤儿和事实无人抚养儿童 (seed 000 二（八）: 可能符合; elsewhere the national 孤儿保障意见 二（二） and
  事实无人抚养儿童意见 三（二）: 或许符合, the 医保部门 checks), and 2026 年前享受过过渡期保障政策的已脱贫人口 (seed 000 附件2 二（八）).
- 低保、特困、低保边缘、刚性支出困难家庭中符合条件的大病患者 (seed 003 三（二）; 分层分类意见 四（二）1):
  或许符合, since which 大病患者 qualify is for the 医保部门 to check.
- 资助参保 (same clauses): "对最低生活保障对象等其他符合资助参保条件的低收入人口给予定额资助". The
  低保边缘 and 刚性支出 household members are 低收入人口 (分层分类意见 二; seed 003 一), so with nobody
  seriously ill they may still get 定额资助参保 where the local 医保 rules include them: 或许符合.
"""

from __future__ import annotations

from dataclasses import replace

from guides.household import ADULT_AGE, Member
from guides.ids import LIKELY, NEED_INFO, POSSIBLE, ItemId
from guides.screening.checks.classes import CLASS_LABELS, recognised_in_any
from guides.screening.checks.common import met, names, scan_members, uncertain, unknown, unmet
from guides.screening.checks.tekun_duty import PARENT_RELATIONS
from guides.screening.context import Context
from guides.screening.registry import check
from guides.screening.result import MET, UNCERTAIN, CheckResult
from guides.sources import SourceRef

CID = "medical_aid_covered"
ENROLMENT_CITATION = SourceRef(
    national="policy_2.3_关于加强低收入人口动态监测做好分层分类社会救助工作的意见.txt",
    section="二、四（二）1",
).cite()


# Where the region's clause does not name them (`orphans_national`): 孤儿保障意见 二（二） puts 孤儿
# in 城乡医疗救助; 事实无人抚养儿童意见 三（二）: 对符合条件的事实无人抚养儿童按规定实施医疗救助.
ORPHAN_CITATION = "；".join(
    SourceRef(national=name, section=section).cite()
    for name, section in (
        ("policy_3.5_国务院办公厅关于加强孤儿保障工作的意见.txt", "二（二）"),
        ("policy_3.1_关于进一步加强事实无人抚养儿童保障工作的意见.txt", "三（二）"),
    )
)


def _orphan(ctx: Context) -> tuple[list[tuple[int, Member]], tuple[str, ...]]:
    household = ctx.household

    def test(member: Member) -> tuple[bool | None, tuple[str, ...]]:
        if member.is_orphan_or_unsupported_child is not None:
            return member.is_orphan_or_unsupported_child, ()
        if member.age is not None and member.age >= ADULT_AGE:
            return False, ()
        roles = PARENT_RELATIONS.get(member.relation or "", ())
        if any(m.relation in roles for m in household.members):
            return False, ()  # a parent lives with the child
        if member.age is None:
            # an age not said yet may be a minor's (issue 11: an unknown fact never excludes):
            # the age is asked, not whether a grown-up is an orphan
            return None, ("age",)
        return None, ("is_orphan_or_unsupported_child",)

    return scan_members(ctx, test)


def _class_in_play(ctx: Context, item: ItemId) -> bool:
    if ctx.receives(item):
        return True
    if item == ItemId.RELAPSE_MONITORING and ctx.household.is_relapse_monitoring_object:
        return True  # a class no item of the region screens: as the household told us
    result = ctx.decided.get(item)
    return result is not None and result.outcome in (LIKELY, POSSIBLE)


def _open_class_facts(ctx: Context, items: list[str] | None) -> list[str]:
    """What is still to learn about the classes that could still bring coverage (a class at
    还需了解 is not ruled out: its missing facts are this clause's too)."""
    facts: list[str] = []
    household = ctx.household
    for raw in items or ():
        item = ItemId(raw)
        result = ctx.decided.get(item)
        if result is not None and result.outcome == NEED_INFO:
            facts.extend(result.missing_facts)
        elif (
            result is None
            and item == ItemId.RELAPSE_MONITORING
            and household.is_relapse_monitoring_object is None
            and household.hukou_type != "urban"
        ):
            # a class this region does not screen: only a rural household can tell us
            facts.append("is_relapse_monitoring_object")
    return facts


def _seriously_ill(member: Member) -> tuple[bool | None, tuple[str, ...]]:
    if member.has_serious_illness or member.health == "serious_illness":
        return True, ()
    if member.has_serious_illness is False:
        return False, ()
    return None, ("has_serious_illness",)


@check(CID)
def medical_aid_covered(
    ctx: Context,
    items: list[str],
    orphans: bool = False,
    orphans_national: bool = False,
    formerly_poor: bool = False,
    serious_illness_in: list[str] | None = None,
    subsidised_enrolment_in: list[str] | None = None,
    together: bool = False,
) -> CheckResult:
    by_class = recognised_in_any(ctx, items, together)
    if by_class.status == MET:
        return met(CID, by_class.reason, by_class.params)
    missing: list[str] = list(by_class.missing)
    if orphans or orphans_national:
        found, needs = _orphan(ctx)
        if found and orphans:
            return met(CID, f"{names(found)}是孤儿或事实无人抚养儿童，属于医疗救助对象")
        if found:
            result = uncertain(
                CID,
                f"{names(found)}是孤儿或事实无人抚养儿童：国家规定孤儿纳入城乡医疗救助，"
                "符合条件的事实无人抚养儿童按规定实施医疗救助，具体由医保部门核实",
            )
            return replace(result, citation=ORPHAN_CITATION)
        missing.extend(needs)
    if formerly_poor:
        if ctx.household.is_formerly_poor:
            return met(CID, "您家是享受过渡期保障政策的已脱贫人口，属于医疗救助对象")
        if ctx.household.is_formerly_poor is None:
            missing.append("is_formerly_poor")
    ill_classes = [ItemId(i) for i in serious_illness_in or () if _class_in_play(ctx, ItemId(i))]
    if ill_classes:
        ill, needs = scan_members(ctx, _seriously_ill)
        labels = "、".join(CLASS_LABELS.get(i, i.value) for i in ill_classes)
        if ill:
            return uncertain(
                CID,
                f"{names(ill)}患重病：{labels}中符合条件的大病患者，住院、慢性病长期服药或"
                f"重特大疾病长期门诊的费用可以按规定得到医疗救助，具体由医保部门核实",
            )
        missing.extend(needs)
    enrolment_in = subsidised_enrolment_in or []
    enrolment = [ItemId(i) for i in enrolment_in if _class_in_play(ctx, ItemId(i))]
    if enrolment:
        labels = "、".join(CLASS_LABELS.get(i, i.value) for i in enrolment)
        result = uncertain(
            CID,
            f"认定为{labels}的家庭成员属于低收入人口；对符合资助参保条件的低收入人口，"
            "参加城乡居民医保的个人缴费可以得到定额资助，具体条件由当地医保部门确定",
        )
        return replace(result, citation=ENROLMENT_CITATION)
    if by_class.status == UNCERTAIN:
        return uncertain(CID, by_class.reason, by_class.params)
    missing.extend(_open_class_facts(ctx, [*(serious_illness_in or ()), *enrolment_in]))
    if missing:
        return unknown(
            CID, by_class.reason if by_class.missing else "还需要了解家里的情况", missing
        )
    return unmet(CID, by_class.reason, by_class.params)
