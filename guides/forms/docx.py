"""An editable Word version for window staff: applicant block, members, chosen items,
what is still blank, and the materials list (python-docx)."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from guides.forms.view import FormView, build_view
from guides.household import Household
from guides.ids import ItemId
from guides.schema import Guide

FONT = "WenQuanYi Micro Hei"
APPLICANT_FIELDS = [
    ("姓名", "applicant.name"),
    ("身份证号", "applicant.id_number"),
    ("性别", "applicant.sex"),
    ("民族", "applicant.ethnicity"),
    ("婚姻状况", "applicant.marital_status"),
    ("健康状况", "applicant.health"),
    ("劳动能力", "applicant.labour_ability"),
    ("就业状况", "applicant.employment"),
    ("联系电话", "household.phone"),
    ("户籍地址", "household.hukou_address"),
    ("现居住地址", "household.residence_address"),
    ("家庭人口数", "household.size"),
    ("家庭月收入（元）", "household.monthly_income"),
    ("开户银行", "household.bank_name"),
    ("银行账号", "household.bank_account"),
    ("申请原因", "household.application_reason"),
]
MEMBER_COLUMNS = [
    ("姓名", "name"),
    ("与申请人关系", "relation"),
    ("身份证号", "id_number"),
    ("婚姻状况", "marital_status"),
    ("健康状况", "health"),
    ("劳动能力", "labour_ability"),
    ("就业状况", "employment"),
    ("月收入（元）", "monthly_income"),
]


def _set_font(document: object) -> None:
    style = document.styles["Normal"]  # type: ignore[attr-defined]
    style.font.name = FONT
    style.font.size = Pt(10.5)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)


def view_to_docx(view: FormView) -> bytes:
    document = Document()
    _set_font(document)
    title = document.add_heading(view.spec.title, level=1)
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph(view.disclaimer)

    document.add_heading("申请人基本信息", level=2)
    table = document.add_table(rows=0, cols=4)
    table.style = "Table Grid"
    for i in range(0, len(APPLICANT_FIELDS), 2):
        cells = table.add_row().cells
        for j, (label, field) in enumerate(APPLICANT_FIELDS[i : i + 2]):
            cells[2 * j].text = label
            cells[2 * j + 1].text = view.f.get(field, "")

    document.add_heading("共同生活家庭成员", level=2)
    members = [r for r in view.rows if any(r.values())]
    members += [r for chunk in view.continuation for r in chunk]
    table = document.add_table(rows=1, cols=len(MEMBER_COLUMNS))
    table.style = "Table Grid"
    for cell, (head, _) in zip(table.rows[0].cells, MEMBER_COLUMNS, strict=True):
        cell.text = head
    for row in members or [{}]:
        cells = table.add_row().cells
        for cell, (_, name) in zip(cells, MEMBER_COLUMNS, strict=True):
            cell.text = row.get(name, "")

    document.add_heading("申请事项", level=2)
    for tick in view.boxes.values():
        document.add_paragraph(f"{tick.mark} {tick.label}")

    if view.due:
        document.add_paragraph(f"{view.due}。")
    document.add_heading("待补充信息", level=2)
    for missing in view.missing:
        document.add_paragraph(f"{missing.text}：{missing.where_to_get}", style="List Bullet")
    document.add_heading("需要带的材料", level=2)
    if view.materials.note:
        document.add_paragraph(view.materials.note)
    for heading, needs in (("必备", view.materials.required), ("视情况", view.materials.optional)):
        if not needs:
            continue
        document.add_paragraph(heading).runs[0].bold = True
        for need in needs:
            tags = [need.form, "/".join(need.media)]
            if need.exemptible:
                tags.append("可免提交（数据共享）")
            text = f"{need.name}：{need.why}（{'，'.join(t for t in tags if t)}）"
            document.add_paragraph(text, style="List Bullet")
    for warning in view.warnings:
        document.add_paragraph(f"提示：{warning}")
    document.add_paragraph("申请人（签字）：__________    ____年__月__日")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def render_docx(
    household: Household,
    items: Sequence[ItemId | str],
    on: dt.date | None = None,
    *,
    guide: Guide | None = None,
) -> bytes:
    """The editable Word version of the pre-filled form."""
    return view_to_docx(build_view(household, items, on, guide))
