"""Facts in openings written for dialogue/dev/openings_9.yml: two people joined by 和 share
an age, a school not got into is no school stage, a fallen wall is a dangerous house, a hukou
in the village is rural, and a hukou in the district is local only where the region is one
district (in a province, "户口在兰州" does not say which county)."""

from __future__ import annotations

import datetime as dt

import pytest

from nlu.facts import read_facts

TODAY = dt.date(2026, 12, 4)


def _facts(text: str, region: str | None = None) -> set[tuple[str, object, str | None]]:
    return {
        (f.name, tuple(f.value) if isinstance(f.value, list) else f.value, f.who)
        for f in read_facts(text, TODAY, region=region).facts
    }


def test_two_people_joined_by_he_share_the_age() -> None:
    facts = _facts("我和老伴六十多了，农村户口")
    ages = {who: value for name, value, who in facts if name == "members.age"}
    assert set(ages) == {"self", "spouse"}


def test_a_long_clause_with_he_is_not_read_as_both() -> None:
    facts = _facts("我和老伴住在村里的老房子，他七十了")
    assert ("members.age", 70, "self") not in facts


def test_a_school_not_got_into_is_no_stage() -> None:
    facts = _facts("我儿子今年高中毕业没考上大学，十九了")
    assert not any(
        name == "members.school_stage" and value == "college" for name, value, _ in facts
    )


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("前几天下大雨后墙塌了一半", ("housing.is_dangerous_house", True, None)),
        ("户口在村里，一个人带娃", ("hukou_type", "rural", None)),
        ("我们是城镇户口，本地的", ("has_local_hukou", True, None)),
    ],
)
def test_household_facts_said_plainly(text: str, fact: tuple[str, object, None]) -> None:
    assert fact in _facts(text)


def test_a_hukou_in_the_district_is_local_only_for_a_one_district_region() -> None:
    assert ("has_local_hukou", True, None) in _facts("户口在历城，城镇户口", "jinan-licheng")
    assert not any(name == "has_local_hukou" for name, _, _ in _facts("户口在兰州", "gansu"))
    assert ("has_local_hukou", True, None) not in _facts("户口在老家历城", "jinan-licheng")


def test_a_hotline_agents_summary_names_the_callers_father() -> None:
    facts = _facts("来电人反映：其父今年76岁，住在村里的土坯房，房子墙体开裂")
    assert any(
        name == "members.age" and value == 76 and str(who).startswith("parent")
        for name, value, who in facts
    )
    assert ("members.age", 76, "self") not in facts


def test_a_clause_that_is_only_one_person_is_the_household_size() -> None:
    reading = read_facts("我七十三了，老伴没了，一个人，农村的", TODAY, opening=True)
    assert reading.size is not None and reading.size.value == 1
    assert any(f.name == "hukou_type" and f.value == "rural" for f in reading.facts)


@pytest.mark.parametrize(
    "text", ["多次向村委会反映未得到解决，要求申请危房改造", "低保的钱这个月咋没到账"]
)
def test_a_grievance_is_a_complaint(text: str) -> None:
    assert read_facts(text, TODAY, opening=True).complaint


def test_an_accident_the_year_before_last_is_not_recent_and_no_work_found_is_wanting_it() -> None:
    facts = _facts("大儿子三十二了，前年出车祸腿残疾了，一直找不到工作")
    assert not any(name == "situations" for name, _, _ in facts)
    assert any(
        name == "members.wants_job" and value is True and str(who).startswith("son")
        for name, value, who in facts
    )


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("户口在同心县农村，想申请低保", ("hukou_type", "rural", None)),
    ],
)
def test_batch11_household_facts(text: str, fact: tuple[str, object, None]) -> None:
    assert fact in _facts(text)


def test_a_parent_alone_with_three_children_is_four() -> None:
    reading = read_facts("我一个人带着三个孩子，最大的十二岁", TODAY, opening=True)
    assert reading.size is not None and reading.size.value == 4


def test_my_household_of_three_people_is_a_size() -> None:
    reading = read_facts("我家三个人，我、我老伴和我孙女", TODAY, opening=True)
    assert reading.size is not None and reading.size.value == 3
