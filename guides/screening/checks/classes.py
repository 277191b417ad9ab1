"""Clauses about the assistance classes themselves: 未纳入 … / 已认定为 … (follows recognition)."""

from __future__ import annotations

from guides.ids import LIKELY, NEED_INFO, POSSIBLE, UNLIKELY, ItemId, Outcome
from guides.screening.checks.common import met, uncertain, unknown, unmet
from guides.screening.context import Context
from guides.screening.registry import check
from guides.screening.result import CheckResult

CLASS_LABELS: dict[ItemId, str] = {
    ItemId.DIBAO: "低保",
    ItemId.TEKUN: "特困供养",
    ItemId.DIBAO_EDGE: "低保边缘家庭",
    ItemId.RIGID_EXPENSE: "刚性支出困难家庭",
    ItemId.ILLNESS_POVERTY: "因病致贫重病患者",
    ItemId.LOW_INCOME: "低收入人口",
    ItemId.RELAPSE_MONITORING: "防止返贫监测对象",
}


def _label(ctx: Context, item: ItemId) -> str:
    """The group's name (低保、特困供养…), never a payment's item name (…保障金给付)."""
    if item in CLASS_LABELS:
        return CLASS_LABELS[item]
    if item in ctx.decided:
        return ctx.decided[item].name
    return item.value


# 低保 ways for one member alone (参照单人户: 低保审核确认办法 第八条; 分层分类意见 四（一）): the
# household itself is not a 低保 household for them, and stays 低保边缘 or 刚性支出.
ALONE_VARIANTS = ("single_person", "adult_severe_disability")


def _items(raw: list[str]) -> list[ItemId]:
    return [ItemId(i) for i in raw]


def _known_member_of(ctx: Context, item: ItemId) -> bool:
    """Already recognised, as the household told us (or the 监测对象 flag)."""
    household = ctx.household
    if ctx.receives(item):
        return True
    return item == ItemId.RELAPSE_MONITORING and household.is_relapse_monitoring_object is True


def _staying(ctx: Context, item: ItemId) -> Outcome | None:
    """How a recognised class stands on what the household told us: LIKELY (or not screened)
    stays; POSSIBLE is a 渐退期 (it ends within months); UNLIKELY may end on review (income
    above the standard, nobody in work); NEED_INFO: that is not known yet."""
    result = ctx.decided.get(item)
    return LIKELY if result is None else result.outcome


def _whether_staying(ctx: Context, cid: str, item: ItemId) -> CheckResult:
    """Whether a recognised class stays is not known yet: what would tell is asked."""
    label = _label(ctx, item)
    return unknown(cid, f"还要先看您家能不能继续是{label}", ctx.decided[item].missing_facts)


@check("not_in_classes")
def not_in_classes(ctx: Context, items: list[str], likely_excludes: bool = True) -> CheckResult:
    """未纳入低保、特困供养范围且未被认定为低保边缘家庭 (as told, or as screened before).
    `likely_excludes: false`: where the exclusion is not the region's own rule, a class only
    screened as likely (not recognised) leaves the item 或许符合 with why, not 可能不符合."""
    cid = "not_in_classes"
    wanted = _items(items)
    names = "、".join(_label(ctx, i) for i in wanted)
    per_person = [ItemId.TEKUN] if _others_remain(ctx) else []
    for item in wanted:
        if _known_member_of(ctx, item) and item not in per_person:
            staying = _staying(ctx, item)
            if staying == LIKELY:
                return unmet(cid, f"您家已经是{_label(ctx, item)}，不再另外认定")
            if staying == NEED_INFO:
                return _whether_staying(ctx, cid, item)
            return uncertain(
                cid,
                f"您家现在是{_label(ctx, item)}，但按您说的情况，以后可能退出；"
                "退出后能不能按这一类认定，由民政部门确定",
            )
    missing: list[str] = []
    open_items: list[str] = []
    for item in wanted:
        result = ctx.decided.get(item)
        if result is None or item in per_person:
            continue
        if result.outcome == POSSIBLE and result.variant in ALONE_VARIANTS:
            continue  # one member alone: the household is still the class asked about
        if result.outcome == LIKELY:
            first = f"按您说的情况，您家更可能先认定为{_label(ctx, item)}"
            if likely_excludes:
                return unmet(cid, first)
            return uncertain(cid, f"{first}；是否还能按这一类认定，由民政部门确定")
        if result.outcome == POSSIBLE:
            open_items.append(_label(ctx, item))
        elif result.outcome == NEED_INFO:
            missing.extend(result.missing_facts)
    if missing:
        return unknown(cid, f"还要先看您家是否符合{names}", missing)
    if open_items:
        return uncertain(
            cid, f"您家也可能符合{'、'.join(open_items)}，要由民政部门按顺序审核后确定"
        )
    return met(cid, f"您家目前不是{names}，按您说的情况也不太符合这些条件")


def _others_remain(ctx: Context) -> bool:
    """特困 is recognised per person: members who may not be 特困 (or are not listed yet) are
    still a household for the other classes."""
    from guides.screening.checks.tekun import whole_household_is_tekun

    return (ctx.household_size or 1) > 1 and not whole_household_is_tekun(ctx)


@check("recognised_in_any")
def recognised_in_any(
    ctx: Context, items: list[str], together: bool = False, ask: bool = True
) -> CheckResult:
    """已认定为（或筛查可能符合）这些类别之一：医疗救助、老年人补贴等随之办理。`ask: false`: a way
    that only counts the class once it is known (another way asks its own question): while the
    class is still open this way is not met, and asks nothing."""
    cid = "recognised_in_any"
    wanted = _items(items)
    names = "、".join(_label(ctx, i) for i in wanted)
    for item in wanted:
        if _known_member_of(ctx, item):
            staying = _staying(ctx, item)
            if staying == UNLIKELY:
                return uncertain(
                    cid,
                    f"您家现在是{_label(ctx, item)}，但按您说的情况，复核时可能调整或停发；"
                    f"这一项跟着{_label(ctx, item)}办理，由经办部门确定",
                )
            if staying == NEED_INFO:
                return _whether_staying(ctx, cid, item)
            return met(cid, f"您家已经是{_label(ctx, item)}")
    likely = [_label(ctx, i) for i in wanted if _outcome(ctx, i) == LIKELY]
    if likely:
        # "一并享受" only where the clause says it comes with the recognition (`together`)
        then = "，认定后可以一并享受" if together else "，认定后可以按规定申请"
        return met(cid, f"按您说的情况，您家可能符合{'、'.join(likely)}{then}")
    possible = [_label(ctx, i) for i in wanted if _outcome(ctx, i) == POSSIBLE]
    if possible:
        return uncertain(cid, f"要先认定为{'、'.join(possible)}，需经办部门核实")
    if not ask:
        return unmet(cid, f"还不知道您家是否属于{names}")
    missing = [f for i in wanted if _outcome(ctx, i) == NEED_INFO for f in _missing(ctx, i)]
    for item in (i for i in wanted if i not in ctx.decided):
        # A class this region's guide does not screen: only the household can tell us.
        if item == ItemId.RELAPSE_MONITORING:
            if ctx.household.is_relapse_monitoring_object is None:
                missing.append("is_relapse_monitoring_object")
        elif ctx.household.already_receives is None:
            missing.append("already_receives")
    if missing:
        return unknown(cid, f"要先看您家是否属于{names}", missing)
    return unmet(cid, f"这一项面向{names}，按您说的情况，您家目前不太符合")


def _outcome(ctx: Context, item: ItemId) -> Outcome | None:
    result = ctx.decided.get(item)
    return result.outcome if result else None


def _missing(ctx: Context, item: ItemId) -> tuple[str, ...]:
    return ctx.decided[item].missing_facts
