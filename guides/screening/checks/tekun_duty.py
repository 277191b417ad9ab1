"""特困's third condition: 无法定赡养、抚养、扶养义务人，或者其法定义务人无履行义务能力
(《特困人员认定办法》第四条（三）), for the obligors who live in the household.

第八条 lists exactly when an obligor has no ability to fulfil the duty: （一）特困人员；（二）60周岁以上
的最低生活保障对象；（三）70周岁以上、本人收入低于当地上年人均可支配收入且财产符合当地低收入家庭财产
状况规定的老年人；（四）重度残疾人和三级智力、精神残疾人，收入、财产同（三）；（五）无民事行为能力、
被宣告失踪或者在监狱服刑的人员；（六）省级人民政府规定的其他情形. An obligor whose known facts rule
out every case is able to fulfil it, whatever the family says; an obligor whose facts are not known
yet is asked about (age, disability, income), one question often settling it for everyone they owe.
"""

from __future__ import annotations

from dataclasses import dataclass

from guides.errors import ParameterNotFound
from guides.household import ADULT_AGE, Household, Member
from guides.ids import HUKOU_LABELS, ItemId
from guides.params import ResolvedParameter
from guides.screening.checks.common import who
from guides.screening.checks.income import yuan
from guides.screening.context import Context
from guides.screening.result import MET

# Who is a child's parent in the household, by the child's relation to the applicant.
PARENT_RELATIONS = {
    "son": ("self", "spouse"),
    "daughter": ("self", "spouse"),
    "child": ("self", "spouse"),
    "self": ("parent",),
    "grandchild": ("son", "daughter", "child"),
}
# An adult's children who may live in the household, by the adult's relation to the speaker
# (the speaker's own parents' children are the speaker and the speaker's siblings)
CHILD_RELATIONS = {
    "self": ("son", "daughter", "child"),
    "spouse": ("son", "daughter", "child"),
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
ABLE = ("full", "partial")  # 劳动能力: 健全, 部分丧失
# Asked to show an obligor able: at most this many of their facts (age and disability, say);
# more, and whether they can is asked of the family instead (有没有能履行义务的…)
MAX_FACTS = 2
ELDERLY_AGE = 60  # 第八条（二）: 60周岁以上的最低生活保障对象
ELDER_DUTY_AGE = 70  # 第八条（三）
# 第八条（四）: 重度残疾人 (一级、二级, any kind) and 三级 智力、精神残疾人
SEVERE_GRADE = 2
SEVERE_AT_THREE = ("intellectual", "mental")


@dataclass(frozen=True)
class Lines:
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

    def clearly_above(self, income: float | None) -> bool:
        """At least the standard of every hukou type, and not near an estimated one."""
        return income is not None and income >= self.high and not self.is_near(income)


@dataclass(frozen=True)
class ElderDuty:
    """第八条（三）（四）: the local 上年人均可支配收入 (a month's share of it) an obligor's own income
    is compared with, and whether the household's property is modest."""

    monthly_line: float  # the lowest over the hukou types when the type is not known
    modest_property: bool  # within the 低保 property estimate (the 低收入 rule is not published)
    top_line: float  # the highest over the hukou types: above it, above the line whatever the type
    near: float = 0.0  # estimate_near_margin, as for Lines

    def covers(self, m: Member, at_most: float | None = None) -> bool:
        """第八条（三）: 70 or over with a low own income. `at_most`: what their own income can
        be at most (income_ceiling) while it is not told: below the line, every value is."""
        return (
            self.modest_property
            and m.age is not None
            and m.age >= ELDER_DUTY_AGE
            and self._low_income(m, at_most)
        )

    def covers_disabled(self, m: Member, at_most: float | None = None) -> bool:
        """第八条（四）: a 重度残疾人 (一级、二级) or 三级 智力、精神残疾人 with a low own income."""
        return (
            self.modest_property
            and m.has_disability is True
            and m.disability_grade is not None
            and not _not_severe(m)
            and self._low_income(m, at_most)
        )

    def _low_income(self, m: Member, at_most: float | None) -> bool:
        income = m.monthly_income if m.monthly_income is not None else at_most
        return income is not None and income < self.monthly_line

    def clearly_above(self, income: float | None) -> bool:
        return income is not None and income >= self.top_line * (1 + self.near)


def lines_for(ctx: Context) -> Lines | None:
    """The 低保标准 for the household's hukou type, or the range over every type if unknown."""
    standard = ctx.dibao_standard()
    if standard is not None:
        return Lines(
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
    return Lines(values[0], values[-1], f"当地低保标准（{each}）", used, _near_fraction(ctx, used))


def _near_fraction(ctx: Context, standards: tuple[ResolvedParameter, ...]) -> float:
    if all(s.verified for s in standards):
        return 0.0
    try:
        return ctx.param("estimate_near_margin").value / 100
    except ParameterNotFound:
        return 0.0


def elder_duty_for(ctx: Context) -> ElderDuty | None:
    from guides.screening.checks.assets import assets_within_limits

    annual = ctx.param_per_hukou_type("disposable_income_per_capita")
    if not annual:
        return None
    modest = assets_within_limits(ctx).status == MET
    values = [p.value for p in annual]
    near = _near_fraction(ctx, annual)
    return ElderDuty(min(values) / 12, modest, max(values) / 12, near)


def supporters_here(household: Household, member: Member) -> list[int]:
    """The members living here who owe `member` support (特困办法 第四条（三）): the parents
    (of a minor, or of a grown child who cannot live on their own, as a 特困 candidate cannot:
    民法典 第一千零六十七条), the grown children (a parent is owed support at any age: 第一千零六十七
    条; whether a child is grown is the child's own capacity, below), and the spouse."""
    relation = member.relation or ""
    if member.in_law:
        return _who_owes_an_in_law(household, member)
    roles = set(PARENT_RELATIONS.get(relation, ()))
    roles |= set(SPOUSE_RELATIONS.get(relation, ()))
    roles |= set(CHILD_RELATIONS.get(relation, ()))
    # in_law is said of the applicant: a 儿媳 owes the applicant and spouse nothing, but is the
    # mother of their grandchild
    in_laws_owe_nothing = relation in ("self", "spouse")
    return [
        i
        for i, m in enumerate(household.members)
        if m is not member and m.relation in roles and not (in_laws_owe_nothing and m.in_law)
    ]


# who owes a relative by marriage support: a 儿媳's husband (the applicant's son), a 女婿's wife
# (the applicant's daughter), 公婆/岳父母's own child (the applicant's spouse)
_OWED_BY = {"daughter": "son", "son": "daughter", "parent": "spouse"}


def _who_owes_an_in_law(household: Household, member: Member) -> list[int]:
    """A relative by marriage is owed support by their spouse or their own child (民法典 第一千
    零五十九条、第一千零六十七条), when one member can be that one; two sons: which one is her
    husband is not known."""
    partner = _OWED_BY.get(member.relation or "")
    found = [i for i, m in enumerate(household.members) if m.relation == partner and not m.in_law]
    return found if len(found) == 1 else []


@dataclass(frozen=True)
class Capacity:
    """Whether an obligor can fulfil the duty: True when their known facts rule out every case
    of 第八条, False when they surely cannot (a minor owes none; a case of 第八条 is known), None
    with the facts (indexed) that could show they can; none to ask: only the office can tell."""

    able: bool | None
    facts: tuple[str, ...] = ()


def capacity(
    household: Household,
    index: int,
    lines: Lines | None,
    duty: ElderDuty | None,
) -> Capacity:
    """第八条 for the obligor `household.members[index]`: able when their known facts rule out
    each of its cases, whatever the family says of them; a serious illness (a province may
    name it, （六）) is ruled out by their working or earning."""
    m = household.members[index]
    own = f"members.{index}."
    age = m.age
    if age is None:
        return Capacity(None, tuple(_unknown(m, own, ("age", "has_disability"))))
    if age < ADULT_AGE:
        return Capacity(False)
    if age >= ELDERLY_AGE and household.receives(ItemId.DIBAO):
        return Capacity(False)  # （二）
    ceiling, _ = income_ceiling(household, m)
    if duty is not None and duty.covers(m, ceiling):
        return Capacity(False)  # （三）
    if duty is not None and duty.covers_disabled(m, ceiling):
        return Capacity(False)  # （四）
    earns = lines is not None and lines.clearly_above(m.monthly_income)
    well_off = duty is not None and duty.clearly_above(m.monthly_income)
    # their income is worth asking only if what the household gets leaves room for it to be
    # above the 低保标准 (a household of two on 300 元 has no earner to ask about)
    room = ceiling is None or (lines is not None and lines.clearly_above(ceiling))
    income = _unknown(m, own, ("monthly_income",)) if room else []
    # each case of 第八条 with the facts that could rule it out (none: nothing told can)
    cases: list[tuple[bool, list[str]]] = [
        # （一）特困: a grown-up under 60 who is not disabled is none of 第四条's groups; anyone
        # else is not 特困 when they have a living source (第六条)
        (
            (age < ELDERLY_AGE and m.has_disability is False) or earns,
            _unknown(m, own, ("has_disability",)) if age < ELDERLY_AGE else income,
        ),
        # （二）60周岁以上的低保对象
        (age < ELDERLY_AGE or not_on_dibao(household, lines), ["already_receives"]),
        # （三）70周岁以上、收入低于当地上年人均可支配收入
        (age < ELDER_DUTY_AGE or well_off, income),
        # （四）重度残疾人、三级智力精神残疾人, with a low income
        (
            m.has_disability is False or well_off or _not_severe(m),
            _unknown(m, own, ("has_disability",))
            or _unknown(m, own, ("disability_grade", "disability_kind"))
            or income,
        ),
        # （六）: the province's own cases are not in the seeds; a serious illness is the likeliest
        # (whether it is one is for the office), so they must be known not to be seriously ill,
        # or to be able to work (asked: "能干活吗"), or to earn all the same
        (
            earns or m.has_serious_illness is False or m.labour_ability in ABLE,
            _unknown(m, own, ("labour_ability",)) or income,
        ),
    ]
    facts: list[str] = []
    for ruled_out, could in cases:
        if ruled_out:
            continue
        if not could:
            return Capacity(None)  # only the office can tell
        facts += could
    if not facts:
        return Capacity(True)
    facts = list(dict.fromkeys(facts))
    if len(facts) > MAX_FACTS:  # too long a way to show it (an elder's income, 低保, disability…)
        return Capacity(None)  # whether they can is asked of the family, then checked
    return Capacity(None, tuple(facts))


def income_ceiling(household: Household, member: Member) -> tuple[float | None, float]:
    """What the member's own income can be at most: all members' together, less what the others
    are known to get (when that fits in the total), and what the others get."""
    total = household.monthly_income
    if total is None:
        return None, 0.0
    others = sum(m.monthly_income or 0.0 for m in household.members if m is not member)
    if others > total:  # the answers do not add up: only the total is sure
        return total, 0.0
    return total - others, others


def not_on_dibao(household: Household, lines: Lines | None) -> bool:
    """Not a 低保 household: so they said, or its income per person is clearly above the 低保
    标准 (not near an estimated one). Only a household whose income rose while on 低保 (渐退期)
    is both; it is asked what it already receives when it says it is on 低保."""
    receives = household.receives(ItemId.DIBAO)
    if receives is not None:
        return not receives
    return lines is not None and lines.clearly_above(household.per_capita_monthly_income)


def _not_severe(m: Member) -> bool:
    grade, kind = m.disability_grade, m.disability_kind
    if grade is None:
        return False
    if grade <= SEVERE_GRADE:
        return False
    return grade > 3 or (kind is not None and kind not in SEVERE_AT_THREE)


def _unknown(m: Member, own: str, facts: tuple[str, ...]) -> list[str]:
    return [own + f for f in facts if getattr(m, f) is None]


def capable_reason(household: Household, index: int) -> str:
    """Who among the obligors here can fulfil the duty, in the result's words."""
    m = household.members[index]
    age = f" {m.age} 岁" if m.age is not None else ""
    return (
        f"有能履行义务的赡养、抚养、扶养人：一起生活的{who(m, index)}{age}，不属于无履行义务能力"
        "的情形（无民事行为能力等特殊情况请告诉工作人员）"
    )


def incapable_by_law(
    household: Household, member: Member, duty: ElderDuty | None, lines: Lines | None = None
) -> str | None:
    """When every supporter living here is in one of 第八条's cases, their having no ability to
    fulfil the duty is a fact, not only the citizen's word: （二）60 or over in a household already
    on 低保, or（一）（二）60 or over in one this application surely makes a 低保 household (so
    they are its 低保对象, or 特困 themselves); （三）70 or over with a low own income and modest
    property; （四）a severe disability with a low own income and modest property."""
    here = [household.members[i] for i in supporters_here(household, member)]
    if not here:
        return None
    elderly = all(m.age is not None and m.age >= ELDERLY_AGE for m in here)
    if elderly and household.receives(ItemId.DIBAO):
        return "法定义务人是60周岁以上的低保对象，属于无履行义务能力"
    if duty is not None and all(duty.covers(m, income_ceiling(household, m)[0]) for m in here):
        return "法定义务人年满70周岁、本人收入低于当地上年人均可支配收入，属于无履行义务能力"
    if duty is not None and all(
        duty.covers_disabled(m, income_ceiling(household, m)[0]) for m in here
    ):
        return "法定义务人是重度残疾人、本人收入低于当地上年人均可支配收入，属于无履行义务能力"
    if elderly and _surely_dibao_without(household, member, duty, lines):
        return (
            "法定义务人年满60周岁，家里的收入明显低于低保标准，会认定为低保对象或特困人员，"
            "属于无履行义务能力"
        )
    return None


def _surely_dibao_without(
    household: Household, member: Member, duty: ElderDuty | None, lines: Lines | None
) -> bool:
    """Decide under uncertainty (issue 11): the household, even once `member` is taken out to be
    recognised on their own (特困 first in the review order, 004 总结报告 一) with none of its
    income, is still clearly below the 低保标准 of every hukou type, with modest property and a
    local hukou. Its elders are then 低保对象 (or 特困) whichever way the office goes."""
    total, size = household.monthly_income, household.household_size
    if total is None or size is None or size < 2 or lines is None or duty is None:
        return False
    if household.has_local_hukou is not True:
        return False
    rest = total / (size - 1)
    return duty.modest_property and rest < lines.low and not lines.is_near(rest)


def parents_are_the_only_obligors(household: Household, member: Member) -> bool:
    """An unmarried adult whose two parents both live here owes and is owed support by them only:
    no spouse (民法典 第一千零五十九条), and grandparents and siblings owe support to minors only
    (第一千零七十四条、第一千零七十五条). Their parents are then all the 法定义务人 there are."""
    if member.marital_status != "single" or member.in_law or member.age is None:
        return False
    if member.age < ADULT_AGE:
        return False
    parents = PARENT_RELATIONS.get(member.relation or "", ())
    here = [household.members[i] for i in supporters_here(household, member)]
    if not all(m.relation in parents and not m.in_law for m in here):
        return False
    # both parents, or a widowed one (the other has died)
    return len(here) == 2 or (len(here) == 1 and here[0].marital_status == "widowed")


def supporters_earn_enough(
    household: Household, member: Member, lines: Lines | None, duty: ElderDuty | None
) -> str | None:
    """Decide under uncertainty (issue 11): everyone else here owes `member` support, and the
    household's income is such that, whatever its split, if `member`'s own is below the 低保
    标准 (as 特困 needs) the others earn at least the local 人均可支配收入 each on average. One of
    them then has an income no case of 第八条 allows (（一）（二）: 特困 or 低保 households, not
    this one; （三）（四）: below the 人均可支配收入), so 特困 is ruled out without asking who earns
    what."""
    total = household.monthly_income
    on_assistance = household.receives(ItemId.DIBAO) or household.receives(ItemId.TEKUN)
    if total is None or lines is None or duty is None or on_assistance:
        return None
    others = [m for m in household.members if m is not member]
    here = supporters_here(household, member)
    if not others or len(here) != len(others) or household.household_size != len(household.members):
        return None
    own = member.monthly_income if member.monthly_income is not None else lines.high
    each = (total - own) / len(others)
    if each < duty.top_line * (1 + lines.near):
        return None
    whom = "、".join(who(household.members[i], i) for i in here)
    share = "平均每人的收入" if len(others) > 1 else "的收入"
    return (
        f"收入要是低于{lines.label}，一起生活的{whom}{share}就在 {yuan(each)} 元以上（全家月收入"
        f" {yuan(total)} 元），能履行扶养义务（无民事行为能力等特殊情况请告诉工作人员）"
    )
