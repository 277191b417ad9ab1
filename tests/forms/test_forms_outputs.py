"""The DOCX version, the command line and the cover sheet's materials list."""

from __future__ import annotations

import io
import json
from pathlib import Path

from docx import Document
from forms_support import HOUSEHOLDS_DIR, load_household

from guides.catalog import guide_for
from guides.forms.__main__ import main
from guides.forms.docx import render_docx
from guides.forms.view import build_view
from guides.materials import materials_for


def test_docx_has_applicant_members_items_and_materials() -> None:
    household = load_household("elderly")
    data = render_docx(household, ["dibao", "elderly_subsidy"])
    document = Document(io.BytesIO(data))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    assert "赵淑芬" in cells and "370112194501011234" in cells
    assert "孙德胜" in cells and "配偶" in cells
    paragraphs = [p.text for p in document.paragraphs]
    assert "☑ 1.城市居民最低生活保障" in paragraphs
    assert "☐ 3.临时救助" in paragraphs
    assert any("居民户口簿" in p for p in paragraphs)


def test_materials_are_listed_once_in_required_and_optional_groups() -> None:
    household = load_household("student")  # Ningxia, applying where she lives
    items = ["dibao", "temporary_aid", "student_loan"]
    view = build_view(household, items)
    names = [m.name for m in view.materials.required + view.materials.optional]
    assert len(names) == len(set(names))
    expected = materials_for(guide_for("ningxia"), household, view.items)
    assert sorted(names) == sorted(n.name for n in expected)
    permit = next(m for m in view.materials.required if m.name == "居住证")
    assert permit.why == "您在居住地而不是户籍地申请"


def test_cli_writes_html_pdf_and_docx(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    source = HOUSEHOLDS_DIR / "one_member.json"
    code = main(
        [str(source), "--items", "dibao,temporary_aid", "--out", str(tmp_path),
         "--format", "html,pdf,docx"]
    )  # fmt: skip
    assert code == 0
    for ext in ("html", "pdf", "docx"):
        assert (tmp_path / f"gansu-one_member.{ext}").stat().st_size > 1000
    printed = capsys.readouterr().out
    applicant = json.loads(source.read_text("utf-8"))["members"][0]
    assert applicant["name"] not in printed and applicant["id_number"] not in printed
    assert "李建国" in (tmp_path / "gansu-one_member.html").read_text("utf-8")
