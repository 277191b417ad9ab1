"""特困: a member who is elderly / disabled / a minor AND 无劳动能力 AND 无生活来源 AND 无法定义务人
或其无履行义务能力 (seed 000 附件2 二（二）, seed 004 第十条), decided per person.

《特困人员认定办法》: 第五条 无劳动能力 (60周岁以上, 未满16周岁, the disability grades of （三）);
第六条 无生活来源 = own income below the local 低保标准 (城乡居民基础养老金 not counted) and property
within the local 特困 property rule (第七条: set by the 设区的市 民政部门, not in the seeds);
第八条 who among the 法定义务人 has no ability to fulfil the duty.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from guides.enums import enumerations
from guides.household import Household, Member
from guides.params import ResolvedParameter
from guides.screening.checks.common import met, uncertain, unknown, unmet, who
from guides.screening.checks.income import may_draw_basic_pension, yuan
from guides.screening.checks.tekun_deciding import deciding_facts
from guides.screening.checks.tekun_duty import (
    ElderDuty,
    Lines,
    capable_reason,
    capacity,
    elder_duty_for,
    incapable_by_law,
    income_ceiling,
    lines_for,
    parents_are_the_only_obligors,
    supporters_earn_enough,
    supporters_here,
)
from guides.screening.checks.tekun_kin import able_relatives
from guides.screening.context import Context
from guides.screening.registry import check
from guides.screening.result import MET, UNCERTAIN, UNKNOWN, UNMET, CheckResult, CheckStatus

CID = "has_tekun_candidate"
NO_LABOUR = ("lost", "none")
# 《特困人员认定办法》第五条（三）: these disability kinds, at or above these grades (1 is the
# most severe), are 无劳动能力 by definition: 智力、精神 一至三级, 肢体 一、二级, 视力 一级.
NO_LABOUR_DISABILITY_GRADES = {"intellectual": 3, "mental": 3, "physical": 2, "visual": 1}


@dataclass
class _Verdict:
    status: CheckStatus = MET
    said: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    not_met: list[str] = field(default_factory=list)
    needs_confirmation: bool = False
    # per open condition, the facts that could decide it (any one condition failing rules the
    # person out, so asking one route may be enough)
    routes: list[tuple[str, ...]] = field(default_factory=list)

    def fail(self, why: str) -> None:
        self.status = UNMET
        self.not_met.append(why)

    def ask(self, fact: str) -> None:
        self.missing.append(fact)

    def route(self, facts: tuple[str, ...]) -> None:
        self.missing.extend(facts)
        self.routes.append(facts)

    def confirm(self, said: str) -> None:
        self.said.append(said)
        self.needs_confirmation = True

    def asked_since(self, asked: int, routes: int) -> None:
        """The facts asked since `asked` by a condition that gave no route of its own are one."""
        if len(self.routes) == routes and len(self.missing) > asked:
            self.routes.append(tuple(self.missing[asked:]))


def _disability_means_no_labour(member: Member) -> str | None:
    kind, grade = member.disability_kind, member.disability_grade
    if kind is None or grade is None or grade > NO_LABOUR_DISABILITY_GRADES.get(kind, 0):
        return None
    label = enumerations().disability_kind.label(kind)
    return f"{label}{grade}级，按规定视为无劳动能力"


def _grade_may_mean_no_labour(member: Member) -> bool:
    """Kind or grade not known yet, and a kind listed in 第五条（三） could make it 无劳动能力."""
    grade = member.disability_grade
    if grade is None:
        return True
    if member.disability_kind is None:
        return grade <= max(NO_LABOUR_DISABILITY_GRADES.values())
    return False


def _said_no_labour(member: Member) -> str:
    """The family says a disabled member cannot work; 第五条（三） does not decide it (yet)."""
    if member.disability_grade is None:
        grade = "残疾等级还不知道"
    else:
        label = enumerations().disability_kind.label(member.disability_kind) or "残疾"
        grade = f"{label}{member.disability_grade}级不在特困办法第五条（三）列出的等级里"
    return (
        f"家里说无劳动能力，但{grade}：一、二级肢体、一级视力和一至三级智力、精神残疾"
        "按规定视为无劳动能力，其他情形由民政部门按当地规定认定"
    )


def _labour(member: Member, verdict: _Verdict, ages: tuple[int, int, int]) -> None:
    elderly_age, minor_age, covered_age = ages
    age = member.age
    by_grade = _disability_means_no_labour(member) if member.has_disability else None
    if age is not None and age >= elderly_age:
        verdict.said.append(f"{age} 岁，是老年人，视为无劳动能力")
    elif age is not None and age < minor_age:
        verdict.said.append(f"{age} 岁，是未满 {minor_age} 周岁的未成年人，视为无劳动能力")
    elif age is not None and age < covered_age:
        # 16–17: covered since 《关于改革完善社会救助制度的意见》二（二）5 (to be confirmed locally).
        verdict.confirm(
            f"{age} 岁，是未满 {covered_age} 周岁的未成年人（国家已把特困供养覆盖的未成年人"
            f"延长到 {covered_age} 周岁，当地执行情况由民政部门确认）"
        )
    elif by_grade is not None:
        verdict.said.append(f"是残疾人，{by_grade}")
    elif member.has_disability:
        verdict.said.append("是残疾人")
        if member.labour_ability in NO_LABOUR:
            # 第五条 defines 无劳动能力 by age and by the grades of （三）; a family's "干不了活"
            # for a grade not known yet, or not listed there, is for the office (（四）: the
            # province may name other cases), so not 可能符合 on the family's word alone.
            verdict.confirm(_said_no_labour(member))
        elif member.labour_ability is None:
            verdict.ask("labour_ability")
        elif member.labour_ability == "partial":
            # 第五条（四）: the province may name other 无劳动能力 cases (not in the seeds), so a
            # disabled person who has lost part of their labour ability is not clearly excluded.
            verdict.confirm(
                "是残疾人、部分丧失劳动能力：不在特困办法第五条（三）列出的残疾等级里，但各省可以"
                "规定其他视为无劳动能力的情形，由民政部门按当地规定认定"
            )
        elif age is None:
            verdict.ask("age")  # from 60 on, age alone means 无劳动能力 (第五条（一）)
        elif _grade_may_mean_no_labour(member):
            # 第五条（三）: some grades are 无劳动能力 whatever the person says of their work
            verdict.ask("disability_kind" if member.disability_grade else "disability_grade")
        else:
            verdict.fail("还有劳动能力")
    elif age is None or member.has_disability is None:
        if age is None:
            verdict.ask("age")
        if member.has_disability is None:
            verdict.ask("has_disability")
    else:
        verdict.fail(f"{age} 岁，已成年、不满 {elderly_age} 周岁，也不是残疾人")


def _own_income(household: Household, member: Member) -> float | None:
    if member.monthly_income is not None:
        return member.monthly_income
    if household.household_size == 1:
        return household.monthly_income
    return None


def _living_source(
    household: Household, member: Member, lines: Lines | None, verdict: _Verdict
) -> None:
    """第六条: own income (基础养老金 not counted) below the local 低保标准."""
    income = _own_income(household, member)
    ceiling, others = income_ceiling(household, member)
    if (
        income is None
        and ceiling is not None
        and lines is not None
        and ceiling < lines.low
        and not lines.is_near(ceiling)
    ):
        total = f"全家月收入 {yuan(household.monthly_income or 0)} 元"
        if others:
            total += f"，其他家人的收入共 {yuan(others)} 元，本人的收入最多 {yuan(ceiling)} 元"
        verdict.said.append(f"{total}，低于{lines.label}，本人的收入只会更低，属于无生活来源")
        return
    if income is None:
        if member.has_living_source is False:
            verdict.confirm("说没有生活来源（收入要由民政部门核对）")
        else:  # a "source" may be only the 基础养老金, which does not count: ask the amount
            verdict.ask("monthly_income")
        return
    if lines is None:
        verdict.ask("hukou_type")
        return
    pension = member.monthly_basic_pension
    counted = max(income - (pension or 0), 0.0)
    text = f"月收入 {yuan(counted)} 元"
    if pension:
        text = f"月收入 {yuan(income)} 元，基础养老金不算收入，扣除后 {yuan(counted)} 元"
    allowance = min(member.monthly_allowance or 0.0, counted)
    if (
        allowance
        and not lines.clearly_above(counted - allowance)
        and not _clearly_below(lines, counted)
    ):
        # 第六条第二款: 优待抚恤金 and 高龄津贴 are not counted; a 残疾人两项补贴 is not named there
        verdict.confirm(
            f"{text}，其中政府发的补贴 {yuan(allowance)} 元，扣除后 {yuan(counted - allowance)} 元；"
            "高龄津贴、抚恤金不算收入，其他补贴看当地规定，是否属于无生活来源由民政部门核定"
        )
        return
    if (
        counted >= lines.high
        and pension is None
        and 0 < income < 2 * lines.high
        and may_draw_basic_pension(member)
    ):
        # The income may be partly the 基础养老金, which is less than the 低保标准 everywhere:
        # from twice the standard on, what is left without it is above the standard anyway.
        verdict.ask("monthly_basic_pension")
    elif lines.is_near(counted):
        verdict.confirm(
            f"{text}，和{lines.label}很接近；这个标准是估算的，是否低于当地标准、属于无生活来源，"
            "由民政部门核定"
        )
    elif counted < lines.low:
        verdict.said.append(f"{text}，低于{lines.label}，属于无生活来源")
    elif counted >= lines.high:
        verdict.fail(f"{text}，不低于{lines.label}，有生活来源")
    else:  # between the standards of the two hukou types
        verdict.ask("hukou_type")


def _clearly_below(lines: Lines, income: float) -> bool:
    return income < lines.low and not lines.is_near(income)


def _supporter(
    household: Household,
    member: Member,
    lines: Lines | None,
    elder_duty: ElderDuty | None,
    verdict: _Verdict,
) -> None:
    here = supporters_here(household, member)
    able = [(i, capacity(household, i, lines, elder_duty)) for i in here]
    capable = next((i for i, c in able if c.able), None)
    if capable is None:
        capable = next(iter(able_relatives(household, member, lines, elder_duty)), None)
    if capable is not None:
        verdict.fail(capable_reason(household, capable))
    elif member.has_capable_supporter is True:
        verdict.fail("有能履行义务的赡养、抚养、扶养人")
    elif earning := supporters_earn_enough(household, member, lines, elder_duty):
        verdict.fail(earning)  # 第八条 lists who cannot: a family's "不能" is not one of its cases
    elif member.has_capable_supporter is None and (
        by_law := _only_obligors_incapable(household, member, elder_duty, lines)
    ):
        verdict.said.append(by_law)  # nobody else owes them support: nothing left to ask
    elif member.has_capable_supporter is None and (routes := [c.facts for _, c in able if c.facts]):
        # whether they can is asked of them (age, disability, income), never "有没有赡养人" of a
        # six-year-old, and one answer about a son decides for both his parents
        for facts in routes:
            verdict.route(facts)
    elif member.has_legal_supporter is False:
        verdict.said.append("没有法定赡养、抚养、扶养义务人")
    elif member.has_capable_supporter is False:
        by_law = incapable_by_law(household, member, elder_duty, lines)
        if by_law is not None:
            verdict.said.append(by_law)
        else:
            verdict.confirm("法定义务人没有能力履行义务（要由民政部门核实）")
    elif member.has_legal_supporter is None:
        verdict.ask("has_legal_supporter")
    else:
        verdict.ask("has_capable_supporter")


def _only_obligors_incapable(
    household: Household, member: Member, elder_duty: ElderDuty | None, lines: Lines | None
) -> str | None:
    """Both parents live here, are all the obligors an unmarried adult has, and are in a case of
    第八条 by what is known of them (seventy or over with a low income, say)."""
    if not parents_are_the_only_obligors(household, member):
        return None
    by_law = incapable_by_law(household, member, elder_duty, lines)
    if by_law is None:
        return None
    parents = (
        "父母" if len(supporters_here(household, member)) == 2 else "父亲或母亲（另一位已去世）"
    )
    return f"未婚，法定义务人只有一起生活的{parents}：{by_law.removeprefix('法定义务人')}"


def _member(
    household: Household,
    member: Member,
    ages: tuple[int, int, int],
    lines: Lines | None,
    elder_duty: ElderDuty | None,
) -> _Verdict:
    verdict = _Verdict()
    by_condition: list[list[tuple[str, ...]]] = []
    for condition in range(3):
        asked, routes = len(verdict.missing), len(verdict.routes)
        if condition == 0:
            _labour(member, verdict, ages)
        elif condition == 1:
            _living_source(household, member, lines, verdict)
        else:
            _supporter(household, member, lines, elder_duty, verdict)
        verdict.asked_since(asked, routes)
        by_condition.append(verdict.routes[routes:])
    # asked in this order when one would do as well as another: whom they rely on before a
    # child's or an elder's own income
    verdict.routes = by_condition[0] + by_condition[2] + by_condition[1]
    if verdict.status != UNMET and verdict.missing:
        verdict.status = UNKNOWN
    elif verdict.status == MET and verdict.needs_confirmation:
        verdict.status = UNCERTAIN
    return verdict


def _verdicts(
    ctx: Context,
) -> tuple[list[tuple[int, Member, _Verdict]], tuple[ResolvedParameter, ...]]:
    cached = ctx.memo.get("tekun_verdicts")
    if cached is None:
        cached = ctx.memo["tekun_verdicts"] = _member_verdicts(ctx)
    return cached  # type: ignore[return-value]


def _member_verdicts(
    ctx: Context,
) -> tuple[list[tuple[int, Member, _Verdict]], tuple[ResolvedParameter, ...]]:
    household = ctx.household
    elderly = ctx.param("tekun_elderly_min_age")
    minor = ctx.param("tekun_minor_max_age")
    covered = ctx.param("tekun_minor_covered_max_age")
    lines = lines_for(ctx)
    params = (elderly, minor, covered, *(lines.params if lines else ()))
    ages = (int(elderly.value), int(minor.value), int(covered.value))
    duty = elder_duty_for(ctx)
    verdicts = [
        (i, m, _member(household, m, ages, lines, duty)) for i, m in enumerate(household.members)
    ]
    return verdicts, params


def qualifying_members(ctx: Context) -> list[int]:
    """The members who may be 特困 (each recognised on their own, 特困 being per person)."""
    return _members_whose(ctx, (MET, UNCERTAIN))


def surely_qualifying_members(ctx: Context) -> list[int]:
    """The members whose every 特困 condition is met as told (none only to be confirmed)."""
    return _members_whose(ctx, (MET,))


def _members_whose(ctx: Context, statuses: tuple[CheckStatus, ...]) -> list[int]:
    verdicts, _ = _verdicts(ctx)  # worked out once per screening
    return [i for i, _, v in verdicts if v.status in statuses]


def whole_household_is_tekun(ctx: Context) -> bool:
    """Every member of the household (all of them listed) surely 特困: nobody is left to form a
    household for the other classes. When in doubt, others may remain (asymmetric harm)."""
    household = ctx.household
    size = ctx.household_size or 0
    return 0 < size <= len(household.members) and len(surely_qualifying_members(ctx)) == size


@check(CID)
def has_tekun_candidate(ctx: Context) -> CheckResult:
    household = ctx.household
    if not household.members:
        return unknown(CID, "还需要了解家里每个人的年龄、是否残疾和收入", ("members",))
    verdicts, params = _verdicts(ctx)
    for status in (MET, UNCERTAIN):
        found = [(i, m, v) for i, m, v in verdicts if v.status == status]
        if found:
            text = "；".join(f"{who(m, i)}：{'，'.join(v.said)}" for i, m, v in found)
            if status == MET:
                return met(CID, text, params)
            return uncertain(CID, text, params)
    open_ = [(i, v) for i, _, v in verdicts if v.status == UNKNOWN]
    if open_:
        # Indexed ("members.2.monthly_income"): only members who could still qualify are asked
        # about, not a 35-year-old son or someone whose income is already above the standard.
        missing = deciding_facts([(i, v.routes or [tuple(v.missing)]) for i, v in open_])
        return unknown(
            CID, "还需要了解家人的年龄、残疾、劳动能力、收入和赡养人情况", missing, params
        )
    # members ruled out for the same reason (the same parent able to support them) named once
    grouped: dict[str, list[str]] = {}
    for i, m, v in verdicts:
        grouped.setdefault("、".join(v.not_met), []).append(who(m, i))
    text = "；".join(_spaced("、".join(names), why) for why, names in grouped.items())
    return unmet(
        CID,
        f"特困供养要求老年人、残疾人或未成年人同时无劳动能力、无生活来源、无法定义务人"
        f"（或其无履行能力）。按您说的：{text}",
        params,
    )


@check("tekun_assets_within_limits")
def tekun_assets_within_limits(ctx: Context) -> CheckResult:
    """第六条/第七条: property within the local 特困 property rule. That rule is set by the city's
    民政部门 and is not in the seeds: the 低保 property estimate is the yardstick, and being over
    it is for the department to check (或许符合), never a refusal."""
    from guides.screening.checks.assets import LOCAL_PROPERTY_RULE, assets_within_limits

    result = assets_within_limits(ctx)
    cid = "tekun_assets_within_limits"
    if result.status == UNMET or result.status == UNCERTAIN:
        return uncertain(
            cid,
            f"{result.reason.removesuffix('。' + LOCAL_PROPERTY_RULE)}。"
            "特困人员财产状况标准由设区的市级民政部门制定，要由民政部门按当地规定核实",
            result.params,
        )
    if result.status == UNKNOWN:
        return unknown(cid, "还需要了解家里的存款、房子、车辆情况", result.missing, result.params)
    return met(cid, f"财产看起来符合特困人员财产状况规定：{result.reason}", result.params)


def _spaced(label: str, said: str) -> str:
    """ "申请人 45 岁" but "申请人有能履行义务的…": a space only before a number."""
    return f"{label} {said}" if said[:1].isdigit() else f"{label}{said}"
