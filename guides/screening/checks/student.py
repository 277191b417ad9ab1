"""国家助学贷款（生源地信用助学贷款）: 录取/在读的全日制高校学生, 当年未贷款, 家庭经济困难,
and the yearly application window (seed 001 一（七）: 每年7月15日至9月15日)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from guides.household import Member
from guides.ids import LIKELY, ItemId
from guides.screening.checks.common import met, names, scan_members, uncertain, unknown, unmet
from guides.screening.context import Context
from guides.screening.registry import check
from guides.screening.result import CheckResult

HIGHER_EDUCATION = ("college", "postgraduate")
LOW_INCOME_CLASSES = (ItemId.DIBAO, ItemId.TEKUN, ItemId.DIBAO_EDGE, ItemId.RIGID_EXPENSE)


def _is_college_student(member: Member) -> tuple[bool | None, tuple[str, ...]]:
    if member.school_stage is None:
        return None, ("school_stage",)
    if member.school_stage not in HIGHER_EDUCATION:
        return False, ()
    if member.is_new_admission or member.study_status == "enrolled":
        return True, ()
    if member.study_status is None and member.is_new_admission is None:
        return None, ("study_status", "is_new_admission")  # either answer tells
    return False, ()


def _maybe_enrolled(ctx: Context) -> list[tuple[int, Member]]:
    """At college, not this year's freshman, and whether still enrolled not said: the school's
    在读证明 tells, so it is no reason to say 可能不符合."""
    return [
        (i, m)
        for i, m in enumerate(ctx.household.members)
        if m.school_stage in HIGHER_EDUCATION
        and m.is_new_admission is False
        and m.study_status is None
    ]


def _college_students(ctx: Context) -> tuple[list[tuple[int, Member]], tuple[str, ...]]:
    """The members at college, or what is still missing; while a member said to be at college
    waits only for whether they are enrolled, the others' schools are not asked yet (that
    answer decides: "儿子考上大学了" is asked about first, not "您现在上学吗")."""
    found, missing = scan_members(ctx, _is_college_student)
    at_college = any(m.school_stage in HIGHER_EDUCATION for m in ctx.household.members)
    if not found and at_college:
        missing = tuple(f for f in missing if f != "members.school_stage")
    return found, missing


@check("has_college_student")
def has_college_student(ctx: Context) -> CheckResult:
    cid = "has_college_student"
    found, missing = _college_students(ctx)
    if found:
        return met(cid, f"{names(found)}已被高校录取或正在读本专科、研究生")
    if missing:
        return unknown(cid, "还需要知道家里有没有考上或正在读大学、研究生的孩子", missing)
    maybe = _maybe_enrolled(ctx)
    if maybe:
        return uncertain(cid, f"{names(maybe)}上大学，是否在读由学校开具的在读证明确认")
    return unmet(cid, "家里没有考上或正在读大学（本专科、研究生）的学生")


@check("no_student_loan_this_year")
def no_student_loan_this_year(ctx: Context) -> CheckResult:
    cid = "no_student_loan_this_year"
    students, missing = _college_students(ctx)
    if not students:  # whether one still at college is enrolled is the school's to confirm
        students = _maybe_enrolled(ctx)
    if not students:
        # the loan of one at college is asked right after whether they are enrolled: the two
        # answers decide together (one alone cannot), so neither question is dropped
        pending = tuple(
            f"members.{i}.has_student_loan_this_year"
            for i, m in enumerate(ctx.household.members)
            if m.school_stage in HIGHER_EDUCATION and m.has_student_loan_this_year is None
        )
        return unknown(
            cid,
            "还需要知道今年有没有办过国家助学贷款",
            (*missing, *pending) or ("members.school_stage",),
        )
    loans = [m.has_student_loan_this_year for _, m in students]
    if any(loan is False for loan in loans):
        return met(cid, "今年还没有办过国家助学贷款")
    if any(loan is None for loan in loans):
        return unknown(
            cid, "还需要知道今年有没有办过助学贷款", ("members.has_student_loan_this_year",)
        )
    return unmet(cid, "今年已经办过国家助学贷款，同一年不能重复申请")


@check("family_cannot_afford_study")
def family_cannot_afford_study(ctx: Context) -> CheckResult:
    """本人及家庭的经济能力难以满足在校期间的学习、生活基本支出: 低收入人口 counts as shown;
    otherwise the county 学生资助管理中心 judges (家庭经济困难学生认定)."""
    cid = "family_cannot_afford_study"
    for item in LOW_INCOME_CLASSES:
        if ctx.receives(item):
            return met(cid, "您家已经是低收入人口，可以认定为家庭经济困难学生")
    likely = [
        ctx.decided[i].name
        for i in LOW_INCOME_CLASSES
        if i in ctx.decided and ctx.decided[i].outcome == LIKELY
    ]
    if likely:
        return met(cid, f"您家可能符合{'、'.join(likely)}，属于家庭经济困难")
    return uncertain(
        cid, "家庭经济能力能否满足上学的基本支出，要由县级学生资助管理中心认定家庭经济困难"
    )


def _window(ctx: Context) -> tuple[str, str] | None:
    item = ctx.item
    if item is None or item.time_limit is None:
        return None
    return item.time_limit.window


@check("within_application_window")
def within_application_window(ctx: Context) -> CheckResult:
    """Outside the window the household is not ineligible, only early or late: a timing note."""
    cid = "within_application_window"
    window = _window(ctx)
    if window is None:
        return met(cid, "这一项全年都可以申请")
    start, end = (_month_day(ctx.on.year, text) for text in window)
    label = f"每年{start.month}月{start.day}日至{end.month}月{end.day}日"
    if start <= ctx.on <= end:
        return replace(met(cid, f"现在在申请时间内（{label}）"), citation=_window_citation(ctx))
    when = "今年的申请期还没开始" if ctx.on < start else "今年的申请期已经过了"
    result = uncertain(cid, f"这一项{label}申请，{when}，请在申请期内办理")
    return replace(result, citation=_window_citation(ctx))


def _window_citation(ctx: Context) -> str | None:
    """The window is the region's own time limit, not the (borrowed) condition's document."""
    item = ctx.item
    if item is None or item.time_limit is None:
        return None
    return item.time_limit.source.cite()


def _month_day(year: int, text: str) -> dt.date:
    month, day = (int(part) for part in text.split("-"))
    return dt.date(year, month, day)
