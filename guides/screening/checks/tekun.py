"""特困: a member who is elderly / disabled / a minor AND 无劳动能力 AND 无生活来源 AND 无法定义务人
或其无履行义务能力 (seed 000 附件2 二（二）, seed 004 第十条; 无劳动能力 per the national
《特困人员认定办法》第五条: 60周岁以上 and 未满16周岁 count as having no labour ability)."""

from __future__ import annotations

from dataclasses import dataclass, field

from guides.household import Member
from guides.screening.checks.common import met, uncertain, unknown, unmet, who
from guides.screening.context import Context
from guides.screening.registry import check
from guides.screening.result import CheckResult, CheckStatus

CID = "has_tekun_candidate"
NO_LABOUR = ("lost", "none")
# 《特困人员认定办法》第五条（三）: these disability kinds, at or above these grades (1 is the
# most severe), are 无劳动能力 by definition: 智力、精神 一至三级, 肢体 一、二级, 视力 一级.
NO_LABOUR_DISABILITY_GRADES = {"智力": 3, "精神": 3, "肢体": 2, "视力": 1}


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


def _disability_means_no_labour(member: Member) -> str | None:
    kind, grade = member.disability_kind or "", member.disability_grade
    if grade is None:
        return None
    for name, lowest in NO_LABOUR_DISABILITY_GRADES.items():
        if name in kind and grade <= lowest:
            return f"{name}残疾{grade}级，按规定视为无劳动能力"
    return None


def _member(member: Member, elderly_age: int, minor_age: int, covered_age: int) -> _Verdict:
    verdict = _Verdict()
    age = member.age
    is_elderly = age is not None and age >= elderly_age
    is_minor = age is not None and age < minor_age
    # 16–17: covered since 《关于改革完善社会救助制度的意见》二（二）5 (to be confirmed locally).
    is_covered_minor = age is not None and minor_age <= age < covered_age
    by_grade = _disability_means_no_labour(member) if member.has_disability else None
    if is_elderly:
        verdict.said.append(f"{age} 岁，是老年人，视为无劳动能力")
    elif is_minor:
        verdict.said.append(f"{age} 岁，是未满 {minor_age} 周岁的未成年人，视为无劳动能力")
    elif is_covered_minor:
        verdict.said.append(
            f"{age} 岁，是未满 {covered_age} 周岁的未成年人（国家已把特困供养覆盖的未成年人"
            f"延长到 {covered_age} 周岁，当地执行情况由民政部门确认）"
        )
        verdict.needs_confirmation = True
    elif by_grade is not None:
        verdict.said.append(f"是残疾人，{by_grade}")
    elif member.has_disability:
        verdict.said.append("是残疾人")
        if member.labour_ability in NO_LABOUR:
            verdict.said.append("无劳动能力")
        elif member.labour_ability is None:
            verdict.ask("labour_ability")
        else:
            verdict.fail("还有劳动能力")
    elif age is None or member.has_disability is None:
        if age is None:
            verdict.ask("age")
        if member.has_disability is None:
            verdict.ask("has_disability")
    else:
        verdict.fail(f"{age} 岁，已成年、不满 {elderly_age} 周岁，也不是残疾人")
    if member.has_living_source is True:
        verdict.fail("有生活来源")
    elif member.has_living_source is None:
        verdict.ask("has_living_source")
    else:
        verdict.said.append("无生活来源")
    _supporter(member, verdict)
    if verdict.status != CheckStatus.UNMET and verdict.missing:
        verdict.status = CheckStatus.UNKNOWN
    elif verdict.status == CheckStatus.MET and verdict.needs_confirmation:
        verdict.status = CheckStatus.UNCERTAIN
    return verdict


def _supporter(member: Member, verdict: _Verdict) -> None:
    if member.has_capable_supporter is True:
        verdict.fail("有能履行义务的赡养、抚养、扶养人")
    elif member.has_legal_supporter is False:
        verdict.said.append("没有法定赡养、抚养、扶养义务人")
    elif member.has_capable_supporter is False:
        verdict.said.append("法定义务人没有能力履行义务（要由民政部门核实）")
        if verdict.status == CheckStatus.MET:
            verdict.status = CheckStatus.UNCERTAIN
    elif member.has_legal_supporter is None:
        verdict.ask("has_legal_supporter")
    else:
        verdict.ask("has_capable_supporter")


@check(CID)
def has_tekun_candidate(ctx: Context) -> CheckResult:
    members = ctx.household.members
    if not members:
        return unknown(CID, "还需要了解家里每个人的年龄、是否残疾和生活来源", ("members",))
    elderly = ctx.param("tekun_elderly_min_age")
    minor = ctx.param("tekun_minor_max_age")
    covered = ctx.param("tekun_minor_covered_max_age")
    params = (elderly, minor, covered)
    ages = (int(elderly.value), int(minor.value), int(covered.value))
    verdicts = [(i, m, _member(m, *ages)) for i, m in enumerate(members)]
    for status in (CheckStatus.MET, CheckStatus.UNCERTAIN):
        found = [(i, m, v) for i, m, v in verdicts if v.status == status]
        if found:
            text = "；".join(f"{who(m, i)}：{'，'.join(v.said)}" for i, m, v in found)
            if status == CheckStatus.MET:
                return met(CID, text, params)
            return uncertain(CID, text, params)
    open_ = [(i, v) for i, _, v in verdicts if v.status == CheckStatus.UNKNOWN]
    if open_:
        # Indexed ("members.2.has_living_source"): only members who could still qualify are
        # asked about, not a 35-year-old son or someone who already said they have an income.
        missing = [f"members.{i}.{fact}" for i, v in open_ for fact in v.missing]
        return unknown(
            CID, "还需要了解家人的年龄、残疾、劳动能力、生活来源和赡养人情况", missing, params
        )
    text = "；".join(f"{who(m, i)}{'、'.join(v.not_met)}" for i, m, v in verdicts)
    return unmet(
        CID,
        f"特困供养要求老年人、残疾人或未成年人同时无劳动能力、无生活来源、无法定义务人"
        f"（或其无履行能力）。按您说的：{text}",
        params,
    )
