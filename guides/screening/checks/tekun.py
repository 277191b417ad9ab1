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
from guides.errors import ParameterNotFound
from guides.household import ADULT_AGE, Household, Member
from guides.ids import HUKOU_LABELS, ItemId
from guides.params import ResolvedParameter
from guides.screening.checks.common import met, uncertain, unknown, unmet, who
from guides.screening.checks.income import yuan
from guides.screening.context import Context
from guides.screening.registry import check
from guides.screening.result import CheckResult, CheckStatus

CID = "has_tekun_candidate"
NO_LABOUR = ("lost", "none")
# 《特困人员认定办法》第五条（三）: these disability kinds, at or above these grades (1 is the
# most severe), are 无劳动能力 by definition: 智力、精神 一至三级, 肢体 一、二级, 视力 一级.
NO_LABOUR_DISABILITY_GRADES = {"intellectual": 3, "mental": 3, "physical": 2, "visual": 1}
# Who is a child's parent in the household, by the child's relation to the applicant.
PARENT_RELATIONS = {
    "son": ("self", "spouse"),
    "daughter": ("self", "spouse"),
    "self": ("parent",),
    "grandchild": ("son", "daughter"),
}


@dataclass
class _Verdict:
    status: CheckStatus = CheckStatus.MET
    said: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    not_met: list[str] = field(default_factory=list)
    needs_confirmation: bool = False

    def fail(self, why: str) -> None:
        self.status = CheckStatus.UNMET
        self.not_met.append(why)

    def ask(self, fact: str) -> None:
        self.missing.append(fact)

    def confirm(self, said: str) -> None:
        self.said.append(said)
        self.needs_confirmation = True


@dataclass(frozen=True)
class _Lines:
    """The local 低保标准 the person's income is compared with: one per possible hukou type."""

    low: float
    high: float
    label: str
    params: tuple[ResolvedParameter, ...]
    # estimate_near_margin as a fraction when a standard is an estimate (unverified), else 0
    near: float = 0.0

    def is_near(self, income: float) -> bool:
        """Within the margin of an estimated standard: only the published one decides."""
        return any(abs(income - line) <= line * self.near for line in (self.low, self.high))


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
            verdict.said.append("无劳动能力")
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
    household: Household, member: Member, lines: _Lines | None, verdict: _Verdict
) -> None:
    """第六条: own income (基础养老金 not counted) below the local 低保标准."""
    income = _own_income(household, member)
    ceiling = household.monthly_income  # what all members get together: theirs is no more
    if (
        income is None
        and ceiling is not None
        and lines is not None
        and ceiling < lines.low
        and not lines.is_near(ceiling)
    ):
        verdict.said.append(
            f"全家月收入 {yuan(ceiling)} 元，低于{lines.label}，本人的收入只会更低，属于无生活来源"
        )
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
    if (
        counted >= lines.high
        and pension is None
        and 0 < income < 2 * lines.high
        and _may_draw_pension(member)
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


def _may_draw_pension(member: Member) -> bool:
    """城乡居民基础养老金 is paid from 60: someone whose age is not known yet may draw it."""
    return member.age is None or member.age >= 60


# An adult's children who may live in the household, by the adult's relation to the speaker
# (the speaker's own parents' children are the speaker and the speaker's siblings)
CHILD_RELATIONS = {
    "self": ("son", "daughter"),
    "spouse": ("son", "daughter"),
    "parent": ("self", "sibling"),
    "grandparent": ("parent",),
}


# Each other's 扶养义务人 (民法典 第一千零五十九条), by the relation to the speaker
SPOUSE_RELATIONS = {
    "self": ("spouse",),
    "spouse": ("self",),
    "parent": ("parent",),
    "grandparent": ("grandparent",),
}


def _supporters_here(household: Household, member: Member) -> list[int]:
    """The members living here who owe `member` support (特困办法 第四条（三）): the parents
    (of a minor, or of a grown child who cannot live on their own, as a 特困 candidate cannot:
    民法典 第一千零六十七条), the grown children of an adult, and the spouse."""
    roles = set(PARENT_RELATIONS.get(member.relation or "", ()))
    roles |= set(SPOUSE_RELATIONS.get(member.relation or "", ()))
    if member.age is not None and member.age >= ADULT_AGE:
        roles |= set(CHILD_RELATIONS.get(member.relation or "", ()))
    return [i for i, m in enumerate(household.members) if m is not member and m.relation in roles]


# 第八条 lists who cannot fulfil the duty (特困, 60+ 低保, 70+, 重度残疾…): a grown-up under this
# age, not disabled and able to work is none of them
DUTY_CAPABLE_BELOW = 60


def _capable(m: Member, lines: _Lines | None) -> bool:
    if (
        m.age is None
        or not ADULT_AGE <= m.age < DUTY_CAPABLE_BELOW
        or m.has_disability is not False
    ):
        return False
    if m.labour_ability in ("full", "partial"):
        return True
    # Earning at least the local 低保标准 is able to support: 第八条's cases earn less or none
    # (a 特困 person has no living source; the others' own income is low or nil).
    return (
        m.labour_ability is None
        and lines is not None
        and m.monthly_income is not None
        and m.monthly_income >= lines.high
        and not lines.is_near(m.monthly_income)
    )


def _may_be_capable(m: Member) -> bool:
    if m.age is not None and not ADULT_AGE <= m.age < DUTY_CAPABLE_BELOW:
        return False
    return m.has_disability is not True and m.labour_ability not in NO_LABOUR


def _capable_supporter_here(household: Household, member: Member, lines: _Lines | None) -> bool:
    return any(_capable(household.members[i], lines) for i in _supporters_here(household, member))


def _supporters_to_ask(household: Household, member: Member) -> list[str]:
    """A supporter living here who may be able to fulfil the duty (第八条): whether they can is
    asked of them (age, disability, work), never "有没有赡养人" of a six-year-old, and one
    answer about a son decides for both his parents. Empty when none of theirs lives here."""
    return [
        f"members.{i}.{fact}"
        for i in _supporters_here(household, member)
        if _may_be_capable(household.members[i])
        for fact in ("age", "has_disability", "labour_ability")
        if getattr(household.members[i], fact) is None
    ]


ELDER_DUTY_AGE = 70  # 第八条（三）


@dataclass(frozen=True)
class _ElderDuty:
    """第八条（三）: a supporter of 70 or over whose own income is below the local 上年人均可支配
    收入 (a month's share of it), with property within the local rule, cannot fulfil the duty."""

    monthly_line: float  # the lowest over the hukou types when the type is not known
    modest_property: bool  # within the 低保 property estimate (the 低收入 rule is not published)
    top_line: float  # the highest over the hukou types: above it, above the line whatever the type

    def covers(self, m: Member) -> bool:
        return (
            self.modest_property
            and m.age is not None
            and m.age >= ELDER_DUTY_AGE
            and m.monthly_income is not None
            and m.monthly_income < self.monthly_line
        )


def _incapable_by_law(
    household: Household, member: Member, elder_duty: _ElderDuty | None
) -> str | None:
    """When every supporter living here is in one of 第八条's cases, their having no ability to
    fulfil the duty is a fact, not only the citizen's word: （二）60 or over in a household already
    on 低保; （三）70 or over with a low own income and modest property."""
    here = [household.members[i] for i in _supporters_here(household, member)]
    if not here:
        return None
    if household.receives(ItemId.DIBAO) and all(
        m.age is not None and m.age >= DUTY_CAPABLE_BELOW for m in here
    ):
        return "法定义务人是60周岁以上的低保对象，属于无履行义务能力"
    if elder_duty is not None and all(elder_duty.covers(m) for m in here):
        return "法定义务人年满70周岁、本人收入低于当地上年人均可支配收入，属于无履行义务能力"
    return None


def _supporters_earn_enough(
    household: Household, member: Member, lines: _Lines | None, elder_duty: _ElderDuty | None
) -> str | None:
    """Decide under uncertainty (issue 11): everyone else here owes `member` support, and the
    household's income is such that, whatever its split, if `member`'s own is below the 低保
    标准 (as 特困 needs) the others earn at least the local 人均可支配收入 each on average. One of
    them then has an income no case of 第八条 allows (（一）（二）: 特困 or 低保 households, not
    this one; （三）（四）: below the 人均可支配收入), so 特困 is ruled out without asking who earns
    what."""
    total = household.monthly_income
    on_assistance = household.receives(ItemId.DIBAO) or household.receives(ItemId.TEKUN)
    if total is None or lines is None or elder_duty is None or on_assistance:
        return None
    others = [m for m in household.members if m is not member]
    here = _supporters_here(household, member)
    if not others or len(here) != len(others) or household.household_size != len(household.members):
        return None
    own = member.monthly_income if member.monthly_income is not None else lines.high
    each = (total - own) / len(others)
    if each < elder_duty.top_line * (1 + lines.near):
        return None
    whom = "、".join(who(household.members[i], i) for i in here)
    share = "平均每人的收入" if len(others) > 1 else "的收入"
    return (
        f"收入要是低于{lines.label}，一起生活的{whom}{share}就在 {yuan(each)} 元以上（全家月收入"
        f" {yuan(total)} 元），能履行扶养义务（无民事行为能力等特殊情况请告诉工作人员）"
    )


def _supporter(
    household: Household,
    member: Member,
    lines: _Lines | None,
    elder_duty: _ElderDuty | None,
    verdict: _Verdict,
) -> None:
    if member.has_capable_supporter is True or _capable_supporter_here(household, member, lines):
        verdict.fail("有能履行义务的赡养、抚养、扶养人")
    elif earning := _supporters_earn_enough(household, member, lines, elder_duty):
        verdict.fail(earning)  # 第八条 lists who cannot: a family's "不能" is not one of its cases
    elif member.has_capable_supporter is None and (
        supporters := _supporters_to_ask(household, member)
    ):
        verdict.missing.extend(supporters)
    elif member.has_legal_supporter is False:
        verdict.said.append("没有法定赡养、抚养、扶养义务人")
    elif member.has_capable_supporter is False:
        by_law = _incapable_by_law(household, member, elder_duty)
        if by_law is not None:
            verdict.said.append(by_law)
        else:
            verdict.confirm("法定义务人没有能力履行义务（要由民政部门核实）")
    elif member.has_legal_supporter is None:
        verdict.ask("has_legal_supporter")
    else:
        verdict.ask("has_capable_supporter")


def _member(
    household: Household,
    member: Member,
    ages: tuple[int, int, int],
    lines: _Lines | None,
    elder_duty: _ElderDuty | None,
) -> _Verdict:
    verdict = _Verdict()
    _labour(member, verdict, ages)
    _living_source(household, member, lines, verdict)
    _supporter(household, member, lines, elder_duty, verdict)
    if verdict.status != CheckStatus.UNMET and verdict.missing:
        verdict.status = CheckStatus.UNKNOWN
    elif verdict.status == CheckStatus.MET and verdict.needs_confirmation:
        verdict.status = CheckStatus.UNCERTAIN
    return verdict


def _lines(ctx: Context) -> _Lines | None:
    """The 低保标准 for the household's hukou type, or the range over every type if unknown."""
    standard = ctx.dibao_standard()
    if standard is not None:
        return _Lines(
            standard.value,
            standard.value,
            f"当地低保标准 {yuan(standard.value)} 元",
            (standard,),
            _near_fraction(ctx, (standard,)),
        )
    try:
        standards = {h: ctx.param("dibao_standard", h) for h in HUKOU_LABELS}
    except ParameterNotFound:
        return None
    values = sorted(s.value for s in standards.values())
    each = "、".join(f"{HUKOU_LABELS[h]} {yuan(s.value)} 元" for h, s in standards.items())
    used = tuple(standards.values())
    return _Lines(values[0], values[-1], f"当地低保标准（{each}）", used, _near_fraction(ctx, used))


def _near_fraction(ctx: Context, standards: tuple[ResolvedParameter, ...]) -> float:
    if all(s.verified for s in standards):
        return 0.0
    try:
        return ctx.param("estimate_near_margin").value / 100
    except ParameterNotFound:
        return 0.0


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
    lines = _lines(ctx)
    params = (elderly, minor, covered, *(lines.params if lines else ()))
    ages = (int(elderly.value), int(minor.value), int(covered.value))
    duty = _elder_duty(ctx)
    verdicts = [
        (i, m, _member(household, m, ages, lines, duty)) for i, m in enumerate(household.members)
    ]
    return verdicts, params


def _elder_duty(ctx: Context) -> _ElderDuty | None:
    from guides.screening.checks.assets import assets_within_limits

    types = [ctx.household.hukou_type] if ctx.household.hukou_type else list(HUKOU_LABELS)
    try:
        annual = [ctx.param("disposable_income_per_capita", t).value for t in types]
    except ParameterNotFound:
        return None
    modest = assets_within_limits(ctx).status == CheckStatus.MET
    return _ElderDuty(min(annual) / 12, modest, max(annual) / 12)


def qualifying_members(ctx: Context) -> list[int]:
    """The members who may be 特困 (each recognised on their own, 特困 being per person)."""
    return _members_whose(ctx, (CheckStatus.MET, CheckStatus.UNCERTAIN))


def surely_qualifying_members(ctx: Context) -> list[int]:
    """The members whose every 特困 condition is met as told (none only to be confirmed)."""
    return _members_whose(ctx, (CheckStatus.MET,))


def _members_whose(ctx: Context, statuses: tuple[CheckStatus, ...]) -> list[int]:
    verdicts, _ = _verdicts(ctx)  # worked out once per screening
    return [i for i, _, v in verdicts if v.status in statuses]


def whole_household_is_tekun(ctx: Context) -> bool:
    """Every member of the household (all of them listed) surely 特困: nobody is left to form a
    household for the other classes. When in doubt, others may remain (asymmetric harm)."""
    household = ctx.household
    size = household.household_size or 0
    return 0 < size <= len(household.members) and len(surely_qualifying_members(ctx)) == size


@check(CID)
def has_tekun_candidate(ctx: Context) -> CheckResult:
    household = ctx.household
    if not household.members:
        return unknown(CID, "还需要了解家里每个人的年龄、是否残疾和收入", ("members",))
    verdicts, params = _verdicts(ctx)
    for status in (CheckStatus.MET, CheckStatus.UNCERTAIN):
        found = [(i, m, v) for i, m, v in verdicts if v.status == status]
        if found:
            text = "；".join(f"{who(m, i)}：{'，'.join(v.said)}" for i, m, v in found)
            if status == CheckStatus.MET:
                return met(CID, text, params)
            return uncertain(CID, text, params)
    open_ = [(i, v) for i, _, v in verdicts if v.status == CheckStatus.UNKNOWN]
    if open_:
        # Indexed ("members.2.monthly_income"): only members who could still qualify are asked
        # about, not a 35-year-old son or someone whose income is already above the standard.
        missing = list(
            dict.fromkeys(
                fact
                if fact == "hukou_type" or fact.startswith("members.")
                else f"members.{i}.{fact}"
                for i, v in open_
                for fact in v.missing
            )
        )  # a parent's facts, asked for a minor, are the parent's own (already indexed)
        return unknown(
            CID, "还需要了解家人的年龄、残疾、劳动能力、收入和赡养人情况", missing, params
        )
    text = "；".join(_spaced(who(m, i), "、".join(v.not_met)) for i, m, v in verdicts)
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
    if result.status == CheckStatus.UNMET or result.status == CheckStatus.UNCERTAIN:
        return uncertain(
            cid,
            f"{result.reason.removesuffix('。' + LOCAL_PROPERTY_RULE)}。"
            "特困人员财产状况标准由设区的市级民政部门制定，要由民政部门按当地规定核实",
            result.params,
        )
    if result.status == CheckStatus.UNKNOWN:
        return unknown(cid, "还需要了解家里的存款、房子、车辆情况", result.missing, result.params)
    return met(cid, f"财产看起来符合特困人员财产状况规定：{result.reason}", result.params)


def _spaced(label: str, said: str) -> str:
    """ "申请人 45 岁" but "申请人有能履行义务的…": a space only before a number."""
    return f"{label} {said}" if said[:1].isdigit() else f"{label}{said}"
