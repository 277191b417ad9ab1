"""就业救助 / 就业困难人员认定 / 失业人员登记 (seed 000 二（九）, seed 004 第九条)."""

from __future__ import annotations

from collections.abc import Callable

from guides.errors import ParameterNotFound
from guides.household import Member
from guides.ids import LIKELY, ItemId
from guides.screening.checks.common import met, names, scan_members, uncertain, unknown, unmet, who
from guides.screening.context import Context
from guides.screening.registry import check
from guides.screening.result import CheckResult

ABLE = ("full", "partial")
NOT_JOB_SEEKING = ("employed", "retired", "student", "under_working_age", "unable_to_work")


def _not_seeking(member: Member) -> bool:
    """Out of the job market by their status. Seed 004 申请表 表格说明 6 defines "无就业条件" as
    "原未登记失业人员": someone in it who can work and says they want a job is an unregistered
    job seeker (失业登记 is for them), not someone who cannot work."""
    if member.labour_ability in ("lost", "none"):
        return True
    if _at_school(member):  # 在读人员: nobody asks a pupil in 初三 "现在做什么"
        return True
    if member.employment == "unable_to_work" and member.wants_job is True:
        return False
    return member.employment in NOT_JOB_SEEKING


MemberTest = Callable[[Member], tuple[bool | None, tuple[str, ...]]]


def _of_working_age(ctx: Context, test: MemberTest) -> MemberTest:
    """`test` for members who may be of 法定劳动年龄; anyone older than the latest statutory
    retirement age is out of the job market whatever else is known (nobody asks an
    82-year-old about 失业登记), and so is anyone younger than a published minimum (历城's
    失业登记表: "年满16周岁"; an unpublished one rules nobody out)."""
    oldest = _latest_working_age(ctx)  # no bound recorded: nobody is left out for their age
    youngest = _published_minimum_age(ctx)

    def tested(member: Member) -> tuple[bool | None, tuple[str, ...]]:
        age = member.age
        if age is not None and (
            (oldest is not None and age > oldest) or (youngest is not None and age < youngest)
        ):
            return False, ()
        return test(member)

    return tested


def _published_minimum_age(ctx: Context) -> int | None:
    try:
        youngest = ctx.param("working_age_min")
    except ParameterNotFound:
        return None
    return int(youngest.value) if youngest.verified else None


def _may_want_work(member: Member) -> bool:
    """无就业条件（原未登记失业人员） and able to work, not yet said whether they want a job: only
    that answer tells a job seeker from someone out of the job market."""
    return (
        member.employment == "unable_to_work"
        and member.wants_job is None
        and member.labour_ability not in ("lost", "none")
    )


AID_CLASSES = (ItemId.DIBAO, ItemId.DIBAO_EDGE, ItemId.RIGID_EXPENSE)


def _is_low_income(ctx: Context) -> bool:
    return any(
        ctx.receives(i) or (i in ctx.decided and ctx.decided[i].outcome == LIKELY)
        for i in AID_CLASSES
    )


SCHOOL_LEAVER_STAGES = ("junior_high", "senior_high", "secondary_vocational")
HIGHER = ("college", "postgraduate")
WISHES = ("wants_job", "wants_training")
LEFT_SCHOOL = ("graduated", "completed", "dropped_out")


# the school a graduate left, from the highest education when no longer at school
LEFT_FROM = {
    "doctorate": "postgraduate", "master": "postgraduate", "bachelor": "college",
    "college": "college", "senior_high": "senior_high", "junior_high": "junior_high",
    "secondary_specialized": "secondary_vocational", "technical_school": "secondary_vocational",
}  # fmt: skip


def _stage_graduating_from(member: Member) -> str | None:
    """Where this year's graduate studies, or studied: "本科毕业了" has left school (no stage)."""
    if member.school_stage in (*HIGHER, *SCHOOL_LEAVER_STAGES):
        return member.school_stage
    return LEFT_FROM.get(member.education or "")


def _group_of(ctx: Context, member: Member) -> tuple[str, bool] | None:
    """Which of the 六类人员 (or 有劳动能力、有意愿的低收入人口, or 符合条件的企业职工) a member is in,
    and whether the 人社部门 still has to confirm it (True)."""
    hukou = member.hukou_type or ctx.household.hukou_type
    stage = _stage_graduating_from(member)
    if member.is_graduating_this_year and stage in HIGHER:
        return "毕业年度高校毕业生", False
    if member.is_graduating_this_year and stage in SCHOOL_LEAVER_STAGES:
        if member.study_status in LEFT_SCHOOL:
            return "城乡未继续升学的应届初高中毕业生", False
        # still at school: only those who do not go on to further study are in the group
        return "应届初高中毕业生（毕业后未继续升学的才属于这一类）", True
    if member.employment == "migrant_worker" and hukou == "rural":
        return "农村转移就业劳动者", False
    if member.employment == "registered_unemployed" or member.is_unemployment_registered:
        return "登记失业人员", False
    if (
        _is_low_income(ctx)
        and member.labour_ability in ABLE
        and (member.wants_job or member.wants_training)
    ):
        return "有劳动能力、有就业意愿的低收入人口", False
    if member.employment == "employed" and member.wants_training:
        return "企业职工（“符合条件的企业职工”由人社部门确定）", True
    if _jobless_seeker(member)[0] or (_may_want_work(member) and member.wants_training):
        # Out of work (or farming) and wanting a job: a would-be 农村转移就业劳动者, or someone who
        # can register as unemployed (城镇登记失业人员) and whom the 人社部门 may find a 就业困难人员.
        if member.employment == "farming" and hukou == "rural":
            return "想外出务工的农村劳动者（农村转移就业劳动者）", True
        return (
            "没有稳定工作、想找工作的劳动者（可以先做失业登记；"
            "是否属于登记失业人员、就业困难人员由人社部门认定）",
            True,
        )
    return None


def _group_unknowns(ctx: Context, member: Member) -> tuple[str, ...]:
    """For a member in none of the groups yet, the unknown facts that could put them in one.
    A child under the age 特困人员认定办法 第五条（二） counts as 无劳动能力 is in no group, unless
    about to leave junior high (城乡未继续升学的应届初中毕业生)."""
    minor_age = ctx.param("tekun_minor_max_age").value
    young = member.age is not None and member.age < minor_age
    if (
        young
        and member.school_stage is not None
        and member.school_stage not in SCHOOL_LEAVER_STAGES
    ):
        return ()
    facts: list[str] = []
    hukou = member.hukou_type or ctx.household.hukou_type
    if member.employment is None:
        facts.append("employment")
    stage = member.school_stage
    if member.is_graduating_this_year is None and stage in (*HIGHER, *SCHOOL_LEAVER_STAGES):
        facts.append("is_graduating_this_year")
    if stage is None and (member.is_graduating_this_year or member.employment == "student"):
        facts.append("school_stage")  # a pupil may be leaving school this year
    if member.employment == "employed" and member.wants_training is None:
        facts.append("wants_training")
    seeker, needs = _jobless_seeker(member)
    if seeker is None:
        facts.extend(needs)
    wishes = (member.wants_job, member.wants_training)
    able = member.labour_ability in (*ABLE, None)
    if _is_low_income(ctx) and able and any(w is not False for w in wishes):
        # 有劳动能力、有就业意愿的低收入人口: whichever of the two is not known yet
        if member.labour_ability is None:
            facts.append("labour_ability")
        if not any(wishes):
            facts.extend(f for f, v in zip(WISHES, wishes, strict=True) if v is None)
    if hukou is None and member.employment in ("migrant_worker", "farming"):
        facts.append("hukou_type")  # 农村转移就业劳动者 are rural
    return tuple(dict.fromkeys(facts))


@check("has_employment_aid_group_member")
def has_employment_aid_group_member(ctx: Context) -> CheckResult:
    cid = "has_employment_aid_group_member"
    if ctx.household.is_relapse_monitoring_object:
        return met(cid, "家里是防止返贫监测对象，属于就业救助的六类人员")
    sure: list[str] = []
    maybe: list[str] = []
    unknowns: dict[int, tuple[str, ...]] = {}
    for index, member in enumerate(ctx.household.members):
        found = _group_of(ctx, member)
        if found:
            group, to_confirm = found
            (maybe if to_confirm else sure).append(f"{who(member, index)}是{group}")
        else:
            unknowns[index] = _group_unknowns(ctx, member)
    # The wish is asked of the household ("家里有人想找工作…"): while someone who said yes may
    # still be in a group, the others' wishes wait; once they are not, the others are asked.
    members = ctx.household.members
    wish_pending = any(
        (members[i].wants_job or members[i].wants_training) and facts
        for i, facts in unknowns.items()
    )
    missing = [
        f"members.{fact}"
        for facts in unknowns.values()
        for fact in facts
        if not (wish_pending and fact in WISHES)
    ]
    if sure:
        return met(cid, f"{'；'.join(sure)}，属于就业救助的对象")
    if maybe:
        return uncertain(cid, f"{'；'.join(maybe)}，是否属于就业救助的对象由人社部门确认")
    if not ctx.household.members:
        missing.append("members")
    if missing:
        return unknown(cid, "还需要知道家里人的就业情况", missing)
    return unmet(
        cid,
        "家里没有防止返贫监测对象、应届毕业生、农村转移就业劳动者、登记失业人员、"
        "就业困难人员、企业职工等就业救助对象",
    )


SEEKING = ("registered_unemployed", "flexible", "farming", "migrant_worker")


def _jobless_seeker(member: Member) -> tuple[bool | None, tuple[str, ...]]:
    """处于无业状态、有劳动能力、有就业要求 (全方位公共就业服务意见 二（三）)."""
    if _may_want_work(member):
        return None, ("wants_job",)
    if _not_seeking(member):
        return False, ()
    if member.wants_job is False:
        return False, ()
    needs = tuple(
        fact
        for fact, value in (("employment", member.employment), ("wants_job", member.wants_job))
        if value is None
    )
    if needs:
        return None, needs
    # past _not_seeking, "unable_to_work" (原未登记失业人员) is someone out of work who wants a job
    return member.employment in (*SEEKING, "unable_to_work"), ()


def _zero_employment(ctx: Context) -> bool:
    """零就业家庭: every member of working status is out of work, and at least one wants work."""
    workers = [
        m for m in ctx.household.members
        if m.employment not in ("retired", "student", "under_working_age", "unable_to_work")
        and m.labour_ability not in ("lost", "none")
    ]  # fmt: skip
    return bool(workers) and all(
        m.employment == "registered_unemployed" or m.is_unemployment_registered for m in workers
    )


@check("employment_difficulty_candidate")
def employment_difficulty_candidate(ctx: Context) -> CheckResult:
    """宁夏 就业援助: 零就业家庭的劳动者 can apply; whether a jobless job seeker is a 就业困难人员 is
    for the 人社部门 (the seed gives no definition; the province's list decides)."""
    cid = "employment_difficulty_candidate"
    found, missing = scan_members(ctx, _of_working_age(ctx, _jobless_seeker))
    if found and _zero_employment(ctx):
        return met(
            cid, f"{names(found)}想找工作，家里是零就业家庭，零就业家庭的劳动者可以申请就业援助"
        )
    if found:
        # only someone out of work is said to be so: 打零工、务农、外出务工 is work, however little
        jobless = all(m.employment in ("registered_unemployed", "unable_to_work") for _, m in found)
        state = "没有工作、想找工作" if jobless else "想找工作"
        return uncertain(
            cid,
            f"{names(found)}{state}，可以先做失业登记；是否属于就业困难人员，由人社部门按规定认定",
        )
    if missing:
        return unknown(cid, "还需要知道家里人有没有工作、想不想找工作", missing)
    return unmet(cid, "家里没有处于无业状态、又想找工作的劳动者" + _past_working_age(ctx))


@check("wants_training_or_job")
def wants_training_or_job(ctx: Context, kind: str | None = None) -> CheckResult:
    cid = "wants_training_or_job"
    fields = {"training": ("wants_training",), "job": ("wants_job",)}.get(
        kind or "", ("wants_training", "wants_job")
    )
    label = {"wants_training": "参加培训", "wants_job": "找工作"}

    def test(member: Member) -> tuple[bool | None, tuple[str, ...]]:
        values = [getattr(member, f) for f in fields]
        if any(values):
            return True, ()
        if any(v is None for v in values):
            return None, tuple(f for f, v in zip(fields, values, strict=True) if v is None)
        return False, ()

    # 就业救助 is for 劳动者: nobody asks an 83-year-old living alone whether they want a job
    found, missing = scan_members(ctx, _of_working_age(ctx, test))
    wish = "或".join(label[f] for f in fields)
    if found:
        return met(cid, f"{names(found)}想{wish}")
    if missing:
        return unknown(cid, f"还需要知道家里有没有人想{wish}", missing)
    if ctx.household_size is None or ctx.household_size > len(ctx.household.members):
        # those not listed yet may be of working age and want a job
        return unknown(cid, f"还需要知道家里有没有人想{wish}", ("size",))
    if _everyone_past_working_age(ctx):
        return unmet(cid, "家里的人都已超过法定劳动年龄" + _oldest_working_age(ctx))
    return unmet(cid, f"家里没有人想{wish}" + _past_working_age(ctx))


def _everyone_past_working_age(ctx: Context) -> bool:
    oldest = _latest_working_age(ctx)
    if oldest is None:
        return False
    members = ctx.household.members
    return bool(members) and all(m.age is not None and m.age > oldest for m in members)


def _oldest_working_age(ctx: Context) -> str:
    return f"（最高 {_latest_working_age(ctx)} 周岁），不在求职、培训帮扶的范围内"


def _latest_working_age(ctx: Context) -> int | None:
    """The latest statutory retirement age (working_age_max); None when none is recorded."""
    try:
        return int(ctx.param("working_age_max").value)
    except ParameterNotFound:
        return None


def _at_school(member: Member) -> bool:
    """In school now and not leaving this year (在读人员, seed 004 表格说明 6): not in the job
    market, so nobody asks a high-school pupil about 失业登记."""
    stage = member.school_stage
    if stage in (None, "none") or member.is_graduating_this_year:
        return False
    return member.study_status in (None, "enrolled")


def _registered(member: Member) -> tuple[bool | None, tuple[str, ...]]:
    if member.is_unemployment_registered or member.employment == "registered_unemployed":
        return True, ()
    if member.is_unemployment_registered is False or _at_school(member):
        return False, ()
    # 失业登记 is for those 有劳动能力 (seed 004 失业登记申请表单): not one who cannot work
    if member.labour_ability in ("lost", "none"):
        return False, ()
    if member.employment is not None and _not_seeking(member):
        return False, ()
    return None, ("is_unemployment_registered",)


@check("has_registered_unemployed_member")
def has_registered_unemployed_member(ctx: Context) -> CheckResult:
    cid = "has_registered_unemployed_member"
    found, missing = scan_members(ctx, _of_working_age(ctx, _registered))
    if found:
        return met(cid, f"{names(found)}已经做了失业人员登记")
    # Seed 004 承诺书 (申请表 事项8): "本人承诺，本人正在申请最低生活保障金给付事项，并已有或正在
    # 办理失业人员登记手续" and 服务指南 一 5 has the 失业登记 done within the same application:
    # someone able to work who says they want a job meets it by registering along with the 认定,
    # in a household on 低保 or applying for it now (the form is written for that applicant); the
    # 低保 verdict itself comes from recognised_in_any. On a new application someone who has said
    # neither their work nor that they are not registered yet may be in a job (who cannot
    # register): that is asked first.
    on_dibao = ItemId.DIBAO in (ctx.household.already_receives or ())
    seekers = [
        (index, member)
        for index, member in scan_members(ctx, _of_working_age(ctx, _declared_job_seeker))[0]
        if on_dibao or member.employment is not None or member.is_unemployment_registered is False
    ]
    if seekers:
        return met(
            cid,
            f"{names(seekers)}有劳动能力、想找工作，还没有做失业人员登记的，申请时一并办理失业登记"
            "（承诺书写的是“已有或正在办理失业人员登记手续”）",
        )
    # Someone who could register but has not said they want a job is no bar either (and then
    # whether another member registered already changes nothing worth a question).
    could_register, unsure = scan_members(ctx, _of_working_age(ctx, _could_register))
    if could_register:
        return uncertain(
            cid,
            f"{names(could_register)}还没有做失业人员登记，可以一并办理失业登记"
            "（承诺书写的是“已有或正在办理失业人员登记手续”）",
        )
    if missing:
        return unknown(cid, "还需要知道家里有没有人做过失业登记", missing)
    if unsure:
        return unknown(cid, "还需要知道没有工作的家人想不想找工作", unsure)
    return unmet(cid, "家里没有人做了失业人员登记，也没有能办理失业登记的人")


def _declared_job_seeker(member: Member) -> tuple[bool | None, tuple[str, ...]]:
    """Says they want a job and can work, out of work (not 在读, not in a job): 失业登记 is "有劳动
    能力及就业意愿…的申请人填写" (seed 004 失业登记申请表单), so they can register now."""
    if member.wants_job is not True or _at_school(member) or _not_seeking(member):
        return False, ()
    return member.labour_ability in ABLE, ()


def _could_register(member: Member) -> tuple[bool | None, tuple[str, ...]]:
    """Not registered, but of working status and able to work: can register along with the 认定."""
    if _may_want_work(member) and not member.is_unemployment_registered:
        # 无就业条件 is "原未登记失业人员": not registered, whether or not that was asked
        return None, ("wants_job",)
    if _not_seeking(member):
        return False, ()
    return member.is_unemployment_registered is False, ()


def _unregistered_job_seeker(member: Member) -> tuple[bool | None, tuple[str, ...]]:
    if _may_want_work(member) and not member.is_unemployment_registered:
        missing = ("wants_job", "is_unemployment_registered")
        return None, tuple(f for f in missing if getattr(member, f) is None)
    if _not_seeking(member) or _at_school(member):
        return False, ()
    if member.wants_job is False or member.is_unemployment_registered:
        return False, ()
    if member.employment == "registered_unemployed":
        return False, ()
    needs = tuple(
        fact
        for fact, value in (
            ("labour_ability", member.labour_ability),
            ("wants_job", member.wants_job),
            ("is_unemployment_registered", member.is_unemployment_registered),
        )
        if value is None
    )
    return (None, needs) if needs else (True, ())


@check("has_unregistered_unemployed_member")
def has_unregistered_unemployed_member(ctx: Context) -> CheckResult:
    cid = "has_unregistered_unemployed_member"
    found, missing = scan_members(ctx, _of_working_age(ctx, _unregistered_job_seeker))
    if found:
        return met(cid, f"{names(found)}有劳动能力、想找工作，还没有做失业登记")
    if missing:
        return unknown(cid, "还需要知道家里有没有想找工作、还没登记失业的人", missing)
    return unmet(
        cid,
        "家里没有有劳动能力、想找工作又还没登记失业的人" + _too_young(ctx) + _past_working_age(ctx),
    )


def _too_young(ctx: Context) -> str:
    """Why a job seeker under the published minimum age cannot register, said."""
    youngest = _published_minimum_age(ctx) or 0
    young = [
        (i, m) for i, m in enumerate(ctx.household.members)
        if m.wants_job and m.age is not None and m.age < youngest
    ]  # fmt: skip
    if not young:
        return ""
    return f"（{names(young)}还不满 {youngest} 周岁，不到法定劳动年龄，不能办理失业登记）"


def _past_working_age(ctx: Context) -> str:
    """Why a job seeker past the latest statutory retirement age is not a 劳动者 here, said (a
    68-year-old who wants a job is told why, not that nobody wants one)."""
    oldest = _latest_working_age(ctx)
    if oldest is None:
        return ""
    old = [
        (i, m) for i, m in enumerate(ctx.household.members)
        if m.wants_job and m.age is not None and m.age > oldest
    ]  # fmt: skip
    if not old:
        return ""
    said = "、".join(f"{names([(i, m)])} {m.age} 岁" for i, m in old)
    return f"（{said}，已超过法定劳动年龄（最高 {oldest} 周岁），不在失业登记、就业援助的范围内）"


@check("no_business_licence")
def no_business_licence(ctx: Context) -> CheckResult:
    """Seed 004 申请表 事项8 个人承诺: "没有办理营业执照或投资企业，且没有事实的就业创业行为活动".
    The household's 工商注册 is known for the household only: in a one-person household it is the
    applicant's (可能不符合); in a larger one whose licence it is, the office checks (或许符合). Not
    asked for this: the 低保 property questions ask it, and the office checks the promise."""
    cid = "no_business_licence"
    household = ctx.household
    if household.assets.has_registered_business is not True:
        return met(cid, "申请时要承诺没有办理营业执照或投资企业，由人社部门核实")
    if ctx.household_size == 1:
        return unmet(
            cid,
            "申请就业困难人员认定要承诺“没有办理营业执照或投资企业”，您办了营业执照"
            "（注销以后可以再申请）",
        )
    return uncertain(
        cid,
        "家里有工商注册；申请就业困难人员认定的人要承诺本人没有办理营业执照或投资企业，"
        "由人社部门核实",
    )
