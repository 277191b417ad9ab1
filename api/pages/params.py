"""参数: the dated policy numbers (低保标准 …) by region and place, edited with review.

Editors enter a new dated value with its source (a value without a document number and issuing
body stays unverified); another person reviews and publishes it; every worker's screening uses
it within seconds (bot/params/service.py). Nothing is overwritten: the timeline shows every
value a place ever had. Handlers are plain functions (synchronous SQLAlchemy, thread pool).
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, Request, Response
from fastapi.responses import RedirectResponse
from pydantic import ValidationError
from starlette.datastructures import UploadFile

from api.deps import RuntimeDep
from api.pages.editor import form_of
from api.pages.web import REGIONS, PageError, PageRoute, Role, Staff, render
from api.runtime import Runtime
from bot.kb.io import decode_upload
from bot.params.csvio import export_csv, import_csv
from bot.params.models import ParamValueRow
from bot.params.schema import NewValue, problems_of
from bot.params.service import ParameterService
from bot.params.store import STATUS_LABELS
from guides.errors import EntryNotFound, InvalidTransition, ReviewerConflict
from guides.ids import RegionId
from guides.params import VARIANT_LABELS, parameters
from guides.places import REGION_ROOTS, places
from guides.sources import SourceRef

router = APIRouter(prefix="/params", route_class=PageRoute, include_in_schema=False)
Reader = Annotated[Staff, Depends(Role("editor", "reviewer"))]
Editor = Annotated[Staff, Depends(Role("editor"))]
Reviewer = Annotated[Staff, Depends(Role("reviewer"))]
MAX_IMPORT_BYTES = 200_000
ACTIONS = {"create": "新建", "submit": "提交审核", "approve": "审核通过并发布",
           "reject": "退回修改", "seed": "初始导入"}  # fmt: skip


def service_of(runtime: Runtime) -> ParameterService:
    service: ParameterService = runtime.services["params"]
    return service


def labels() -> dict[str, str]:
    return {n: parameters().parameter(n).label or parameters().parameter(n).description
            for n in parameters().names()}  # fmt: skip


def place_label(region: str, place: str | None) -> str:
    if place:
        return places().full_name(place)
    if region in REGIONS:
        return f"{places().full_name(REGION_ROOTS[RegionId(region)])}（全地区）"
    return "全国"


def source_text(row: ParamValueRow) -> str:
    source = SourceRef.model_validate(row.source)
    text = source.cite()
    if source.document and source.date:
        text += f"（{source.date.isoformat()}发文）"
    return text


@dataclass(frozen=True)
class Line:
    """One parameter at one place and hukou type, with the value in force today."""

    name: str
    region: str
    place: str | None
    variant: str | None
    in_force: ParamValueRow | None
    pending: int

    @property
    def query(self) -> str:
        data = {"name": self.name, "region": self.region, "place": self.place or "",
                "variant": self.variant or ""}  # fmt: skip
        return urlencode(data)


def in_force(rows: list[ParamValueRow], on: dt.date) -> ParamValueRow | None:
    live = [
        r for r in rows
        if r.status == "published" and r.effective_from <= on
        and (r.effective_until is None or on <= r.effective_until)
    ]  # fmt: skip
    return max(live, key=lambda r: (r.effective_from, r.id)) if live else None


def lines_of(rows: list[ParamValueRow], on: dt.date) -> list[Line]:
    groups: dict[tuple[str, str, str | None, str | None], list[ParamValueRow]] = {}
    for row in rows:
        groups.setdefault((row.name, row.region, row.place, row.variant), []).append(row)
    return [
        Line(*key, in_force(group, on), sum(r.status != "published" for r in group))
        for key, group in groups.items()
    ]


def common(staff: Staff, **context: Any) -> dict[str, Any]:
    return dict(user=staff.user, csrf=staff.csrf, labels=labels(), variants=VARIANT_LABELS,
                place_label=place_label, source_text=source_text, value_status=STATUS_LABELS,
                **context)  # fmt: skip


@router.get("")
def param_list(
    staff: Reader, runtime: RuntimeDep, region: str = "gansu", msg: str | None = None
) -> Response:
    region = region if region in REGIONS else "gansu"
    store = service_of(runtime).store
    today = dt.date.today()
    lines = lines_of(store.listing(region=region), today)
    waiting = len(store.review_queue())
    return render("params_list.html", **common(
        staff, region=region, lines=lines, today=today, waiting=waiting, msg=msg))  # fmt: skip


@router.get("/timeline")
def timeline(
    staff: Reader, runtime: RuntimeDep, name: str, region: str, place: str = "",
    variant: str = "", msg: str | None = None, error: str | None = None,
) -> Response:  # fmt: skip
    if name not in parameters().names() or region not in {*REGIONS, "all"}:
        raise PageError(404, "没有这个参数。")
    store = service_of(runtime).store
    rows = store.timeline(name, region, place or None, variant or None)
    audit = [a for r in rows for a in store.audit_log(r.id, limit=20)]
    audit.sort(key=lambda a: a.at, reverse=True)
    line = Line(name, region, place or None, variant or None, in_force(rows, dt.date.today()), 0)
    return render("params_timeline.html", **common(
        staff, line=line, rows=rows, audit=audit, actions=ACTIONS, msg=msg, error=error,
        description=parameters().parameter(name).description))  # fmt: skip


def _form(staff: Staff, data: dict[str, Any], problems: list[str], status: int = 200) -> Response:
    region = str(data.get("region") or "")
    region = region if region in REGIONS else "gansu"
    choices = [(p.code, places().full_name(p.code)) for p in places().in_region(RegionId(region))]
    return render("params_form.html", status, **common(
        staff, data=data, problems=problems, place_choices=choices, region=region,
        regions_all=REGIONS))  # fmt: skip


@router.get("/new")
def new_value(
    staff: Editor, name: str = "dibao_standard", region: str = "gansu", place: str = "",
    variant: str = "",
) -> Response:  # fmt: skip
    data = {"name": name, "region": region, "place": place, "variant": variant,
            "effective_from": dt.date.today().isoformat()}  # fmt: skip
    return _form(staff, data, [])


@router.post("/new")
def create_value(staff: Editor, runtime: RuntimeDep, request: Request) -> Response:
    form = form_of(request)
    data = {k: v.strip() for k, v in form.items() if isinstance(v, str) and k != "csrf_token"}
    clean = {k: v for k, v in data.items() if v}
    try:
        new = NewValue.model_validate(clean)
    except ValidationError as exc:
        return _form(staff, data, problems_of(exc), status=400)
    value_id = service_of(runtime).store.create(new, staff.username)
    msg = "已保存为草稿。请“提交审核”，由另一位同事审核后发布。"
    if not new.has_source:
        msg += "没有填文号和发文机关，这个数会按“估算”对外说明。"
    return _to_timeline(service_of(runtime), value_id, msg)


def _to_timeline(service: ParameterService, value_id: int, msg: str, key: str = "msg") -> Response:
    row = service.store.get(value_id)
    query = urlencode({"name": row.name, "region": row.region, "place": row.place or "",
                       "variant": row.variant or "", key: msg})  # fmt: skip
    return RedirectResponse(f"/params/timeline?{query}#v{value_id}", status_code=303)


def _act(runtime: Runtime, value_id: int, action: Callable[[], object], msg: str) -> Response:
    service = service_of(runtime)
    try:
        action()
    except EntryNotFound as exc:
        raise PageError(404, "没有找到这个取值。") from exc
    except ReviewerConflict:
        return _to_timeline(service, value_id, "审核人不能是录入人，请另一位同事审核。", "error")
    except InvalidTransition:
        return _to_timeline(service, value_id, "这个取值现在的状态不能做这个操作。", "error")
    return _to_timeline(service, value_id, msg)


@router.post("/value/{value_id}/submit")
def submit(value_id: int, staff: Editor, runtime: RuntimeDep) -> Response:
    store = service_of(runtime).store
    return _act(runtime, value_id, lambda: store.submit(value_id, staff.username),
                "已提交审核，请等另一位同事审核。")  # fmt: skip


@router.post("/value/{value_id}/approve")
def approve(value_id: int, staff: Reviewer, runtime: RuntimeDep) -> Response:
    store = service_of(runtime).store
    return _act(runtime, value_id, lambda: store.approve(value_id, staff.username),
                "审核通过，已经发布。几秒钟内，所有筛查都会按这个数计算（从起始日期起）。")  # fmt: skip


@router.post("/value/{value_id}/reject")
def reject(value_id: int, staff: Reviewer, runtime: RuntimeDep, request: Request) -> Response:
    note = form_of(request).get("note")
    text = note.strip() if isinstance(note, str) and note.strip() else None
    store = service_of(runtime).store
    return _act(runtime, value_id, lambda: store.reject(value_id, staff.username, text),
                "已退回给录入人修改。")  # fmt: skip


@router.get("/review")
def review(staff: Reader, runtime: RuntimeDep) -> Response:
    queue = service_of(runtime).store.review_queue()
    return render("params_review.html", **common(staff, queue=queue))


@router.get("/audit")
def audit(staff: Reader, runtime: RuntimeDep) -> Response:
    rows = service_of(runtime).store.audit_log(limit=300)
    return render("params_audit.html", **common(staff, rows=rows, actions=ACTIONS))


@router.get("/import")
def import_page(staff: Reader) -> Response:
    return render("params_import.html", **common(staff, result=None))


@router.post("/import")
async def import_file(staff: Editor, runtime: RuntimeDep, request: Request) -> Response:
    form = await request.form()
    upload = form.get("file")
    if not isinstance(upload, UploadFile) or not upload.filename:
        raise PageError(400, "请选择要导入的 CSV 文件。")
    raw = await upload.read(MAX_IMPORT_BYTES + 1)
    if len(raw) > MAX_IMPORT_BYTES:
        raise PageError(400, "文件太大了，请分成几个小文件导入。")
    try:
        text = decode_upload(raw)
    except UnicodeDecodeError as exc:
        raise PageError(400, "认不出文件的编码，请用 UTF-8 或 GBK 保存。") from exc
    result = await asyncio.to_thread(import_csv, text, service_of(runtime).store, staff.username)
    return render("params_import.html", **common(staff, result=result))


@router.get("/export.csv")
def export(staff: Reader, runtime: RuntimeDep, region: str = "") -> Response:
    rows = service_of(runtime).store.listing(region=region if region in REGIONS else None)
    name = quote(f"参数-{region or '全部'}-{dt.date.today().isoformat()}.csv")
    return Response(
        "\ufeff" + export_csv(rows), media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f"attachment; filename*=UTF-8''{name}"},
    )  # fmt: skip
