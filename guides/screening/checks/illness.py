"""因病致贫重病患者 (seed 002 三（二）1): a member with a serious illness."""

from __future__ import annotations

from guides.household import ADULT_AGE, Member
from guides.screening.checks.common import (
    MemberTest,
    met,
    names,
    scan_members,
    uncertain,
    unknown,
    unmet,
)
from guides.screening.checks.income import INCOME_FACTS, near_estimated_line, yuan
from guides.screening.context import Context
from guides.screening.registry import check
from guides.screening.result import CheckResult
from guides.sources import SourceRef


def _seriously_ill(member: Member) -> tuple[bool | None, tuple[str, ...]]:
    if member.has_serious_illness or member.health == "serious_illness":
        return True, ()
    if member.has_serious_illness is False or member.health in ("good", "fair"):
        return False, ()
    return None, ("has_serious_illness",)


@check("has_serious_illness_member")
def has_serious_illness_member(ctx: Context) -> CheckResult:
    cid = "has_serious_illness_member"
    found, missing = scan_members(ctx, _seriously_ill)
    if found:
        return met(cid, f"{names(found)}患有重病")
    if missing:
        return unknown(cid, "还需要知道家里有没有人患重病", missing)
    return unmet(cid, "家里没有患重病的人")


@check("illness_poverty_local_rule")
def illness_poverty_local_rule(ctx: Context) -> CheckResult:
    """因病致贫重病患者: seed 002 lists the class but gives no condition, and the national texts we
    hold give no medical-cost share for it (so none is invented here). The national rule that
    comes closest: 低保边缘家庭中的重病患者可单独纳入低保 (分层分类意见 四（一）)."""
    return uncertain(
        "illness_poverty_local_rule",
        "因病致贫重病患者怎么认定（收入、医疗费用负担），山西的文件没有写，国家文件也没有统一的"
        "医疗费用比例；国家规定低保边缘家庭中的重病患者可以单独纳入低保。具体由民政部门按山西的"
        "认定办法核实",
    )


@check("ill_household_may_be_low_income")
def ill_household_may_be_low_income(ctx: Context) -> CheckResult:
    """改革意见 二（二）5 speaks of the seriously ill "in 低收入家庭" who cannot work their way out.
    The widest 低收入 class with a number, 刚性支出困难家庭, is bounded by the 上年度当地居民人均可支配
    收入 (刚性支出困难家庭认定办法 第四条（二）). A household still at or above it after its own
    medical costs (what 因病 could take from it, as seed 004 第十一条 nets 自负医疗 for 支出型),
    which says its basic living is not in severe difficulty, is not 因病致贫 by any reading;
    anything less certain (near the estimated line, difficulty not said) stays for the office."""
    cid = "ill_household_may_be_low_income"
    household = ctx.household
    if household.basic_living_in_severe_difficulty:
        return met(cid, "您说基本生活出现了严重困难")
    medical, yearly = household.expenses_12m.medical, _yearly_income_per_person(ctx)
    if household.basic_living_in_severe_difficulty is None or medical is None or yearly is None:
        return uncertain(cid, "家里是不是低收入家庭，由民政部门核实")
    size = ctx.household_size or 1
    left = yearly - medical / size
    said = (
        f"扣除自付医疗费后，家庭人均年收入约 {yuan(left)} 元"
        f"（人均年收入 {yuan(yearly)} 元 − 自付医疗费 {yuan(medical)} 元 ÷ {size} 人）"
    )
    lines = ctx.param_per_hukou_type("disposable_income_per_capita")
    line = max((p.value for p in lines), default=None)
    if line is None:
        return uncertain(cid, f"{said}；家里是不是低收入家庭，由民政部门核实")
    if left < line:
        return met(cid, f"{said}，低于上年度当地居民人均可支配收入 {yuan(line)} 元", lines)
    if near_estimated_line(ctx, left, line, lines) is not None:
        return uncertain(cid, f"{said}，和估算的当地居民人均可支配收入很接近，由民政部门核实")
    return unmet(
        cid,
        f"{said}，仍不低于上年度当地居民人均可支配收入 {yuan(line)} 元，您也说基本生活"
        "没有出现严重困难：不属于因病致贫的低收入家庭",
        lines,
    )


def _yearly_income_per_person(ctx: Context) -> float | None:
    per_capita = ctx.per_capita_monthly_income
    return None if per_capita is None else per_capita * 12


# 最低生活保障审核确认办法 第八条（一）: 一级、二级重度残疾人 and 三级智力、精神残疾人.
SINGLE_PERSON_CLAUSE = SourceRef(
    national="department_1.1.1_最低生活保障审核确认办法.txt", section="第八条"
)
# 兜底通知 一（一）: 成年无业重度残疾人可以参照“单人户”提出低保申请 — whatever the family's income
# (seed 003 三（一） lists them beside, not inside, the 低保边缘 family members).
ADULT_JOBLESS_SEVERE_CLAUSE = SourceRef(
    national="policy_2.2_关于进一步做好最低生活保障等社会救助兜底工作的通知.txt",
    section="一（一）",
)


def _cited(clause: SourceRef, seed: str | None, section: str | None) -> str:
    """The national clause, after the region's own seed passage when the guide names one."""
    if seed is None or section is None:
        return clause.cite()
    return "；".join((SourceRef(seed=seed, section=section).cite(), clause.cite()))


SINGLE_PERSON_DISABILITY_GRADES = {"intellectual": 3, "mental": 3}
SINGLE_PERSON_SEVERE_GRADE = 2


def _alone_for_dibao(member: Member) -> tuple[bool | None, tuple[str, ...]]:
    """A member who may apply for 低保 on their own (参照单人户) when the household is near the line.

    Decide under uncertainty (issue 11): an illness or a disability not yet told could make the
    member one, so it is asked; the route's income clause already rules the route out (and the
    fact is then not asked) for a household far above the edge line."""
    ill, ill_needs = _seriously_ill(member)
    if ill:
        return True, ()
    needs = list(ill_needs)
    if member.has_disability is None:
        needs.append("has_disability")
    elif member.has_disability:
        grade, kind = member.disability_grade, member.disability_kind
        if grade is None:
            needs.append("disability_grade")
        elif grade <= SINGLE_PERSON_SEVERE_GRADE:
            return True, ()
        elif kind is None and grade <= max(SINGLE_PERSON_DISABILITY_GRADES.values()):
            needs.append("disability_kind")  # 三级智力、精神残疾人 count too
        elif kind is not None and grade <= SINGLE_PERSON_DISABILITY_GRADES.get(kind, 0):
            return True, ()
    return (None, tuple(needs)) if needs else (False, ())


@check("has_member_for_single_person_dibao")
def has_member_for_single_person_dibao(
    ctx: Context, seed: str | None = None, section: str | None = None
) -> CheckResult:
    """低保边缘家庭中的重度残疾人、重病患者，可以参照“单人户”单独申请低保 (seed 003 三（一）;
    最低生活保障审核确认办法 第八条). The local details are not in the seed: at best 或许符合."""
    return _single_person_route(
        ctx,
        "has_member_for_single_person_dibao",
        _alone_for_dibao,
        (
            "属于重度残疾人或重病患者，可以按规定参照“单人户”单独申请低保；具体条件由民政部门核实",
            "还需要知道残疾等级和类别，才能看能不能参照“单人户”单独申请低保",
            "家里没有可以参照“单人户”单独申请低保的重度残疾人或重病患者",
        ),
        _cited(SINGLE_PERSON_CLAUSE, seed, section),
    )


def _single_person_route(
    ctx: Context,
    cid: str,
    test: MemberTest,
    texts: tuple[str, str, str],
    citation: str,
) -> CheckResult:
    """A member who may apply for 低保 alone: found (或许符合), still to learn, or none."""
    found_text, missing_text, none_text = texts
    size = ctx.household_size
    if size is not None and size <= 1:
        # One person is a 单人户 already: the household route decides.
        return unmet(cid, "家里只有一个人，已经按单人户看收入", citation=citation)
    found, missing = scan_members(ctx, test)
    if found:
        return uncertain(cid, f"{names(found)}{found_text}", citation=citation)
    if missing and (income_missing := _income_facts_missing(ctx)):
        # The household's own income first: the route only matters once the family as a whole
        # is not eligible, so whom it is for is asked after the income is known.
        return unknown(cid, "还需要先知道家庭人口和收入", income_missing, citation=citation)
    if missing:
        # whom the route is for, before the household's means are asked for it
        return unknown(cid, missing_text, missing, citation=citation, ask_first=True)
    return unmet(cid, none_text, citation=citation)


def _income_facts_missing(ctx: Context) -> tuple[str, ...]:
    known = (ctx.monthly_income, ctx.household_size)
    return tuple(f for f, v in zip(INCOME_FACTS, known, strict=True) if v is None)


JOBLESS = frozenset({"registered_unemployed", "unable_to_work"})


def _adult_jobless_severely_disabled(member: Member) -> tuple[bool | None, tuple[str, ...]]:
    """Decide under uncertainty (issue 11): any known fact that rules the member out decides;
    otherwise the first unknown fact that could make them one is asked (the disability first:
    one household-wide "没有" settles it for everyone)."""
    if member.has_disability is False:
        return False, ()
    grade, age, employment = member.disability_grade, member.age, member.employment
    if grade is not None and grade > SINGLE_PERSON_SEVERE_GRADE:
        return False, ()
    if age is not None and age < ADULT_AGE:
        return False, ()
    if employment is not None and employment not in JOBLESS:
        return False, ()
    if member.has_disability is None:
        return None, ("has_disability",)
    if grade is None:
        return None, ("disability_grade",)
    if age is None:
        return None, ("age",)
    if employment is None:
        return None, ("employment",)
    return True, ()


@check("has_adult_jobless_severely_disabled_member")
def has_adult_jobless_severely_disabled_member(
    ctx: Context, seed: str | None = None, section: str | None = None
) -> CheckResult:
    """A 成年无业重度残疾人 (一级、二级) may apply for 低保 as a 单人户: the office assesses them on
    their own, so the family's income does not rule it out. The local details are not in the
    seed: at best 或许符合."""
    return _single_person_route(
        ctx,
        "has_adult_jobless_severely_disabled_member",
        _adult_jobless_severely_disabled,
        (
            "是成年、无业的重度残疾人，可以参照“单人户”单独提出低保申请，按本人的情况核算；"
            "具体条件由民政部门核实",
            "还需要知道残疾人的残疾等级、年龄和就业情况，才能看能不能参照“单人户”申请低保",
            "家里没有成年、无业的重度残疾人（一级、二级）",
        ),
        _cited(ADULT_JOBLESS_SEVERE_CLAUSE, seed, section),
    )
