"""Each check family on its own: statuses, boundaries, missing facts, parameters passed on.

Parameters here are test values built in the test (not guides/data/parameters.yml), so these
tests pin the reasoning, while tests/guides/cases/*.yml pin the published numbers.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from guides.catalog import guide_for
from guides.household import Household
from guides.params import ParameterFile, Parameters
from guides.screening.context import Context
from guides.screening.registry import CHECKS, run_check
from guides.screening.result import CheckStatus

ON = dt.date(2025, 11, 1)
SOURCE = {"config": "test value"}


def _value(value: float, variant: str | None = None, verified: bool = False) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "effective_from": "2020-01-01", "value": value, "verified": verified, "source": SOURCE,
        "note": "test",
    }  # fmt: skip
    if variant:
        entry["variant"] = variant
    return entry


def _param(unit: str, *values: dict[str, Any]) -> dict[str, Any]:
    return {"description": "测试参数", "unit": unit, "history": list(values)}


PARAMS = Parameters(
    ParameterFile.model_validate(
        {
            "parameters": {
                "dibao_standard": _param("元/月", _value(800, "urban"), _value(600, "rural")),
                "dibao_edge_multiple": _param("倍", _value(1.5, verified=True)),
                "disposable_income_per_capita": _param(
                    "元/年", _value(36000, "urban"), _value(12000, "rural")
                ),
                "rigid_expense_share_threshold": _param("%", _value(60)),
                "asset_deposit_months": _param("个月", _value(10)),
                "max_houses": _param("套", _value(1)),
                "housing_area_per_capita_limit": _param("平方米", _value(15)),
                "relapse_monitoring_income_line": _param("元/年", _value(8000)),
                "tekun_elderly_min_age": _param("岁", _value(60, verified=True)),
                "tekun_minor_max_age": _param("岁", _value(16, verified=True)),
                "tekun_minor_covered_max_age": _param("岁", _value(18, verified=True)),
                "elderly_subsidy_min_age": _param("岁", _value(60, verified=True)),
                "elderly_subsidy_max_age": _param("岁", _value(99, verified=True)),
                "elderly_care_grade_min": _param("级", _value(2, verified=True)),
                "elderly_care_grade_max": _param("级", _value(3, verified=True)),
                "housing_min_age": _param("岁", _value(18, verified=True)),
            }
        }
    )
)


def run(check_id: str, data: dict[str, Any], region: str = "shanxi", **args: Any) -> Any:
    household = Household.model_validate({"region": region, **data})
    ctx = Context(household=household, guide=guide_for(region), params=PARAMS, on=ON)
    return run_check(check_id, ctx, args)


URBAN_TWO = {"hukou_type": "urban", "size": 2}


@pytest.mark.parametrize(
    ("income", "status"),
    [(1600, CheckStatus.UNMET), (1598, CheckStatus.MET), (1599.99, CheckStatus.MET)],
)
def test_below_dibao_standard_is_strict(income: float, status: CheckStatus) -> None:
    result = run("income_below_dibao_standard", {**URBAN_TWO, "monthly_income_total": income})
    assert result.status == status
    assert "÷ 2 人" in result.reason and "800 元" in result.reason
    assert [p.name for p in result.params] == ["dibao_standard"]


def test_income_check_names_missing_facts() -> None:
    result = run("income_below_dibao_standard", {})
    assert result.status == CheckStatus.UNKNOWN
    assert set(result.missing) == {"size", "monthly_income_total", "hukou_type"}


def test_per_capita_uses_member_incomes_when_no_total() -> None:
    members = [{"monthly_income": 500}, {"monthly_income": 1000}]
    result = run("income_below_dibao_standard", {"hukou_type": "urban", "members": members})
    assert result.status == CheckStatus.MET
    assert "1500 元 ÷ 2 人 = 750 元" in result.reason


def test_the_per_capita_formula_names_the_household_sum() -> None:
    # "家庭人均月收入 1500 元 ÷ 2 人" read as if 1500 were the per-person figure: the sum that
    # is divided is named as the household's (played conversation, session 49)
    result = run("income_below_dibao_standard", {"hukou_type": "urban", "size": 2,
                                                 "monthly_income_total": 1500})  # fmt: skip
    assert "家庭人均月收入 = 全家月收入 1500 元 ÷ 2 人 = 750 元" in result.reason


def test_edge_line_carries_both_parameters() -> None:
    result = run("income_below_edge_line", {**URBAN_TWO, "monthly_income_total": 2400})
    assert result.status == CheckStatus.UNMET  # 1200 is not below 800 × 1.5
    assert {p.name for p in result.params} == {"dibao_standard", "dibao_edge_multiple"}
    assert run("income_above_edge_line", {**URBAN_TWO, "monthly_income_total": 2402}).status == (
        CheckStatus.MET
    )


def test_rigid_expense_share_formula_and_threshold() -> None:
    data = {**URBAN_TWO, "monthly_income_total": 1000, "expenses_12m": {"medical": 7200}}
    result = run("rigid_expense_share_at_least_threshold", data)
    # the 60% is an estimate (unverified): reaching it is for the department to confirm
    assert result.status == CheckStatus.UNCERTAIN
    assert "7200 元 ÷ 家庭年总收入 12000 元 = 60.00%" in result.reason
    data["expenses_12m"] = {"medical": 7199}  # short: the items not yet told may make up the rest
    missing = run("rigid_expense_share_at_least_threshold", data).missing
    assert {"expenses_12m.education", "expenses_12m.basic_living"} <= set(missing)
    data["expenses_12m"] = {"medical": 3000, "basic_living": 0}  # an unknown item is not 0
    assert run("rigid_expense_share_at_least_threshold", data).status == CheckStatus.UNKNOWN
    data["expenses_12m"] = {
        "medical": 3000,
        "education": 0,
        "disability_rehabilitation": 0,
        "basic_living": 0,
    }
    assert run("rigid_expense_share_at_least_threshold", data).status == CheckStatus.UNMET
    missing = run("rigid_expense_share_at_least_threshold", URBAN_TWO)
    assert "expenses_12m.medical" in missing.missing


def test_no_income_counts_as_full_share() -> None:
    data = {**URBAN_TWO, "monthly_income_total": 0, "expenses_12m": {"medical": 100}}
    result = run("rigid_expense_share_at_least_threshold", data)
    assert result.status == CheckStatus.UNCERTAIN and "没有收入" in result.reason


CLEAN_ASSETS = {"deposits": 0, "houses": [], "vehicles": [], "has_registered_business": False}


def test_assets_within_unverified_limits() -> None:
    base = {**URBAN_TWO, "assets": {**CLEAN_ASSETS, "deposits": 16000}}
    assert run("assets_within_limits", base).status == CheckStatus.MET  # 8000 = 800 × 10
    over = {**URBAN_TWO, "assets": {**CLEAN_ASSETS, "deposits": 16002}}
    result = run("assets_within_limits", over)
    assert result.status == CheckStatus.UNCERTAIN  # the local rule is not verified
    assert any(p.name == "asset_deposit_months" and not p.verified for p in result.params)


def test_assets_missing_facts() -> None:
    result = run("assets_within_limits", URBAN_TWO)
    assert result.status == CheckStatus.UNKNOWN
    assert "assets.deposits" in result.missing and "assets.vehicles" in result.missing


def test_car_for_disability_is_not_counted() -> None:
    vehicles = [{"kind": "car", "is_for_disability_or_work": True}]
    data = {**URBAN_TWO, "assets": {**CLEAN_ASSETS, "vehicles": vehicles}}
    result = run("assets_within_limits", data)
    assert result.status == CheckStatus.MET
    # 第十四条 必需财产: named as exempt, never "没有汽车" of a household that has one
    assert "没有汽车" not in result.reason and "必需财产" in result.reason


def _member(**facts: Any) -> dict[str, Any]:
    return {"relation": "self", **facts}


@pytest.mark.parametrize(
    ("age", "status"),
    [
        (60, CheckStatus.MET),
        (59, CheckStatus.UNMET),
        (15, CheckStatus.MET),
        (16, CheckStatus.UNCERTAIN),  # covered to 18 by 改革意见 二（二）5, confirmed locally
        (17, CheckStatus.UNCERTAIN),
        (18, CheckStatus.UNMET),
    ],
)
def test_tekun_age_boundaries(age: int, status: CheckStatus) -> None:
    member = _member(age=age, has_disability=False, monthly_income=0, has_legal_supporter=False)
    data = {"hukou_type": "urban", "members": [member]}
    assert run("has_tekun_candidate", data).status == status


def test_tekun_supporter_claim_needs_the_department() -> None:
    member = _member(
        age=70, has_living_source=False, has_legal_supporter=True, has_capable_supporter=False
    )
    assert run("has_tekun_candidate", {"members": [member]}).status == CheckStatus.UNCERTAIN


def test_tekun_missing_facts_are_member_paths() -> None:
    result = run("has_tekun_candidate", {"members": [_member(age=30)]})
    assert result.status == CheckStatus.UNKNOWN
    assert set(result.missing) == {
        "members.0.has_disability", "members.0.monthly_income", "members.0.has_legal_supporter"
    }  # fmt: skip


def test_tekun_asks_only_about_members_who_could_still_qualify() -> None:
    elder = _member(age=75)
    son = {**_member(age=35, has_disability=False), "relation": "son"}  # cannot qualify
    # 第六条: an own income of 3000 元 (no 基础养老金 in it) is above any 低保标准
    earner = {**_member(age=68, monthly_income=3000, monthly_basic_pension=0), "relation": "spouse"}
    data = {"hukou_type": "urban", "members": [elder, son, earner]}
    result = run("has_tekun_candidate", data)
    assert result.status == CheckStatus.UNKNOWN
    # the son and the husband living with her owe her support (第四条（三）): whether one can is
    # asked of them, not whether she has a 赡养人. 第八条 lists no case a 35-year-old who is not
    # disabled fits but a province's own (a serious illness: whether he can work is asked); the
    # husband, 68 and earning, only （二）60周岁以上的低保对象
    assert set(result.missing) == {
        "members.0.monthly_income", "members.1.labour_ability", "already_receives"
    }  # fmt: skip


def test_tekun_asks_the_one_age_that_decides_for_the_whole_family() -> None:
    # Decide under uncertainty (issue 11): the applicant, not disabled nor ill, is out of 特困
    # herself from 18 to 59 (第四条) and then able to support her husband, her children and her
    # mother-in-law (第八条): her age alone is asked, not everyone's age, income and 赡养人
    well = {"has_disability": False, "has_serious_illness": False}
    relations = ("self", "spouse", "son", "daughter", "parent")
    data = {
        "hukou_type": "rural",
        "size": 5,
        "monthly_income_total": 5550,
        "members": [{"relation": r, **well} for r in relations],
    }
    result = run("has_tekun_candidate", data, region="gansu")
    assert result.status == CheckStatus.UNKNOWN
    assert result.missing == ("members.0.age",)
    data["members"][0]["age"] = 39
    assert run("has_tekun_candidate", data, region="gansu").status == CheckStatus.UNMET


def test_tekun_asks_every_fact_of_a_member_no_shared_answer_decides() -> None:
    # one person: nothing asked of one member settles another, so each of her conditions is
    # asked (a 不知道 to her income still leaves her age and her 赡养人 to ask)
    result = run("has_tekun_candidate", {"members": [_member(age=70)]})
    assert set(result.missing) == {"members.0.monthly_income", "members.0.has_legal_supporter"}


def test_tekun_living_source_rules_out_even_with_gaps() -> None:
    member = _member(age=70, monthly_income=2000, monthly_basic_pension=150)
    result = run("has_tekun_candidate", {"hukou_type": "urban", "members": [member]})
    assert result.status == CheckStatus.UNMET
    assert "扣除后 1850 元，不低于当地低保标准 800 元" in result.reason


def test_tekun_income_partly_pension_asks_the_pension() -> None:
    member = _member(age=70, monthly_income=800, has_legal_supporter=False)
    result = run("has_tekun_candidate", {"hukou_type": "urban", "members": [member]})
    assert result.status == CheckStatus.UNKNOWN
    assert result.missing == ("members.0.monthly_basic_pension",)


@pytest.mark.parametrize(
    ("age", "status"),
    [
        (60, CheckStatus.MET),
        (59, CheckStatus.UNMET),
        (99, CheckStatus.MET),
        (100, CheckStatus.UNMET),
    ],
)
def test_elderly_subsidy_age_range_inclusive(age: int, status: CheckStatus) -> None:
    result = run("has_elder_in_subsidy_age", {"members": [_member(age=age)]}, "jinan-licheng")
    assert result.status == status


@pytest.mark.parametrize(
    ("grade", "status"), [(1, CheckStatus.UNMET), (2, CheckStatus.MET), (3, CheckStatus.MET)]
)
def test_elderly_care_grade(grade: int, status: CheckStatus) -> None:
    member = _member(age=80, elder_ability_grade=grade)
    assert run("has_elder_needing_care", {"members": [member]}, "jinan-licheng").status == status


@pytest.mark.parametrize(("age", "status"), [(18, CheckStatus.MET), (17, CheckStatus.UNMET)])
def test_applicant_adult(age: int, status: CheckStatus) -> None:
    assert run("applicant_adult", {"members": [_member(age=age)]}).status == status


def test_application_window_is_a_timing_note_not_a_refusal() -> None:
    household = Household.model_validate({"region": "ningxia"})
    guide = guide_for("ningxia")
    for day, status in [
        (dt.date(2025, 7, 15), CheckStatus.MET),
        (dt.date(2025, 9, 15), CheckStatus.MET),
        (dt.date(2025, 9, 16), CheckStatus.UNCERTAIN),
        (dt.date(2025, 1, 2), CheckStatus.UNCERTAIN),
    ]:
        ctx = Context(household=household, guide=guide, params=PARAMS, on=day)
        ctx.item = guide.item("student_loan")
        assert run_check("within_application_window", ctx, {}).status == status


def test_situations() -> None:
    assert run("has_emergency_situation", {}).missing == ("situations",)
    assert run("has_emergency_situation", {"situations": ["fire"]}).status == CheckStatus.MET
    assert run("has_emergency_situation", {"situations": []}).status == CheckStatus.UNMET
    data = {"situations": ["sudden_education_expense"]}
    assert run("has_expenditure_hardship", data).status == CheckStatus.MET
    assert run("has_emergency_situation", data).status == CheckStatus.UNMET


def test_local_hukou_or_residence_permit() -> None:
    check_id = "local_hukou_or_residence_permit"
    assert run(check_id, {"has_local_hukou": False, "has_residence_permit": True}).status == (
        CheckStatus.MET
    )
    assert run(check_id, {"has_local_hukou": False}).missing == ("has_residence_permit",)
    assert run(check_id, {"has_local_hukou": False, "has_residence_permit": False}).status == (
        CheckStatus.UNMET
    )


def test_income_after_expenses_band() -> None:
    check_id = "income_after_expenses_below_dibao_standard"
    base = {**URBAN_TWO, "monthly_income_total": 1800}
    # spread: (1800 − 1200/12)/2 = 850 ≥ 800; concentrated: (1800 − 1200/6)/2 = 800 ≥ 800
    told = {"medical": 1200, "education": 0, "disability_rehabilitation": 0}
    assert run(check_id, {**base, "expenses_12m": told}).status == CheckStatus.UNMET
    # an education expense still unknown may bring it below: asked, not ruled out
    result = run(check_id, {**base, "expenses_12m": {"medical": 1200}})
    assert result.status == CheckStatus.UNKNOWN and "expenses_12m.education" in result.missing
    # concentrated: (1800 − 2400/6)/2 = 700 < 800, spread 800 → only the street office knows
    assert run(check_id, {**base, "expenses_12m": {"medical": 2400}}).status == (
        CheckStatus.UNCERTAIN
    )
    assert run(check_id, {**base, "expenses_12m": {"medical": 2412}}).status == CheckStatus.MET


def test_unregistered_job_seeker() -> None:
    seeker = _member(labour_ability="full", wants_job=True, is_unemployment_registered=False)
    assert run("has_unregistered_unemployed_member", {"members": [seeker]}).status == (
        CheckStatus.MET
    )
    # Seed 004 承诺书 "本人正在申请最低生活保障金给付事项，并已有或正在办理失业人员登记手续":
    # someone who wants a job and registers along with the 认定 meets it, on a new application too.
    assert run("has_registered_unemployed_member", {"members": [seeker]}).status == (
        CheckStatus.MET
    )
    retired = _member(employment="retired", labour_ability="none", is_unemployment_registered=False)
    assert run("has_registered_unemployed_member", {"members": [retired]}).status == (
        CheckStatus.UNMET
    )


def test_missing_parameter_is_uncertain_not_a_crash() -> None:
    empty = Parameters(ParameterFile.model_validate({"parameters": {}}))
    household = Household.model_validate(
        {**URBAN_TWO, "region": "shanxi", "monthly_income_total": 1}
    )
    ctx = Context(household=household, guide=guide_for("shanxi"), params=empty, on=ON)
    result = run_check("income_below_dibao_standard", ctx, {})
    assert result.status == CheckStatus.UNCERTAIN
    assert "低保标准" in result.reason


def test_every_check_survives_an_empty_household() -> None:
    for check_id, fn in CHECKS.items():
        args: dict[str, Any] = {}
        if check_id in (
            "not_in_classes",
            "recognised_in_any",
            "medical_aid_covered",
            "housing_priority_class",
        ):
            args = {"items": ["dibao"]}
        household = Household.model_validate({"region": "shanxi"})
        ctx = Context(household=household, guide=guide_for("shanxi"), params=PARAMS, on=ON)
        result = fn(ctx, **args)
        assert result.check == check_id
        assert result.status in (CheckStatus.UNKNOWN, CheckStatus.UNCERTAIN, CheckStatus.MET), (
            check_id
        )
        if result.status == CheckStatus.UNKNOWN:
            assert result.missing, check_id


def test_no_income_and_no_expense_said_does_not_state_a_zero_total() -> None:
    """Nothing said about expenses is not "刚性支出合计 0 元" (a wrong fact is worse than a
    missing one): with no income, the 基本生活支出 that 刚性支出 includes (刚性支出困难家庭认定办法
    第五条（一）) is over any share, as a total said would be (H12-G05, H12-S05 in households_dev12)."""
    data = {**URBAN_TWO, "monthly_income_total": 0}
    said = run("rigid_expense_share_at_least_threshold", {**data, "expenses_12m": {"medical": 100}})
    result = run("rigid_expense_share_at_least_threshold", data)
    assert result.status == said.status
    assert "0 元 ÷" not in result.reason and "合计 0 元" not in result.reason
    assert "没有收入" in result.reason and "基本生活支出" in result.reason


def test_a_job_seeker_in_odd_jobs_is_not_said_to_have_no_work() -> None:
    """宁夏 就业困难人员认定: a man who delivers takeaway for 800 a month and wants a steady job is
    not told he "没有工作" (a wrong fact; H12-N09 in households_dev12); one registered unemployed is."""
    courier = _member(age=33, labour_ability="partial", employment="flexible", wants_job=True)
    result = run("employment_difficulty_candidate", {"members": [courier]}, region="ningxia")
    assert result.status == CheckStatus.UNCERTAIN
    assert "想找工作" in result.reason and "没有工作" not in result.reason
    jobless = _member(
        age=38, labour_ability="full", employment="registered_unemployed", wants_job=True
    )
    earner = {"relation": "spouse", "labour_ability": "full", "employment": "employed"}
    family = {"members": [jobless, earner]}
    assert "没有工作、想找工作" in run("employment_difficulty_candidate", family, "ningxia").reason


def test_a_pupil_in_school_is_not_asked_about_work() -> None:
    # 在读人员 (seed 004 表格说明 6) are out of the job market: "您女儿现在做什么" was asked of a
    # 15-year-old in 初三 (dev batch P, session 49); one leaving school this year still is
    members = [
        {"relation": "self", "age": 45, "employment": "employed", "wants_job": False,
         "labour_ability": "full"},
        {"relation": "daughter", "age": 15, "school_stage": "junior_high"},
    ]  # fmt: skip
    result = run("employment_difficulty_candidate", {"size": 2, "members": members}, "ningxia")
    assert "members.employment" not in result.missing
    members[1]["is_graduating_this_year"] = True
    result = run("employment_difficulty_candidate", {"size": 2, "members": members}, "ningxia")
    assert "members.employment" in result.missing
