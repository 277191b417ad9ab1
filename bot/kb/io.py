"""Import and export of entries as YAML (the seed format) or CSV, with a report of rejected rows.

Imported rows become drafts (new entries) or new draft versions (existing entries); they go
live only through review. A row is rejected, with the reason, when it does not validate, when
its id repeats within the file, or when its entry is in review.

CSV columns: id, question, similar, answer, regions, items, tags, source_seed,
source_national, source_config, source_editor, source_section, source_date, source_note,
effective_from, effective_to (and, on export, status and version, ignored on import); the
Chinese headers in `COLUMN_ALIASES` work too. List cells are separated by "|" (regions, items
and tags also by 、，, or ；). Regions and items may be ids or Chinese names (bot/kb/names.py);
dates may be written the way Excel shows them (2025/1/31, 2025年1月31日). A file saved by Excel
on Chinese Windows (GBK/GB18030) is read as well as UTF-8 (`decode_upload`).

Every reason for a rejected row is a Chinese sentence naming the column (`RejectedRow.reason`).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

import yaml
from pydantic import ValidationError

from bot.kb.messages import FIELD_LABELS, problems_zh
from bot.kb.names import item_id, region_examples, region_id
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
COLUMN_ALIASES: dict[str, str] = {
    "编号": "id",
    "标准问": "question",
    "问题": "question",
    "相似问": "similar",
    "答案": "answer",
    "适用地区": "regions",
    "地区": "regions",
    "救助事项": "items",
    "事项": "items",
    "标签": "tags",
    "办事指南": "source_seed",
    "政策文件": "source_national",
    "系统配置": "source_config",
    "编辑人": "source_editor",
    "撰写人": "source_editor",
    "章节": "source_section",
    "来源日期": "source_date",
    "来源说明": "source_note",
    "生效日期": "effective_from",
    "失效日期": "effective_to",
}
COLUMN_LABELS: dict[str, str] = {
    **FIELD_LABELS,
    "source_seed": "办事指南",
    "source_national": "政策文件",
    "source_config": "系统配置",
    "source_editor": "编辑人",
    "source_section": "章节",
    "source_date": "来源日期",
    "source_note": "来源说明",
}
_NAME_SEP = re.compile(r"[|、，,；;/\s]+")
_TAG_SEP = re.compile(r"[|、，,；;]+")
_DATE = re.compile(
    r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s+0{1,2}:00(?::00)?)?$"
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
    kind: Literal["csv", "yaml"] = "yaml"

    @property
    def ok(self) -> bool:
        return not self.rejected

    def place(self, row: int) -> str:
        """Where a rejected row is, as the editor sees the file (a CSV's header is row 1)."""
        if row <= 0:
            return "整个文件"
        return f"第 {row + 1} 行" if self.kind == "csv" else f"第 {row} 条"


def _named(raw: dict[str, Any], labels: Mapping[str, str]) -> list[str]:
    """Regions and items given by Chinese name become ids, in place; unknown names -> problems."""
    problems = []
    regions, items = raw.get("regions"), raw.get("items")
    if isinstance(regions, list):
        found = [(r, region_id(str(r))) for r in regions]
        bad = [str(r) for r, rid in found if rid is None]
        if bad:
            problems.append(
                f"{labels['regions']}：认不出“{'、'.join(bad)}”，请写 {region_examples()} 之一"
            )
        raw["regions"] = [rid for _, rid in found if rid is not None] or regions
    if isinstance(items, list):
        found_items = [(i, item_id(str(i))) for i in items]
        bad = [str(i) for i, iid in found_items if iid is None]
        if bad:
            problems.append(
                f"{labels['items']}：认不出“{'、'.join(bad)}”，请写事项名称（如 低保、特困、"
                "临时救助、医疗救助）或编号（如 dibao）"
            )
        raw["items"] = list(dict.fromkeys(iid.value for _, iid in found_items if iid))
    return problems


def _import_rows(
    kb: KnowledgeBase,
    rows: list[tuple[int, Any]],
    actor: str,
    labels: Mapping[str, str] = FIELD_LABELS,
) -> ImportReport:
    report = ImportReport()
    seen: set[str] = set()
    for number, raw in rows:
        raw_id = raw.get("id") if isinstance(raw, dict) else None
        entry_id = str(raw_id) if raw_id else None
        problems = _named(raw, labels) if isinstance(raw, dict) else []
        try:
            content = EntryContent.model_validate(raw)
        except ValidationError as exc:
            problems += problems_zh(exc, labels)
        if problems:
            reason = "；".join(dict.fromkeys(problems[:4]))
            report.rejected.append(RejectedRow(number, entry_id, reason))
            continue
        if content.id in seen:
            reason = f"{labels['id']}：同一个文件里编号重复了（{content.id}）"
            report.rejected.append(RejectedRow(number, content.id, reason))
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
            report.rejected.append(RejectedRow(number, content.id, exc.message_zh))
    return report


def import_yaml(kb: KnowledgeBase, text: str, actor: str) -> ImportReport:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f"（大约在第 {mark.line + 1} 行）" if mark is not None else ""
        return ImportReport(rejected=[RejectedRow(0, None, f"不是有效的 YAML 文件{line}")])
    entries = data.get("entries") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        reason = "YAML 文件里要有 entries 列表（和导出的文件一样的格式）"
        return ImportReport(rejected=[RejectedRow(0, None, reason)])
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


def _date(cell: str) -> str:
    """2025/1/31, 2025年1月31日, 2025.1.31 (as Excel shows dates) -> 2025-01-31."""
    match = _DATE.match(cell)
    if match is None:
        return cell
    year, month, day = match.groups()
    return f"{year}-{int(month):02d}-{int(day):02d}"


def _split(cell: str, sep: re.Pattern[str]) -> list[str]:
    return [p.strip() for p in sep.split(cell) if p.strip()]


def _row_from_csv(record: Mapping[str, str | None]) -> dict[str, Any]:
    cell = {k: _restore((v or "").strip()) for k, v in record.items() if k is not None}
    data: dict[str, Any] = {k: cell.get(k, "") for k in ("id", "question", "answer")}
    data["effective_from"] = _date(cell.get("effective_from", ""))
    data["similar"] = [p.strip() for p in re.split(r"[|\n]", cell.get("similar", "")) if p.strip()]
    data["regions"] = _split(cell.get("regions", ""), _NAME_SEP)
    data["items"] = _split(cell.get("items", ""), _NAME_SEP)
    data["tags"] = _split(cell.get("tags", ""), _TAG_SEP)
    if not data["regions"]:
        del data["regions"]  # default: all regions
    if cell.get("effective_to"):
        data["effective_to"] = _date(cell["effective_to"])
    source = {c: cell[f"source_{c}"] for c in SOURCE_COLUMNS if cell.get(f"source_{c}")}
    if "date" in source:
        source["date"] = _date(source["date"])
    data["source"] = source
    return data


def _column(header: str) -> str:
    name = header.strip().lstrip("\ufeff")
    return COLUMN_ALIASES.get(name, name.lower())


def _column_labels(columns: list[str], header: list[str]) -> dict[str, str]:
    """How a problem names a column: as the file's header says it, with the Chinese name."""
    labels = {c: f"「{zh}」列" for c, zh in COLUMN_LABELS.items()}
    for column, name in zip(columns, header, strict=True):
        zh = COLUMN_LABELS.get(column)
        if zh and name.strip() != zh:
            labels[column] = f"「{name.strip()}」列（{zh}）"
    return labels


def import_csv(kb: KnowledgeBase, text: str, actor: str) -> ImportReport:
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    header = next(reader, [])
    columns = [_column(h) for h in header]
    labels = _column_labels(columns, header)
    missing = [c for c in ("id", "question", "answer") if c not in columns]
    if missing:
        names = "、".join(f"{COLUMN_LABELS[c]}（{c}）" for c in missing)
        reason = f"第一行要是列名，缺少必需的列：{names}"
        return ImportReport(rejected=[RejectedRow(0, None, reason)], kind="csv")
    rows = [
        (n, _row_from_csv(dict(zip(columns, values, strict=False))))
        for n, values in enumerate(reader, start=1)
        if any(v.strip() for v in values)  # Excel leaves empty rows at the end
    ]
    report = _import_rows(kb, rows, actor, labels)
    report.kind = "csv"
    return report


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
