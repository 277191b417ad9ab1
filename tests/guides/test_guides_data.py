"""The region guides, parameters and benefits as data: they load, cite real passages, copy the
seeds verbatim, and malformed files fail with file + path + problem."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel

from guides.benefits import CATEGORY_LABELS, RECOGNISED_CLASSES, all_benefits, benefits_for
from guides.catalog import all_guides, load_guide
from guides.errors import GuideDataError, UnknownRegionError
from guides.ids import ItemId, RegionId
from guides.params import parameters
from guides.schema import Guide
from guides.sources import SourceRef

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SHARED = PROJECT_ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
NATIONAL = SHARED / "reference" / "national"
REGIONS_DIR = PROJECT_ROOT / "guides" / "data" / "regions"

EXPECTED_ITEMS: dict[RegionId, set[str]] = {
    RegionId.GANSU: {
        "low_income", "dibao", "tekun", "dibao_edge", "rigid_expense", "temporary_aid",
        "student_loan", "public_rental_housing", "medical_aid", "employment_aid",
    },
    RegionId.NINGXIA: {
        "dibao", "tekun", "dibao_edge", "rigid_expense", "relapse_monitoring", "temporary_aid",
        "medical_aid", "veteran_aid", "student_loan", "public_rental_housing",
        "rural_housing_renovation", "employment_difficulty",
    },
    RegionId.SHANXI: {
        "low_income", "dibao", "tekun", "dibao_edge", "rigid_expense", "illness_poverty",
        "temporary_aid", "medical_aid", "student_loan", "public_rental_housing",
        "rural_housing_renovation", "employment_aid",
    },
    RegionId.JINAN_LICHENG: {
        "dibao", "tekun", "temporary_aid", "elderly_subsidy", "employment_difficulty",
        "unemployment_registration", "dibao_edge", "rigid_expense", "medical_aid",
    },
}  # fmt: skip


def sources_in(value: Any, where: str) -> Iterator[tuple[str, SourceRef]]:
    """Every SourceRef inside a model, with a readable path to it."""
    if isinstance(value, SourceRef):
        yield where, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from sources_in(getattr(value, name), f"{where}.{name}")
    elif isinstance(value, list | tuple):
        for i, entry in enumerate(value):
            yield from sources_in(entry, f"{where}[{i}]")
    elif isinstance(value, dict):
        for key, entry in value.items():
            yield from sources_in(entry, f"{where}.{key}")


def cited_file(source: SourceRef) -> Path | None:
    if source.seed:
        return SEEDS / source.seed
    if source.national:
        return NATIONAL / source.national
    return None


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


GUIDES = all_guides()


def test_every_region_has_a_guide_with_the_issue_items() -> None:
    assert set(GUIDES) == set(RegionId)
    for region, guide in GUIDES.items():
        assert set(guide.item_ids) == EXPECTED_ITEMS[region], region


def all_sources() -> list[tuple[str, SourceRef]]:
    found = []
    for region, guide in GUIDES.items():
        found += list(sources_in(guide, f"regions/{region.value}.yml"))
    params = parameters()
    for name in params.names():
        found += list(sources_in(params.parameter(name), f"parameters.yml:{name}"))
    found += list(sources_in(all_benefits(), "benefits.yml"))
    return found


def test_every_source_points_at_an_existing_seed_or_national_file() -> None:
    sources = all_sources()
    assert len(sources) > 200
    problems = []
    for where, source in sources:
        path = cited_file(source)
        if path is None:
            if not source.date:
                problems.append(f"{where}: a config source needs the date it was set")
            continue
        if not path.is_file():
            problems.append(f"{where}: {path.name} does not exist")
        if not source.section:
            problems.append(f"{where}: no section")
    assert not problems, "\n".join(problems)


CONDITIONS = [
    pytest.param(guide, item.id, id=f"{region.value}-{item.id}")
    for region, guide in GUIDES.items()
    for item in guide.items
    if item.condition
]


@pytest.mark.parametrize(("guide", "item_id"), CONDITIONS)
def test_condition_text_is_copied_verbatim_from_the_cited_file(guide: Guide, item_id: str) -> None:
    condition = guide.item(item_id).condition
    assert condition is not None
    path = cited_file(condition.source)
    assert path is not None, "a 受理条件 must cite a seed or national text, not config"
    assert squeeze(condition.text) in squeeze(path.read_text(encoding="utf-8"))


def test_every_item_has_a_condition_with_a_rule() -> None:
    for guide in GUIDES.values():
        for item in guide.items:
            assert item.condition is not None, f"{guide.region}/{item.id}"
            rule = item.condition.rule
            assert rule.all or rule.variants


def test_temporary_aid_distinguishes_emergency_and_expenditure() -> None:
    for guide in GUIDES.values():
        variants = {v.kind: v.label for v in guide.item("temporary_aid").condition.rule.variants}  # type: ignore[union-attr]
        assert variants == {"emergency": "急难型", "expenditure": "支出型"}, guide.region


def test_conditions_not_in_a_regions_own_seed_say_so_in_a_note() -> None:
    own_seed = {
        RegionId.GANSU: {"000_5325beb6545d4553.txt"},
        RegionId.NINGXIA: {"001_bb7781380ff8e888.txt"},
        RegionId.SHANXI: {"002_96cf332014ae0963.txt"},
        RegionId.JINAN_LICHENG: {"004_2ec711479d63faa6.txt"},
    }
    for region, guide in GUIDES.items():
        for item in guide.items:
            assert item.condition is not None
            if item.condition.source.seed in own_seed[region]:
                continue
            notes = " ".join(n.text for n in item.notes)
            assert "没有" in notes, f"{region.value}/{item.id} borrows its condition silently"


def test_materials_are_listed_once_and_each_is_used() -> None:
    for guide in GUIDES.values():
        used = {m for item in guide.items for m in item.materials}
        assert used == {m.id for m in guide.materials}, guide.region


def items_using(guide: Guide, material_id: str) -> set[str]:
    return {item.id.value for item in guide.items if material_id in item.materials}


def test_materials_carry_when_they_are_needed() -> None:
    ningxia = GUIDES[RegionId.NINGXIA]
    assert ningxia.material("residence_permit").needed_when == "applies_at_residence"
    assert items_using(ningxia, "admission_notice") == {"student_loan"}
    assert ningxia.material("admission_notice").needed_when == "chosen_item"
    assert items_using(ningxia, "veteran_certificate") == {"veteran_aid"}
    housing = {"public_rental_housing", "rural_housing_renovation"}
    assert items_using(ningxia, "marriage_certificate") == housing
    assert items_using(ningxia, "property_proof") == housing

    shanxi = GUIDES[RegionId.SHANXI]
    assert shanxi.material("authorization").form == "signed_or_electronic"
    assert shanxi.material("rigid_expense_receipts").needed_when == "has_rigid_expenses"
    disability = shanxi.material("disability_certificate")
    assert disability.needed_when == "low_income_edge_disabled_alone"
    assert items_using(shanxi, "disability_certificate") == {"low_income", "dibao", "tekun"}

    licheng = GUIDES[RegionId.JINAN_LICHENG]
    exemptible = {m.id for m in licheng.materials if m.exemptible}
    assert exemptible == {"id_card", "disability_certificate"}
    assert licheng.material("disability_certificate").needed_when == "has_disabled_member"
    registration = licheng.material("unemployment_registration_form")
    assert registration.needed_when == "needs_unemployment_registration"


def test_time_limits() -> None:
    assert GUIDES[RegionId.GANSU].time_limit.working_days == 45
    assert GUIDES[RegionId.JINAN_LICHENG].time_limit.max_working_days == 46
    shanxi = GUIDES[RegionId.SHANXI].time_limit
    assert (shanxi.working_days, shanxi.calendar_days, shanxi.max_working_days) == (None,) * 3
    assert "没有" in shanxi.text
    ningxia = GUIDES[RegionId.NINGXIA]
    per_item = {
        i.id.value: (i.time_limit.working_days, i.time_limit.calendar_days, i.time_limit.window)
        for i in ningxia.items
        if i.time_limit
    }
    assert per_item == {
        "dibao": (30, None, None),
        "tekun": (30, None, None),
        "dibao_edge": (30, None, None),
        "rigid_expense": (30, None, None),
        "temporary_aid": (25, None, None),
        "relapse_monitoring": (None, 15, None),
        "medical_aid": (30, None, None),
        "student_loan": (None, None, ("07-15", "09-15")),
        "veteran_aid": (30, None, None),
        "public_rental_housing": (35, None, None),
        "rural_housing_renovation": (35, None, None),
        "employment_difficulty": (5, None, None),
    }


def test_fees_are_only_free_where_the_seed_says_so() -> None:
    for region, guide in GUIDES.items():
        if region == RegionId.JINAN_LICHENG:
            assert "不收取费用" in guide.fees.text
        else:
            assert "不收取" not in guide.fees.text and "免费" not in guide.fees.text
            assert "没有写" in guide.fees.text and "12345" in guide.fees.text


def test_region_specifics() -> None:
    licheng = GUIDES[RegionId.JINAN_LICHENG]
    assert licheng.review_order == ["tekun", "dibao", "dibao_edge", "rigid_expense"]
    assert licheng.review_order_source is not None
    assert licheng.review_order_source.section == "总结报告 一、二是"
    assert licheng.item("medical_aid").auto_granted
    phones = {p.number: p.purpose for p in licheng.phones}
    assert {None, "12333", "0531-12345"} <= set(phones)
    assert "山东省民政厅官网" in phones[None]
    shanxi = GUIDES[RegionId.SHANXI]
    assert shanxi.item("medical_aid").auto_granted
    assert len(shanxi.fuzzy_choice) == 2
    assert not GUIDES[RegionId.GANSU].item("medical_aid").auto_granted
    for guide in GUIDES.values():
        assert guide.phones, guide.region
        for item in guide.items:
            if item.part_of:
                assert item.part_of == ItemId.LOW_INCOME


# ---------------------------------------------------------------- malformed files


def minimal_guide() -> dict[str, Any]:
    source = {"seed": "000_5325beb6545d4553.txt", "section": "附件2"}
    return {
        "region": "gansu",
        "region_name": "甘肃省",
        "name": "社会救助“一件事”",
        "document": "测试",
        "source": source,
        "items": [
            {
                "id": "dibao",
                "name": "低保",
                "department": "民政部门",
                "condition": {
                    "text": "低保",
                    "source": source,
                    "rule": {"all": ["income_below_dibao_standard"]},
                },
                "materials": ["id_proof"],
                "source": source,
            }
        ],
        "materials": [
            {
                "id": "id_proof",
                "name": "身份证",
                "form": "original",
                "media": ["paper"],
                "source": source,
            }
        ],
        "channels": [],
        "process": [],
        "time_limit": {"text": "45 个工作日", "working_days": 45, "source": source},
        "phones": [],
        "fees": {"text": "没有写", "source": source},
    }


def write(tmp_path: Path, data: dict[str, Any], extra: str = "") -> Path:
    path = tmp_path / "gansu.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True) + extra, encoding="utf-8")
    return path


def test_minimal_guide_loads(tmp_path: Path) -> None:
    assert load_guide(write(tmp_path, minimal_guide())).item("dibao").name == "低保"


def broken(tmp_path: Path, data: dict[str, Any], extra: str = "") -> GuideDataError:
    with pytest.raises(GuideDataError) as info:
        load_guide(write(tmp_path, data, extra))
    assert info.value.file == "gansu.yml"
    return info.value


def test_unknown_field_is_named(tmp_path: Path) -> None:
    data = minimal_guide()
    data["items"][0]["colour"] = "red"
    error = broken(tmp_path, data)
    assert error.path == "items.0.colour"
    assert "Extra inputs" in error.problem


def test_missing_source_is_named(tmp_path: Path) -> None:
    data = minimal_guide()
    del data["materials"][0]["source"]
    error = broken(tmp_path, data)
    assert (error.path, error.problem) == ("materials.0.source", "Field required")


def test_duplicate_key_is_rejected(tmp_path: Path) -> None:
    error = broken(tmp_path, minimal_guide(), extra="name: again\n")
    assert error.path == "(yaml)"
    assert "duplicate key 'name'" in error.problem


def test_unknown_material_id_is_named(tmp_path: Path) -> None:
    data = minimal_guide()
    data["items"][0]["materials"] = ["id_proof", "passport"]
    error = broken(tmp_path, data)
    assert "dibao" in error.problem and "passport" in error.problem


def test_bad_item_id_is_named(tmp_path: Path) -> None:
    data = minimal_guide()
    data["items"][0]["id"] = "dibaoo"
    error = broken(tmp_path, data)
    assert error.path == "items.0.id"
    assert "dibao" in error.problem


def test_region_must_match_file_name(tmp_path: Path) -> None:
    data = minimal_guide()
    data["region"] = "shanxi"
    error = broken(tmp_path, data)
    assert error.path == "region"


def test_rule_needs_exactly_one_form(tmp_path: Path) -> None:
    data = minimal_guide()
    data["items"][0]["condition"]["rule"] = {}
    error = broken(tmp_path, data)
    assert error.path.startswith("items.0.condition.rule")


# ---------------------------------------------------------------- benefits


def test_every_recognised_class_has_benefits_in_every_region() -> None:
    for region in RegionId:
        for item in RECOGNISED_CLASSES:
            found = benefits_for(region, item)
            assert found, f"{region.value}/{item.value}"
            assert {b.category for b in found} <= set(CATEGORY_LABELS)


def test_gansu_uses_seed_003_and_other_regions_the_national_text() -> None:
    gansu = benefits_for(RegionId.GANSU, ItemId.DIBAO)
    assert {b.source.seed for b in gansu} == {"003_ada1234e2519cca0.txt"}
    for region in (RegionId.NINGXIA, RegionId.SHANXI, RegionId.JINAN_LICHENG):
        found = benefits_for(region, ItemId.DIBAO)
        assert {b.regions[0] for b in found} == {"all"}
        assert all(b.source.national for b in found)


def test_housing_benefits_follow_hukou() -> None:
    urban = [b for b in benefits_for("gansu", "dibao", hukou="urban") if b.category == "housing"]
    rural = [b for b in benefits_for("gansu", "dibao", hukou="rural") if b.category == "housing"]
    assert len(urban) == len(rural) == 1
    assert "公租房" in urban[0].text and "危房改造" in rural[0].text
    both = [b for b in benefits_for("ningxia", "dibao_edge") if b.category == "housing"]
    assert {b.hukou for b in both} == {"urban", "rural"}


def test_gradual_exit_is_only_for_dibao() -> None:
    assert any("渐退期" in b.text for b in benefits_for("gansu", "dibao"))
    assert not any("渐退期" in b.text for b in benefits_for("gansu", "dibao_edge"))


def test_unknown_region_is_refused() -> None:
    with pytest.raises(UnknownRegionError):
        benefits_for("beijing", "dibao")


def test_unknown_check_id_refuses_to_load(tmp_path: Path) -> None:
    # A typo in a clause id used to load and make the clause "ask the office" at run time.
    data = minimal_guide()
    data["items"][0]["condition"]["rule"] = {
        "all": ["income_below_dibao_standard", "income_below_dibao_standrd"]
    }
    error = broken(tmp_path, data)
    assert error.path == "items.0.condition.rule.all.1"
    assert "income_below_dibao_standrd" in error.problem


def test_unknown_check_id_in_a_variant_is_named(tmp_path: Path) -> None:
    data = minimal_guide()
    data["items"][0]["condition"]["rule"] = {
        "variants": [{"kind": "emergency", "label": "急难型", "all": ["no_such_check"]}]
    }
    error = broken(tmp_path, data)
    assert error.path == "items.0.condition.rule.variants.0.all.0"


def test_gradual_exit_benefit_says_what_the_seed_says() -> None:
    """Seed 003 三（二）: "根据实际情况给予原则上不超过6个月的渐退期" for 已就业的低保对象: neither
    "一般还有" nor "最长" is in the clause."""
    benefit = next(b for b in all_benefits().benefits if b.id == "gansu_employment_gradual_exit")
    assert "已就业的低保对象" in benefit.text
    assert "根据实际情况" in benefit.text and "原则上不超过6个月" in benefit.text
    assert "一般还有" not in benefit.text
