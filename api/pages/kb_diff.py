"""Version comparison as the editor reads it: Chinese field names, region and item names,
the source as a citation (document title and section), and changed words marked."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import ValidationError

from api.pages.web import REGIONS, item_labels
from bot.kb.messages import FIELD_LABELS
from bot.kb.schema import EntrySource
from bot.kb.textdiff import Segment, diff_text, diff_tokens
from bot.kb.workflow import Change

LIST_SEPARATORS = {"similar": "；", "regions": "、", "items": "、", "tags": "、"}


@dataclass(frozen=True)
class DiffRow:
    field: str
    label: str
    old: list[Segment]
    new: list[Segment]


def source_text(value: object) -> str:
    """A stored source dict as "甘民发〔2025〕89号《…工作方案》 附件2 四" (never the dict)."""
    if not isinstance(value, dict):
        return ""
    try:
        source = EntrySource.model_validate(value)
    except ValidationError:
        return "（来源不完整）"
    return source.cite() + (f"（说明：{source.note}）" if source.note else "")


def readable(field: str, value: object) -> str | list[str]:
    if field == "regions" and isinstance(value, list):
        return [REGIONS.get(str(r), "全部地区") for r in value]
    if field == "items" and isinstance(value, list):
        labels = item_labels()
        return [labels.get(str(i), str(i)) for i in value]
    if isinstance(value, list):
        return [str(v) for v in value]
    if field == "source":
        return source_text(value)
    if value is None:
        return "不限" if field == "effective_to" else ""
    return str(value)


def diff_rows(changes: list[Change]) -> list[DiffRow]:
    rows = []
    for change in changes:
        old, new = readable(change.field, change.old), readable(change.field, change.new)
        if isinstance(old, list) and isinstance(new, list):
            left, right = diff_tokens(old, new, LIST_SEPARATORS.get(change.field, "、"))
        else:
            left, right = diff_text(str(old), str(new))
        label = FIELD_LABELS.get(change.field, change.field)
        rows.append(DiffRow(change.field, label, left, right))
    return rows
