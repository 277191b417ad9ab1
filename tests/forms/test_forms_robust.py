"""Sparse, odd and malformed households render with blanks and warnings, never a crash."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

import pytest
from forms_support import REGIONS, load_household, pdf_text
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guides.enums import enumerations
from guides.forms import missing_fields, render_html
from guides.forms.lenient import household_from_data
from guides.forms.pdf import render_pdf
from guides.household import Household, Member
from guides.ids import ItemId

TEMPLATES = Path(__file__).resolve().parents[2] / "guides" / "forms" / "templates"
LONG_NAME = "欧阳" + "长" * 60


def _optional(values: list[str]) -> st.SearchStrategy[str | None]:
    return st.none() | st.sampled_from(values)


members = st.builds(
    Member,
    name=st.none() | st.text(min_size=0, max_size=80),
    relation=_optional(["spouse", "son", "daughter", "parent", "other"]),
    id_number=st.none() | st.text(alphabet="0123456789X", min_size=0, max_size=30),
    age=st.none() | st.integers(0, 130),
    health=_optional(list(enumerations().health.values)),
    marital_status=_optional(list(enumerations().marital_status.values)),
    employment=_optional(list(enumerations().employment.values)),
    has_disability=st.none() | st.booleans(),
    disability_grade=st.none() | st.integers(1, 4),
    monthly_income=st.none() | st.floats(0, 1e6),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    region=st.sampled_from(REGIONS),
    others=st.lists(members, max_size=14),
    items=st.lists(st.sampled_from([*list(ItemId), "nonsense"]), max_size=6),
    phone=st.none() | st.text(max_size=40),
)
def test_any_household_renders_html(
    region: str, others: list[Member], items: list[str], phone: str | None
) -> None:
    household = Household(region=region, members=others, phone=phone)  # type: ignore[arg-type]
    html = render_html(household, items)
    assert "待补充信息" in html and "</html>" in html
    for missing in missing_fields(household, items):
        assert missing.label and missing.where_to_get


@pytest.mark.parametrize("region", REGIONS)
@pytest.mark.parametrize(
    "members",
    [
        [],
        [Member()],
        [Member(relation="self", name=LONG_NAME, id_number="1" * 30)],
        [Member(relation="self", name="甲")] + [Member(name=f"成员{i}") for i in range(11)],
    ],
    ids=["no-members", "none-everywhere", "very-long-name", "twelve-members"],
)
def test_odd_households_render_pdf(region: str, members: list[Member], tmp_path: Path) -> None:
    household = Household(region=region, members=members)  # type: ignore[arg-type]
    text = pdf_text(render_pdf(household, ["dibao", "not_an_item"]), tmp_path)
    assert "待补充信息" in text
    assert "不认识的申请事项" in text
    if len(members) == 12:
        assert "成员10" in text and "续表" in text


def test_malformed_fields_become_blanks_with_warnings() -> None:
    data = {
        "region": "gansu",
        "phone": "13900001111",
        "size": -3,
        "members": [
            {"name": "张三", "relation": "self", "age": "很老", "health": "excellent"},
            {"name": "李四", "relation": "spouse", "favourite_colour": "蓝"},
        ],
        "assets": {"deposits": "a lot"},
    }
    household, warnings = household_from_data(data)
    assert household.phone == "13900001111"
    assert [m.name for m in household.members] == ["张三", "李四"]
    assert household.members[0].age is None and household.members[0].health is None
    assert household.size is None and household.assets.deposits is None
    assert len(warnings) == 5
    assert all("很老" not in w and "a lot" not in w for w in warnings)
    assert "张三" in render_html(household, ["dibao"])


def test_missing_fields_say_where_to_get_them() -> None:
    household = Household(
        region="shanxi",  # type: ignore[arg-type]
        members=[Member(name="王五", relation="self", has_disability=True)],
        housing={"current_housing": "rented_private"},  # type: ignore[arg-type]
    )
    where = {m.label: m.where_to_get for m in missing_fields(household, ["low_income"])}
    assert where["申请人身份证号"] == "居民身份证"
    assert where["银行账号"] == "本人银行卡或存折"
    assert where["残疾证号"] == "残疾人证"
    gansu = household.model_copy(update={"region": "gansu"})
    where = {m.label: m.where_to_get for m in missing_fields(gansu, ["public_rental_housing"])}
    assert where["房屋面积"] == "房产证或租房合同"
    # 公租房 fields are asked only when 公租房 is chosen
    assert "房屋面积" not in {m.label for m in missing_fields(gansu, ["dibao"])}


def test_enumeration_labels_come_from_the_shared_definition() -> None:
    household = load_household("six_members")
    html = render_html(household, ["low_income"])
    for value, enum in (("kidney", "serious_illness_kind"), ("farming", "employment")):
        assert enumerations().get(enum).label(value) in html
    text = "".join(p.read_text("utf-8") for p in TEMPLATES.glob("*.j2"))
    for name in ("labour_ability", "health", "education", "employment", "serious_illness_kind"):
        # a sentence of the seed may contain one label ("有劳动能力及就业意愿"); a list may not
        listed = [label for label in enumerations().get(name).values.values() if label in text]
        assert len(listed) < 2, f"templates re-list {name}: {listed}"


def test_personal_data_is_not_logged(caplog: pytest.LogCaptureFixture, tmp_path: Path) -> None:
    caplog.set_level(logging.DEBUG)
    household = load_household("six_members")
    render_pdf(household, ["low_income", "unknown_item"])
    logged = caplog.text
    for member in household.members:
        assert member.name and member.name not in logged
        assert not member.id_number or member.id_number not in logged
    assert household.phone and household.phone not in logged


def test_cover_sheet_states_the_expected_decision_date() -> None:
    # Mon 2025-10-13: the 45 working days after it (Tue 10-14 .. Mon 12-15) hold no holiday and
    # no make-up day (国庆 ended 10-08, last make-up day Sat 10-11; 元旦 is 2026-01-01),
    # so they are exactly 9 Mon-Fri weeks.
    on = dt.date(2025, 10, 13)
    expected = on + dt.timedelta(weeks=9)
    when = f"{expected.year}年{expected.month}月{expected.day}日"
    html = render_html(load_household("six_members", "gansu"), ["dibao"], on)
    cover = html[: html.index("待补充信息")]
    assert f"如果今天提交，预计在{when}前有结果（按45个工作日算，已扣除节假日）" in cover
    assert "预计在" not in render_html(load_household("six_members", "shanxi"), ["low_income"], on)
