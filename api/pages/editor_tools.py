"""KB editor tools: 试一试, the unanswered-questions queue, import/export and the audit log."""

from __future__ import annotations

import asyncio
from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response
from starlette.datastructures import UploadFile

from api.deps import RuntimeDep
from api.pages.clusters import group_questions
from api.pages.editor import Editor, Reader, kb_of
from api.pages.web import PageError, PageRoute, Role, Staff, render
from bot.kb import io as kb_io
from bot.kb.schema import STATUSES
from guides.errors import EntryNotFound

router = APIRouter(prefix="/kb", route_class=PageRoute, include_in_schema=False)
Asker = Annotated[Staff, Depends(Role("editor", "reviewer", "agent"))]
MAX_IMPORT_BYTES = 60_000


@router.get("/try")
def try_page(staff: Asker, runtime: RuntimeDep, q: str = "", region: str = "") -> Response:
    service = kb_of(runtime)
    reply, hits = None, []
    question = q.strip()[:200]
    if question:
        reply = service.ask(question, region or None, record=False)
        contents = {c.id: c for c in service.search(question, region or None, 5)}
        hits = [
            (h, contents[h.entry_id])
            for h in service.index.search(question, region or None, 5)
            if h.entry_id in contents
        ]
    return render(
        "kb_try.html", user=staff.user, csrf=staff.csrf, q=question, region=region, reply=reply,
        hits=hits, threshold=runtime.settings.kb_confidence_threshold,
    )  # fmt: skip


@router.get("/unanswered")
def unanswered_page(staff: Reader, runtime: RuntimeDep, msg: str | None = None) -> Response:
    questions = kb_of(runtime).unanswered.list_questions("open", limit=500)
    groups = group_questions(questions)
    return render(
        "kb_unanswered.html", user=staff.user, csrf=staff.csrf, groups=groups,
        total=len(questions), msg=msg,
    )  # fmt: skip


@router.post("/unanswered/{question_id}/close")
def close_question(question_id: int, staff: Editor, runtime: RuntimeDep) -> Response:
    from fastapi.responses import RedirectResponse

    try:
        kb_of(runtime).unanswered.resolve(question_id, staff.username, None)
    except EntryNotFound as exc:
        raise PageError(404, "没有找到这个问题，可能已经被别的同事处理了。") from exc
    return RedirectResponse("/kb/unanswered?msg=已标记为处理完。", status_code=303)


@router.get("/import")
def import_page(staff: Reader) -> Response:
    return render(
        "kb_import.html", user=staff.user, csrf=staff.csrf, report=None, statuses=STATUSES
    )


@router.post("/import")
async def import_file(staff: Editor, runtime: RuntimeDep, request: Request) -> Response:
    form = await request.form()
    upload = form.get("file")
    if not isinstance(upload, UploadFile) or not upload.filename:
        raise PageError(400, "请选择要导入的文件（.yml、.yaml 或 .csv）。")
    raw = await upload.read(MAX_IMPORT_BYTES + 1)
    if len(raw) > MAX_IMPORT_BYTES:
        raise PageError(413, "文件太大了，请分成几个小文件导入。")
    try:
        text = kb_io.decode_upload(raw)
    except UnicodeDecodeError as exc:
        raise PageError(
            400, "文件的编码认不出来。请在 Excel 里“另存为”CSV（UTF-8 或普通 CSV 都行）后再导入。"
        ) from exc
    name = upload.filename.lower()
    kb = kb_of(runtime).kb
    if name.endswith(".csv"):
        report = await asyncio.to_thread(kb_io.import_csv, kb, text, staff.username)
    elif name.endswith((".yml", ".yaml")):
        report = await asyncio.to_thread(kb_io.import_yaml, kb, text, staff.username)
    else:
        raise PageError(400, "只能导入 .yml、.yaml 或 .csv 文件。")
    rejected = [(report.place(r.row), r.entry_id, r.reason) for r in report.rejected]
    return render(
        "kb_import.html", user=staff.user, csrf=staff.csrf, report=report, rejected=rejected,
        filename=upload.filename, statuses=STATUSES,
    )  # fmt: skip


@router.get("/export")
def export(
    staff: Reader,
    runtime: RuntimeDep,
    format: str = "yaml",
    status: str | None = None,
    region: str | None = None,
) -> Response:
    entries = kb_of(runtime).kb.list_entries(
        region=region or None, status=status if status in STATUSES else None
    )
    if format == "csv":
        body = "\ufeff" + kb_io.export_csv(entries)  # BOM: Excel opens the Chinese correctly
        media, name = "text/csv; charset=utf-8", "kb-export.csv"
    else:
        body, media, name = (
            kb_io.export_yaml(entries),
            "application/x-yaml; charset=utf-8",
            "kb-export.yml",
        )
    return Response(
        body, media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}"'}
    )


@router.get("/audit")
def audit_page(staff: Reader, runtime: RuntimeDep, entry: str | None = None) -> Response:
    rows = kb_of(runtime).kb.audit_log(entry or None, limit=300)
    return render("kb_audit.html", user=staff.user, csrf=staff.csrf, rows=rows, entry=entry or "")
