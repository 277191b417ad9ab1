"""Each region's form rendered to PDF for several households: values sit in their fields."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from forms_support import HOUSEHOLD_NAMES, REGIONS, load_household, pdf_text, save_page_png

from guides.forms.pdf import render_pdf
from guides.forms.view import build_view

ITEMS = {
    "gansu": ["dibao", "temporary_aid"],
    "shanxi": ["low_income", "temporary_aid"],
    "jinan-licheng": ["dibao", "temporary_aid"],
    "ningxia": ["dibao", "temporary_aid", "student_loan"],
}


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _near(text: str, anchor: str, part: str, span: int = 2) -> bool:
    """`part` on the line of `anchor` or within `span` lines (wrapped table cells)."""
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if anchor in line and any(part in x for x in lines[max(0, i - span) : i + span + 1]):
            return True
    return False


def _line_with(text: str, *parts: str) -> str | None:
    for line in text.splitlines():
        if all(p in line for p in parts):
            return line
    return None


@pytest.mark.parametrize("household_name", HOUSEHOLD_NAMES)
@pytest.mark.parametrize("region", REGIONS)
def test_form_prints_the_applicant_in_the_name_field(
    region: str, household_name: str, tmp_path: Path
) -> None:
    household = load_household(household_name, region)
    pdf = render_pdf(household, ITEMS[region])
    assert pdf.startswith(b"%PDF")
    text = pdf_text(pdf, tmp_path)
    applicant = household.applicant
    assert applicant is not None and applicant.name
    assert _line_with(text, "姓名", applicant.name), f"{applicant.name} not beside 姓名"
    if applicant.id_number:
        assert applicant.id_number in text
    # every other member sits in a table row with their relation label
    view = build_view(household, ITEMS[region])
    for row in view.rows:
        if row["name"]:
            assert _near(text, row["name"], row["relation"][:2]), row["name"]
    save_page_png(pdf, tmp_path, f"{region}-{household_name}")
    # and the form's first page (after the cover sheet, which ends with 表样依据)
    pages = text.split("\f")
    cover_end = next(i for i, page in enumerate(pages) if "表样依据" in page)
    save_page_png(pdf, tmp_path, f"{region}-{household_name}", page=cover_end + 2)


@pytest.mark.parametrize(
    ("region", "items", "ticked", "unticked"),
    [
        ("gansu", ["dibao"], ["低收入人口认定", "低保"], ["特困", "公租房申请", "临时救助"]),
        ("gansu", ["public_rental_housing"], ["公租房申请"], ["低收入人口认定", "个人求职"]),
        ("shanxi", ["temporary_aid"], ["临时救助"], ["低收入人口认定", "城市公租房"]),
        (
            "jinan-licheng",
            ["dibao", "elderly_subsidy"],
            ["1.城市居民最低生活保障", "6.经济困难老年人补贴"],
            ["2.农村居民最低生活保障", "3.临时救助", "7.失业人员登记"],
        ),
        ("ningxia", ["student_loan"], ["国家助学贷款申请和受理"], ["最低生活保障", "住房救助"]),
    ],
)
def test_chosen_items_are_ticked_and_others_are_not(
    region: str, items: list[str], ticked: list[str], unticked: list[str], tmp_path: Path
) -> None:
    household = load_household("elderly", region)  # urban hukou
    text = pdf_text(render_pdf(household, items), tmp_path)
    form = text[text.index("填写说明") :]
    for label in ticked:
        assert re.search(r"☑\s*" + re.escape(label), form), f"{label} should be ticked"
    for label in unticked:
        assert re.search(r"☐\s*" + re.escape(label), form), f"{label} should be unticked"
        assert not re.search(r"☑\s*" + re.escape(label) + r"(\s|$)", form)


def test_licheng_unemployment_part_only_when_chosen(tmp_path: Path) -> None:
    household = load_household("one_member", "jinan-licheng")
    without = pdf_text(render_pdf(household, ["dibao"]), tmp_path)
    assert "失业登记申请表单" not in without
    assert "个 人 承 诺" not in without
    assert "诚信承诺及核对授权书" in without
    with_7 = pdf_text(render_pdf(household, ["dibao", "unemployment_registration"]), tmp_path)
    assert "失业登记申请表单" in with_7
    assert "个 人 承 诺" not in with_7
    with_8 = pdf_text(render_pdf(household, ["dibao", "employment_difficulty"]), tmp_path)
    assert "就业困难人员认定需补充填报如下内容" in with_8
    assert "失业登记申请表单" not in with_8


def test_ningxia_forms_say_their_layout_is_designed(tmp_path: Path) -> None:
    text = pdf_text(render_pdf(load_household("student"), ["student_loan"]), tmp_path)
    for title in ("社会救助“一件事”申请表", "家庭经济状况核对授权及承诺书", "家庭经济状况信息表"):
        assert title in text
    assert (
        _flat(text).count(
            "本表版式由本系统依据宁民发〔2025〕133号列明的表单名称设计，以当地民政部门正式表样为准"
        )
        == 3
    )


def test_members_beyond_the_table_continue_on_a_continuation_page(tmp_path: Path) -> None:
    household = load_household("six_members", "jinan-licheng")  # 3 member rows on this form
    text = pdf_text(render_pdf(household, ["dibao"]), tmp_path)
    assert "续表" in text
    after = text[text.index("续表：") :]
    others = [m.name for m in household.members if m.relation != "self"]
    for name in others[3:]:
        assert name and name in after
    for name in others[:3]:
        assert name and name not in after


def test_cover_sheet_lists_blank_fields_materials_and_disclaimer(tmp_path: Path) -> None:
    household = load_household("six_members", "shanxi")  # 王小宝 has no ID number, no bank
    text = pdf_text(render_pdf(household, ["low_income"]), tmp_path)
    cover = text[: text.index("表样依据")]
    assert "待补充信息" in cover
    assert _line_with(cover, "家庭成员身份证号", "王小宝", "居民身份证")
    assert _line_with(cover, "银行账号", "本人银行卡或存折")
    flat = _flat(cover)
    assert "不是审批结果" in flat and "入户调查" in flat and "家庭经济状况核对" in flat
    assert "需要带的材料" in cover and "必备" in cover


def test_signature_and_date_lines_stay_blank(tmp_path: Path) -> None:
    household = load_household("one_member")
    text = pdf_text(render_pdf(household, ["dibao"]), tmp_path)
    line = _line_with(text, "承诺人")
    assert line is not None and household.applicant and household.applicant.name not in line
    assert re.search(r"年\s+月\s+日", text)
