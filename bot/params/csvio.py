"""CSV export and import of dated parameter values, with Chinese headers (Excel-friendly).

Export: every value with its place, dates, source, verified flag and workflow state. Import:
each row becomes a *draft* by the importing editor (review still applies); a row without a
document number and issuing body stays unverified. Text in UTF-8 or GBK/GB18030
(bot.kb.io.decode_upload); cells that look like spreadsheet formulas are neutralised.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from bot.kb.io import _date, _neutralise, _restore
from bot.params.models import ParamValueRow
from bot.params.schema import NewValue, problems_of
from bot.params.store import STATUS_LABELS, ParameterStore
from guides.ids import REGION_LABELS, RegionId
from guides.params import VARIANT_LABELS, parameters

COLUMNS = {  # header -> NewValue field ("" for export-only columns)
    "参数": "name", "参数名称": "", "地区": "region", "地区代码": "place", "户口类型": "variant",
    "数值": "value", "单位": "", "起始日期": "effective_from", "截止日期": "effective_until",
    "文号": "document", "发文机关": "issuer", "文件标题": "title", "发文日期": "issued_on",
    "链接": "url", "条款": "clause", "备注": "note", "已核实": "", "状态": "", "录入人": "",
    "审核人": "",
}  # fmt: skip
_VARIANTS = {"城市": "urban", "城镇": "urban", "urban": "urban", "农村": "rural", "rural": "rural"}


@dataclass(frozen=True)
class ImportResult:
    created: list[int]
    problems: list[str]  # "第 3 行：……"


def export_csv(rows: Iterable[ParamValueRow]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for row in rows:
        source: dict[str, Any] = row.source
        definition = parameters().data.parameters.get(row.name)
        cells = [
            row.name, definition.description if definition else "", REGION_LABELS.get(
                RegionId(row.region), "全国") if row.region in _REGION_IDS else "全国",
            row.place or "", VARIANT_LABELS.get(row.variant or "", ""), f"{row.value:g}",
            row.unit, row.effective_from.isoformat(),
            row.effective_until.isoformat() if row.effective_until else "",
            source.get("document", ""), source.get("issuer", ""), source.get("title", ""),
            source.get("date", "") if source.get("document") else "", source.get("url", ""),
            source.get("section", ""), row.note or "", "是" if row.verified else "否",
            STATUS_LABELS.get(row.status, row.status), row.author, row.reviewer or "",
        ]  # fmt: skip
        writer.writerow([_neutralise(str(c)) for c in cells])
    return out.getvalue()


_REGION_IDS = {r.value for r in RegionId}
_REGION_BY_LABEL = {label: r.value for r, label in REGION_LABELS.items()} | {
    "甘肃": "gansu", "宁夏": "ningxia", "山西": "shanxi", "历城区": "jinan-licheng",
    "济南市历城区": "jinan-licheng",
}  # fmt: skip


def _record_to_data(record: dict[str, str]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for header, field in COLUMNS.items():
        cell = _restore((record.get(header) or "").strip())
        if field and cell:
            data[field] = cell
    region = data.get("region", "")
    data["region"] = _REGION_BY_LABEL.get(region, region)
    if "variant" in data:
        data["variant"] = _VARIANTS.get(data["variant"], data["variant"])
    for key in ("effective_from", "effective_until", "issued_on"):
        if key in data:
            data[key] = _date(data[key])
    return data


def import_csv(text: str, store: ParameterStore, author: str) -> ImportResult:
    """Every valid row becomes a draft; invalid rows are reported and skipped."""
    reader = csv.DictReader(io.StringIO(text))
    missing = {"参数", "地区", "数值", "起始日期"} - set(reader.fieldnames or [])
    if missing:
        return ImportResult([], [f"表头缺少：{'、'.join(sorted(missing))}"])
    created: list[int] = []
    problems: list[str] = []
    for line, record in enumerate(reader, start=2):
        try:
            new = NewValue.model_validate(_record_to_data(record))
        except ValidationError as exc:
            problems.append(f"第 {line} 行：{'；'.join(problems_of(exc))}")
            continue
        created.append(store.create(new, author))
    return ImportResult(created, problems)
