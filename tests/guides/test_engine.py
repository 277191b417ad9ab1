"""The engine over the real guides and parameters: coverage of clause ids, order, robustness."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guides.catalog import all_guides
from guides.errors import HouseholdInputError, UnknownItemError, UnknownRegionError
from guides.household import Household
from guides.household_input import parse_household
from guides.ids import ItemId, Outcome, RegionId
from guides.schema import Guide
from guides.screening.engine import _in_dependency_order, outcomes, screen
from guides.screening.registry import CHECKS

ON = dt.date(2025, 11, 1)
# Registered clauses no guide uses yet, and why.
UNUSED_BY_DESIGN: dict[str, str] = {}


def _specs(guide: Guide) -> list[tuple[str, dict[str, Any]]]:
    found = []
    for item in guide.items:
        if item.condition is None:
            continue
        rule = item.condition.rule
        for spec in [*rule.all, *(s for v in rule.variants for s in v.all)]:
            found.append((spec.check, spec.args))
    return found


def test_every_clause_in_a_guide_is_registered() -> None:
    for region, guide in all_guides().items():
        unknown = sorted({c for c, _ in _specs(guide) if c not in CHECKS})
        assert unknown == [], f"{region}: unregistered clauses {unknown}"


def test_every_registered_check_is_used_or_documented() -> None:
    used = {c for guide in all_guides().values() for c, _ in _specs(guide)}
    unused = sorted(set(CHECKS) - used - set(UNUSED_BY_DESIGN))
    assert unused == []


def test_every_guide_is_loaded() -> None:
    assert set(all_guides()) == set(RegionId)


@pytest.mark.parametrize("region", list(RegionId))
def test_clause_args_are_accepted_by_their_check(region: RegionId) -> None:
    result = screen(Household(region=region), on=ON)
    assert {r.item for r in result.items} == set(all_guides()[region].item_ids)
    for item in result.items:
        assert not any("咨询确认" in r.text for r in item.reasons), item.item
        assert item.outcome in (Outcome.NEED_INFO, Outcome.POSSIBLE, Outcome.UNLIKELY)


@pytest.mark.parametrize("region", list(RegionId))
def test_items_are_decided_after_the_items_they_look_at(region: RegionId) -> None:
    guide = all_guides()[region]
    order = [i.id for i in _in_dependency_order(guide)]
    for item in guide.items:
        deps = set(item.follows)
        for check_id, args in _specs_of(item):
            if check_id in ("not_in_classes", "recognised_in_any"):
                deps.update(ItemId(i) for i in args["items"])
        for dep in deps & set(order):
            assert order.index(dep) < order.index(item.id), (item.id, dep)


def _specs_of(item: Any) -> list[tuple[str, dict[str, Any]]]:
    if item.condition is None:
        return []
    rule = item.condition.rule
    return [(s.check, s.args) for s in [*rule.all, *(s for v in rule.variants for s in v.all)]]


LICHENG_TEKUN = {
    "region": "jinan-licheng",
    "hukou_type": "rural",
    "has_local_hukou": True,
    "size": 1,
    "monthly_income_total": 0,
    "members": [
        {"relation": "self", "age": 75, "has_living_source": False, "has_legal_supporter": False,
         "has_disability": False, "elder_ability_grade": 3},
    ],
    "assets": {"deposits": 0, "houses": [], "vehicles": [], "has_registered_business": False},
}  # fmt: skip


def test_review_order_reaches_items_that_follow_a_class() -> None:
    result = screen(parse_household(LICHENG_TEKUN), on=ON)
    assert result.item("tekun").outcome == Outcome.LIKELY
    # 特困 is only screened, not recognised: 低保 is reviewed if 特困 is not granted (或许符合)
    assert result.item("dibao").outcome == Outcome.POSSIBLE
    # 经济困难老年人补贴 is for 低保老年人: it follows the 低保 outcome, never ahead of it
    assert result.item("elderly_subsidy").outcome == Outcome.POSSIBLE
    assert result.item("medical_aid").outcome == Outcome.LIKELY
    assert result.item("medical_aid").auto_granted


def test_unverified_parameters_carry_their_caveat() -> None:
    result = screen(parse_household(LICHENG_TEKUN), on=ON)
    dibao = result.item("dibao")
    assert any("按1000元/月估算，以当地民政部门公布的标准为准" in c for c in dibao.caveats)
    assert dibao.caveats[0] in result.caveats


def test_recognised_classes_list_their_benefits() -> None:
    result = screen(parse_household(LICHENG_TEKUN), on=ON)
    assert result.item("tekun").benefits
    assert any("先按特困人员审核" in r.text for r in result.item("dibao").reasons)


def test_likely_items_list_materials_with_why() -> None:
    tekun = screen(parse_household(LICHENG_TEKUN), on=ON).item("tekun")
    assert tekun.materials and all(m.why for m in tekun.materials)
    assert tekun.materials[0].required


def test_ruled_out_variants_each_say_why() -> None:
    data = {**LICHENG_TEKUN, "situations": [], "basic_living_in_severe_difficulty": False}
    aid = screen(parse_household(data), on=ON).item("temporary_aid")
    assert aid.outcome == Outcome.UNLIKELY
    assert any(r.text.startswith("（急难型）") for r in aid.reasons)
    assert any(r.text.startswith("（支出型）") for r in aid.reasons)


def test_income_formula_is_reported() -> None:
    result = screen(parse_household({"region": "shanxi", "size": 3, "monthly_income_total": 2000}))
    assert (
        result.income_formula
        == "家庭人均月收入 = 共同生活的家庭成员月收入合计 2000 元 ÷ 3 人 = 666.67 元"
    )


def test_unknown_item_is_a_domain_error() -> None:
    with pytest.raises(UnknownItemError):
        screen(Household(region=RegionId.JINAN_LICHENG), items=[ItemId.STUDENT_LOAN])


def test_selected_items_only() -> None:
    result = screen(Household(region=RegionId.SHANXI), items=[ItemId.DIBAO])
    assert [r.item for r in result.items] == [ItemId.DIBAO]


@pytest.mark.parametrize(
    ("data", "field", "fragment"),
    [
        ({"members": [{"age": 3}, {"monthly_income": -5}]}, "members.1.monthly_income",
         "收入不能是负数（第2位家庭成员的月收入）"),
        ({"members": [{"age": 250}]}, "members.0.age", "年龄太大了"),
        ({"monthly_income_total": -1}, "monthly_income_total", "收入不能是负数"),
        ({"size": 0}, "size", "家庭人口数至少是 1"),
        ({"assets": {"deposits": "很多"}}, "assets.deposits", "请填写数字"),
        ({"hukou_type": "city"}, "hukou_type", "不在可选范围里"),
        ({"members": [{"relation": "self"}, {"relation": "self"}]}, "members", "只能有一位申请人"),
        ({"income": 1}, "income", "不认识“income”"),
    ],
)  # fmt: skip
def test_bad_input_names_the_field_in_chinese(
    data: dict[str, Any], field: str, fragment: str
) -> None:
    with pytest.raises(HouseholdInputError) as info:
        parse_household({"region": "shanxi", **data})
    assert info.value.field == field
    assert fragment in info.value.message_zh


def test_unknown_region_and_non_mapping_input() -> None:
    with pytest.raises(UnknownRegionError):
        parse_household({"region": "atlantis"})
    with pytest.raises(HouseholdInputError):
        parse_household(["not", "a", "household"])
    with pytest.raises(HouseholdInputError):
        parse_household({})


def test_member_without_id_number_is_screened() -> None:
    household = parse_household({"region": "gansu", "members": [{"age": 70, "name": None}]})
    result = screen(household, on=ON)
    assert result.item("tekun").outcome == Outcome.NEED_INFO


_member = st.fixed_dictionaries(
    {},
    optional={
        "relation": st.sampled_from(["self", "spouse", "son", "other"]),
        "age": st.integers(0, 130),
        "has_disability": st.booleans(),
        "labour_ability": st.sampled_from(["full", "partial", "lost", "none"]),
        "has_living_source": st.booleans(),
        "has_legal_supporter": st.booleans(),
        "has_capable_supporter": st.booleans(),
        "monthly_income": st.floats(0, 50_000),
        "school_stage": st.sampled_from(["none", "college", "senior_high"]),
        "study_status": st.sampled_from(["enrolled", "graduated"]),
        "employment": st.sampled_from(["employed", "registered_unemployed", "flexible"]),
        "wants_job": st.booleans(),
        "is_unemployment_registered": st.booleans(),
        "elder_ability_grade": st.integers(0, 3),
        "has_serious_illness": st.booleans(),
        "is_veteran": st.booleans(),
    },
)
_household = st.fixed_dictionaries(
    {"region": st.sampled_from([r.value for r in RegionId])},
    optional={
        "hukou_type": st.sampled_from(["urban", "rural"]),
        "size": st.integers(1, 30),
        "monthly_income_total": st.floats(0, 1_000_000),
        "members": st.lists(_member, max_size=4),
        "has_local_hukou": st.booleans(),
        "situations": st.lists(st.sampled_from(["fire", "sudden_medical_expense"]), max_size=2),
        "expenses_12m": st.fixed_dictionaries({}, optional={"medical": st.floats(0, 1e6)}),
        "assets": st.fixed_dictionaries({}, optional={"deposits": st.floats(0, 1e7)}),
    },
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=_household, day=st.dates(dt.date(2024, 1, 1), dt.date(2026, 12, 31)))
def test_any_partial_household_is_screened_without_error(
    data: dict[str, Any], day: dt.date
) -> None:
    try:
        household = parse_household(data)
    except HouseholdInputError:
        return  # e.g. two applicants: a clear input error is also acceptable
    result = screen(household, on=day)
    for item in result.items:
        if item.outcome == Outcome.NEED_INFO:
            assert item.missing_facts, item.item
        else:
            assert item.missing_facts == ()


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=_household, picks=st.lists(st.lists(st.integers(0, 30), max_size=4), max_size=4))
def test_outcomes_alone_are_what_screening_says(
    data: dict[str, Any], picks: list[list[int]]
) -> None:
    """`outcomes` (the lookahead's trials) and `screen(detail=False)` (the question choice)
    build lighter results, and `outcomes` keeps each item set's dependencies: for any household
    and any item sets asked one after another, outcomes and missing facts are the full
    screening's (a dependency set kept for another item set would differ)."""
    try:
        household = parse_household(data)
    except HouseholdInputError:
        return
    result = screen(household, on=ON)
    full = {i.item: i.outcome for i in result.items}
    brief = screen(household, on=ON, detail=False)
    assert [(i.item, i.outcome, i.missing_facts) for i in brief.items] == [
        (i.item, i.outcome, i.missing_facts) for i in result.items
    ]
    offered = list(full)
    for pick in picks:
        items = [offered[n % len(offered)] for n in pick]
        assert outcomes(household, items, on=ON) == {i: full[i] for i in items}


def test_age_from_birth_date_is_taken_on_the_screening_date() -> None:
    # Born 1965-08-01: 59 on 2025-07-01 and 60 on 2025-09-01, whatever today is.
    household = Household(
        region=RegionId.JINAN_LICHENG,
        members=[{"relation": "self", "birth_date": dt.date(1965, 8, 1)}],
    )

    def elder_reasons(on: dt.date) -> str:
        result = screen(household, on=on, items=[ItemId.ELDERLY_SUBSIDY])
        return " ".join(r.text for r in result.items[0].reasons)

    assert household.as_of(dt.date(2025, 7, 1)).members[0].age == 59
    assert household.as_of(dt.date(2025, 9, 1)).members[0].age == 60
    assert "60 岁" in elder_reasons(dt.date(2025, 9, 1))
    assert "60 岁" not in elder_reasons(dt.date(2025, 7, 1))


def test_a_stated_age_is_kept_on_any_date() -> None:
    household = Household(region=RegionId.GANSU, members=[{"relation": "self", "age": 59}])
    assert household.as_of(dt.date(2040, 1, 1)).members[0].age == 59


def test_edge_line_reason_cites_the_edge_clause_even_under_another_item() -> None:
    """参照单人户 低保 uses the 低保边缘 line: its reason cites where that line is set (seed 000
    附件2 二（三）), not the 低保 clause 二（一）."""
    household = parse_household(
        {
            "region": "gansu",
            "hukou_type": "urban",
            "size": 2,
            "monthly_income_total": 1800,
            "members": [
                {"relation": "self", "age": 50, "monthly_income": 1800},
                {
                    "relation": "spouse",
                    "age": 48,
                    "has_disability": True,
                    "disability_kind": "肢体",
                    "disability_grade": 1,
                    "monthly_income": 0,
                },
            ],
            "assets": {"deposits": 0, "houses": [{}], "vehicles": []},
        }
    )
    dibao = screen(household, on=ON).item(ItemId.DIBAO)
    edge_reasons = [r for r in dibao.reasons if "低保边缘认定标准" in r.text]
    assert edge_reasons, [r.text for r in dibao.reasons]
    assert all(r.citation.endswith("附件2 二（三）") for r in edge_reasons), edge_reasons


def test_single_person_route_asks_whom_it_is_for_before_the_means() -> None:
    """Issue 11: a household above the 低保标准 but within the edge line may still get 低保 through a
    member with a severe disability or illness (参照单人户). While nobody is known to be one, the
    route asks about the members first, not the deposits, houses and cars it needs only then."""
    members: list[dict[str, Any]] = [
        {"relation": "self", "age": 60, "employment": "retired"},
        {"relation": "spouse", "age": 58, "employment": "retired"},
        {"relation": "son", "age": 28, "employment": "employed"},
    ]
    data = {
        "region": "jinan-licheng",
        "hukou_type": "urban",
        "has_local_hukou": True,
        "size": 3,
        "monthly_income_total": 4200,
        "members": members,
    }
    on = dt.date(2025, 11, 1)
    # the income first: the route matters only once the family as a whole is not eligible
    no_income = {k: v for k, v in data.items() if k != "monthly_income_total"}
    early = screen(parse_household(no_income), on=on).item("dibao").missing_facts
    assert "monthly_income_total" in early and "members.has_disability" not in early
    dibao = screen(parse_household(data), on=on).item("dibao")
    assert dibao.outcome == Outcome.NEED_INFO
    assert set(dibao.missing_facts) == {"members.has_disability", "members.has_serious_illness"}
    told = [{**m, "has_disability": False, "has_serious_illness": False} for m in members]
    nobody = parse_household({**data, "members": told})
    assert screen(nobody, on=on).item("dibao").outcome == Outcome.UNLIKELY


def test_a_way_never_better_than_another_asks_nothing() -> None:
    """Below the 低保标准 the household's own way needs only its assets; 参照单人户 needs the same
    assets and a member it is for, so it can never come out better: whether anyone has a
    disability or an illness cannot change 低保 and is not asked for it (issue 11)."""
    data = {
        "region": "ningxia",
        "hukou_type": "urban",
        "has_local_hukou": True,
        "size": 2,
        "monthly_income_total": 1000,
        "members": [
            {"relation": "self", "age": 50, "employment": "employed"},
            {"relation": "spouse", "age": 48, "employment": "employed"},
        ],
    }
    dibao = screen(parse_household(data), on=dt.date(2025, 11, 1)).item("dibao")
    assert dibao.outcome == Outcome.NEED_INFO
    assert dibao.missing_facts and all(f.startswith("assets.") for f in dibao.missing_facts)


def test_the_shanxi_hukou_reason_cites_the_clause_that_sets_it() -> None:
    """Whatever item reads it, the 山西省户籍 condition is 晋民发〔2025〕14号 三（一）, not the
    national clause of the item (公租房: 分层分类意见 四（二）3, which says nothing of hukou)."""
    data = {
        "region": "shanxi",
        "has_local_hukou": False,
        "hukou_address": "河南省某县",
        "has_residence_permit": True,
    }
    housing = screen(parse_household(data), on=ON).item("public_rental_housing")
    hukou = [r for r in housing.reasons if "居住证" in r.text]
    assert hukou and all(r.citation.endswith("三（一）") for r in hukou)
    assert all("14号" in r.citation for r in hukou)
