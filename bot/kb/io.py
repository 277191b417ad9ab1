"""Import and export of entries as YAML (the seed format) or CSV, with a report of rejected rows.

Imported rows become drafts (new entries) or new draft versions (existing entries); they go
live only through review. A row is rejected, with the reason, when it does not validate, when
its id repeats within the file, or when its entry is in review.

CSV columns: id, question, similar, answer, regions, items, tags, source_seed,
source_national, source_config, source_editor, source_section, source_date, source_note,
effective_from, effective_to (and, on export, status and version, ignored on import).
List cells are separated by "|".
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from typing import Any

import yaml
from pydantic import ValidationError

from bot.kb.repository import EntryView
from bot.kb.schema import EntryContent
from bot.kb.workflow import KnowledgeBase
from guides.errors import KnowledgeBaseError

LIST_SEP = "|"
LIST_COLUMNS = ("similar", "regions", "items", "tags")
SOURCE_COLUMNS = ("seed", "national", "config", "editor", "section", "date", "note")
CSV_COLUMNS = (
    "id",
    "question",
    "similar",
    "answer",
    "regions",
    "items",
    "tags",
    *(f"source_{c}" for c in SOURCE_COLUMNS),
    "effective_from",
    "effective_to",
)


@dataclass(frozen=True)
class RejectedRow:
    row: int  # 1-based: the entry's position in YAML, the line's data-row number in CSV
    entry_id: str | None
    reason: str


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    rejected: list[RejectedRow] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.rejected


def _reason(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors()[:3]:
        where = ".".join(str(p) for p in err["loc"]) or "(row)"
        parts.append(f"{where}: {err['msg']}")
    return "; ".join(parts)


def _import_rows(kb: KnowledgeBase, rows: list[tuple[int, Any]], actor: str) -> ImportReport:
    report = ImportReport()
    seen: set[str] = set()
    for number, raw in rows:
        raw_id = raw.get("id") if isinstance(raw, dict) else None
        entry_id = str(raw_id) if raw_id else None
        try:
            content = EntryContent.model_validate(raw)
        except ValidationError as exc:
            report.rejected.append(RejectedRow(number, entry_id, _reason(exc)))
            continue
        if content.id in seen:
            report.rejected.append(RejectedRow(number, content.id, "duplicate id in this file"))
            continue
        seen.add(content.id)
        try:
            if kb.exists(content.id):
                if kb.get(content.id).content == content:
                    report.unchanged.append(content.id)
                    continue
                kb.edit(content, actor)
                report.updated.append(content.id)
            else:
                kb.create_draft(content, actor)
                report.created.append(content.id)
        except KnowledgeBaseError as exc:
            report.rejected.append(RejectedRow(number, content.id, str(exc)))
    return report


def import_yaml(kb: KnowledgeBase, text: str, actor: str) -> ImportReport:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        return ImportReport(rejected=[RejectedRow(0, None, f"not valid YAML: {exc}")])
    entries = data.get("entries") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        return ImportReport(rejected=[RejectedRow(0, None, "expected a mapping with `entries`")])
    return _import_rows(kb, list(enumerate(entries, start=1)), actor)


# A cell starting with one of these is a formula to Excel/WPS ("=HYPERLINK(...)"): exported
# with a leading apostrophe (OWASP CSV injection), which import removes again.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _neutralise(cell: str) -> str:
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def _restore(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(FORMULA_STARTS) else cell


def decode_upload(raw: bytes) -> str:
    """An uploaded file's text: UTF-8 (with or without BOM), else GB18030 (a superset of GBK,
    what Excel on Chinese Windows saves). Raises UnicodeDecodeError when it is neither."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("gb18030")


def _row_from_csv(record: dict[str, str | None]) -> dict[str, Any]:
    cell = {k: _restore((v or "").strip()) for k, v in record.items() if k is not None}
    data: dict[str, Any] = {
        k: cell.get(k, "") for k in ("id", "question", "answer", "effective_from")
    }
    for column in LIST_COLUMNS:
        data[column] = [p.strip() for p in cell.get(column, "").split(LIST_SEP) if p.strip()]
    if not data["regions"]:
        del data["regions"]  # default: all regions
    if cell.get("effective_to"):
        data["effective_to"] = cell["effective_to"]
    data["source"] = {c: cell[f"source_{c}"] for c in SOURCE_COLUMNS if cell.get(f"source_{c}")}
    return data


def import_csv(kb: KnowledgeBase, text: str, actor: str) -> ImportReport:
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    missing = [c for c in ("id", "question", "answer") if c not in (reader.fieldnames or [])]
    if missing:
        return ImportReport(rejected=[RejectedRow(0, None, f"missing columns: {missing}")])
    rows = [(n, _row_from_csv(r)) for n, r in enumerate(reader, start=1)]
    return _import_rows(kb, rows, actor)


def export_yaml(entries: list[EntryView] | list[EntryContent]) -> str:
    contents = [e.content if isinstance(e, EntryView) else e for e in entries]
    data = {"entries": [c.model_dump(mode="json", exclude_none=True) for c in contents]}
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


def export_csv(entries: list[EntryView]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=[*CSV_COLUMNS, "status", "version"])
    writer.writeheader()
    for view in entries:
        data = view.content.model_dump(mode="json")
        row: dict[str, Any] = {
            "id": data["id"],
            "question": data["question"],
            "answer": data["answer"],
            "effective_from": data["effective_from"],
            "effective_to": data["effective_to"] or "",
            "status": view.status,
            "version": view.version,
        }
        for column in LIST_COLUMNS:
            row[column] = LIST_SEP.join(data[column])
        for c in SOURCE_COLUMNS:
            row[f"source_{c}"] = data["source"].get(c) or ""
        writer.writerow({k: _neutralise(v) if isinstance(v, str) else v for k, v in row.items()})
    return out.getvalue()
