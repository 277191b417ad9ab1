"""Citizen-facing text from issue 11: the right department in caveats, one title per citation,
the Ningxia loan window cited to the Ningxia guide, 一并享受 only where a clause says so."""

from __future__ import annotations

import datetime as dt
import re
import typing

from pydantic import BaseModel

from guides.catalog import all_guides
from guides.household import Household
from guides.household_input import FIELD_LABELS, parse_household
from guides.report import render
from guides.screening.engine import screen
from guides.sources import SourceRef

ON = dt.date(2025, 11, 1)
RIGID = {
    "hukou_type": "urban", "has_local_hukou": True, "size": 2, "monthly_income_total": 3000,
    "members": [{"relation": "self", "age": 40}], "expenses_12m": {"medical": 30000},
    "housing": {"has_own_housing": True, "total_floor_area": 60},
}  # fmt: skip


def test_caveats_name_the_department_that_publishes_the_number() -> None:
    result = screen(parse_household({**RIGID, "region": "shanxi"}), on=ON)
    caveats = " ".join(result.caveats)
    assert "上年度当地居民人均可支配收入按42500元/年估算，以当地统计部门公布的标准为准" in caveats
    assert "住建（房管）部门" in caveats
    assert "可支配收入按42500元/年估算，以当地民政部门" not in caveats


def test_a_licheng_citation_names_the_guide_once() -> None:
    cite = SourceRef(seed="004_2ec711479d63faa6.txt", section="服务指南 三 1").cite()
    assert cite.count("服务指南") == 1


def test_ningxia_loan_window_is_cited_to_the_ningxia_guide() -> None:
    data = {
        "region": "ningxia", "hukou_type": "rural", "has_local_hukou": True,
        "members": [{"relation": "self", "age": 18, "school_stage": "college",
                     "is_new_admission": True, "has_student_loan_this_year": False}],
    }  # fmt: skip
    loan = screen(parse_household(data), on=ON).item("student_loan")
    window = next(r for r in loan.reasons if "申请期" in r.text)
    assert "宁民发" in window.citation and "甘民发" not in window.citation


def test_together_only_where_the_clause_says_so() -> None:
    data = {
        "region": "gansu", "hukou_type": "urban", "has_local_hukou": True, "size": 1,
        "monthly_income_total": 0, "already_receives": [],
        "members": [{"relation": "self", "age": 40, "has_disability": False, "monthly_income": 0}],
        "assets": {"deposits": 0, "houses": [], "vehicles": [], "has_registered_business": False},
    }  # fmt: skip
    result = screen(parse_household(data), on=ON)
    assert all("一并享受" not in r.text for r in result.item("low_income").reasons)


def test_a_note_names_only_the_department_that_handles_the_item() -> None:
    """Issue 11: a caveat naming the wrong department (宁夏's "no 受理条件" note said 民政部门 under
    医疗救助, 就业援助 and 住房救助, which 医保, 人社 and 住建 decide)."""
    wrong = [
        f"{guide.region}: {item.id}: {note.text}"
        for guide in all_guides().values()
        for item in guide.items
        for note in item.notes
        for named in re.findall(r"以当地(\S{2,6}?部门)审核为准", note.text)
        if named not in item.department
    ]
    assert wrong == []


def test_the_guides_own_notes_reach_the_citizen() -> None:
    """Issue 11's missing data (Ningxia's 试点 status, seed 001 四（三）（四）; Licheng's 近亲属,
    seed 004 表格说明 8) was in the guides but in no result: the guide's notes are part of it."""
    ningxia = screen(parse_household({"region": "ningxia"}), on=ON)
    assert any("试点" in note for note in ningxia.notes)
    assert "试点" in render(ningxia)
    licheng = screen(parse_household({"region": "jinan-licheng"}), on=ON)
    assert any("近亲属包括配偶、父母、子女" in note for note in licheng.notes)


def _field_names(model: type[BaseModel]) -> set[str]:
    names = set(model.model_fields)
    for field in model.model_fields.values():
        for inner in (field.annotation, *typing.get_args(field.annotation)):
            for kind in typing.get_args(inner) or (inner,):
                if isinstance(kind, type) and issubclass(kind, BaseModel):
                    names |= _field_names(kind)
    return names


def test_every_household_field_has_a_chinese_label_for_errors() -> None:
    """A bad value is reported in Chinese naming the field: "上学阶段", never "school_stage"."""
    assert sorted(_field_names(Household) - set(FIELD_LABELS)) == []


def test_linked_items_without_a_rule_are_told_as_notes() -> None:
    """Seed 003 三（二） 疾病应急救助 (Gansu); Licheng's 城乡居民基本养老保险补助 and 困难学生救助,
    done by data sharing (总结报告 摘要, 一 三是): shown with the item they follow."""
    gansu = screen(parse_household({"region": "gansu"}), on=ON).item("medical_aid")
    assert any("疾病应急救助" in note for note in gansu.notes)
    licheng = screen(parse_household({"region": "jinan-licheng"}), on=ON).item("dibao")
    assert any("城乡居民基本养老保险补助" in n and "困难学生救助" in n for n in licheng.notes)


def test_an_unlikely_items_notes_are_printed_too() -> None:
    """Where else to ask (Licheng 就业困难人员认定: 12333) and what a borrowed citation stands for
    matter most when the item is 可能不符合."""
    household = parse_household(
        {
            "region": "jinan-licheng",
            "size": 1,
            "hukou_type": "urban",
            "has_local_hukou": True,
            "monthly_income_total": 50000,
            "members": [{"relation": "self", "age": 40, "employment": "registered_unemployed",
                         "is_unemployment_registered": True, "wants_job": True}],
        }
    )  # fmt: skip
    result = screen(household, on=ON)
    unlikely = [i for i in result.items if i.outcome == "unlikely" and i.notes]
    assert any(i.item == "employment_difficulty" for i in unlikely)
    text = render(result)
    for item in unlikely:
        for note in item.notes:
            assert note in text, (item.item, note)
