"""The knowledge-base editor: list and filter, create and edit, review, history, rollback.

Handlers are plain functions (FastAPI runs them in its thread pool), since the KB workflow is
synchronous SQLAlchemy. Who may do what is checked by `Role(...)` on every route:
editors write and submit; reviewers approve, reject, retire and roll back; the workflow itself
refuses a reviewer who wrote the version under review.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response
from fastapi.responses import RedirectResponse
from pydantic import ValidationError
from starlette.datastructures import FormData

from api.deps import RuntimeDep
from api.pages.kb_diff import diff_rows
from api.pages.kb_notices import notices_for
from api.pages.web import REGIONS, PageError, PageRoute, Role, Staff, item_labels, render
from api.runtime import Runtime
from bot.kb.messages import problems_zh
from bot.kb.schema import STATUSES, EntryContent
from bot.kb.service import KnowledgeService
from guides.errors import EntryNotFound, KnowledgeBaseError

router = APIRouter(prefix="/kb", route_class=PageRoute, include_in_schema=False)
Reader = Annotated[Staff, Depends(Role("editor", "reviewer"))]
Editor = Annotated[Staff, Depends(Role("editor"))]
Reviewer = Annotated[Staff, Depends(Role("reviewer"))]
PER_PAGE = 50

SOURCE_KINDS = {
    "editor": "编辑撰写",
    "seed": "办事指南原文",
    "national": "国家政策文件",
    "config": "系统配置",
}


def kb_of(runtime: Runtime) -> KnowledgeService:
    service: KnowledgeService = runtime.services["kb"]
    return service


def problems_of(exc: ValidationError) -> list[str]:
    """Pydantic errors as short Chinese sentences naming the field."""
    return problems_zh(exc)


def _lines(text: str) -> list[str]:
    return [
        p.strip() for p in text.replace("，", "\n").replace(",", "\n").splitlines() if p.strip()
    ]


def content_data(form: FormData, author: str) -> dict[str, Any]:
    """The entry form as the EntryContent dict (validated by the caller)."""

    def get(name: str) -> str:
        value = form.get(name)
        return value.strip() if isinstance(value, str) else ""

    regions = [r for r in form.getlist("regions") if isinstance(r, str)] or ["all"]
    kind = get("source_kind") if get("source_kind") in SOURCE_KINDS else "editor"
    source: dict[str, Any] = {kind: get("source_value") or (author if kind == "editor" else "")}
    for key in ("section", "date", "note"):
        if get(f"source_{key}"):
            source[key] = get(f"source_{key}")
    data: dict[str, Any] = {
        "id": get("id"),
        "question": get("question"),
        "similar": [s.strip() for s in get("similar").splitlines() if s.strip()],
        "answer": get("answer"),
        "regions": ["all"] if "all" in regions else regions,
        "items": [i for i in form.getlist("items") if isinstance(i, str)],
        "tags": _lines(get("tags")),
        "source": source,
        "effective_from": get("effective_from") or dt.date.today().isoformat(),
    }
    if get("effective_to"):
        data["effective_to"] = get("effective_to")
    return data


def _form_page(
    staff: Staff, data: dict[str, Any], *, editing: bool, problems: list[str], status: int = 200
) -> Response:
    source = data.get("source") or {}
    kind = next((k for k in SOURCE_KINDS if source.get(k)), "editor")
    return render(
        "kb_form.html", status, user=staff.user, csrf=staff.csrf, data=data, editing=editing,
        problems=problems, source_kind=kind, source_kinds=SOURCE_KINDS,
        source_value=source.get(kind, ""), source=source,
    )  # fmt: skip


@router.get("")
def entry_list(
    staff: Reader,
    runtime: RuntimeDep,
    region: str | None = None,
    item: str | None = None,
    status: str | None = None,
    q: str | None = None,
    page: str | None = None,
    msg: str | None = None,
) -> Response:
    service = kb_of(runtime)
    filters = {
        "region": region if region in REGIONS else "",
        "item": item if item in item_labels() else "",
        "status": status if status in STATUSES else "",
        "q": (q or "").strip()[:100],
    }
    listing = service.kb.list_page(
        region=filters["region"] or None,
        item=filters["item"] or None,
        status=filters["status"] or None,
        text=filters["q"] or None,
        page=int(page) if page and page.isdigit() else 1,
        per_page=PER_PAGE,
    )
    waiting = service.kb.list_page(status="in_review", per_page=1).total
    return render(
        "kb_list.html", user=staff.user, csrf=staff.csrf, listing=listing, filters=filters,
        query={k: v for k, v in filters.items() if v}, statuses=STATUSES, msg=msg,
        waiting=waiting, notices=notices_for(service, staff.username),
    )  # fmt: skip


@router.get("/new")
def new_entry(
    staff: Editor, runtime: RuntimeDep, question: str | None = None, uq: int | None = None
) -> Response:
    data = {
        "question": question or "",
        "uq": uq or "",
        "effective_from": dt.date.today().isoformat(),
        "regions": ["all"],
        "source": {"editor": staff.username},
    }
    return _form_page(staff, data, editing=False, problems=[])


@router.post("/new")
def create_entry(staff: Editor, runtime: RuntimeDep, request: Request) -> Response:
    form = form_of(request)
    data = content_data(form, staff.username)
    service = kb_of(runtime)
    try:
        content = EntryContent.model_validate(data)
        service.kb.create_draft(content, staff.username)
    except ValidationError as exc:
        data["uq"] = form.get("uq") or ""
        return _form_page(staff, data, editing=False, problems=problems_of(exc), status=400)
    except KnowledgeBaseError as exc:
        data["uq"] = form.get("uq") or ""
        return _form_page(staff, data, editing=False, problems=[exc.message_zh], status=400)
    uq = form.get("uq")
    if isinstance(uq, str) and uq.isdigit():
        service.unanswered.resolve(int(uq), staff.username, content.id)
    return _to_entry(content.id, "已保存为草稿。写好后请“提交审核”。")


def form_of(request: Request) -> FormData:
    form = getattr(request, "_form", None)
    if not isinstance(form, FormData):  # Role() parsed it already on every POST
        raise PageError(400, "请通过页面上的表单提交。")
    return form


def _to_entry(entry_id: str, msg: str) -> Response:
    from urllib.parse import quote

    return RedirectResponse(f"/kb/entry/{entry_id}?msg={quote(msg)}", status_code=303)


def entry_or_404(service: KnowledgeService, entry_id: str) -> Any:
    try:
        return service.kb.get(entry_id)
    except EntryNotFound as exc:
        raise PageError(404, "没有找到这条知识。") from exc


@router.get("/entry/{entry_id}")
def entry_page(
    entry_id: str,
    staff: Reader,
    runtime: RuntimeDep,
    diff: str | None = None,
    msg: str | None = None,
    error: str | None = None,
) -> Response:
    service = kb_of(runtime)
    entry = entry_or_404(service, entry_id)
    history = service.kb.history(entry_id)
    rows, pair = None, None
    if diff and "-" in diff:
        old, _, new = diff.partition("-")
        if old.isdigit() and new.isdigit():
            try:
                changes = service.kb.diff(entry_id, int(old), int(new))
            except EntryNotFound as exc:
                raise PageError(404, "没有找到这个版本。") from exc
            rows, pair = diff_rows(changes), (int(old), int(new))
    sent_back = [n for n in notices_for(service, staff.username) if n.entry_id == entry_id]
    if sent_back:  # shown once more here, then cleared: the editor has opened the entry
        service.notices.mark_read(staff.username, entry_id)
    return render(
        "kb_entry.html", user=staff.user, csrf=staff.csrf, entry=entry, history=history,
        rows=rows, pair=pair, audit=service.kb.audit_log(entry_id, limit=50),
        msg=msg, error=error, sent_back=sent_back,
    )  # fmt: skip


@router.get("/entry/{entry_id}/edit")
def edit_page(entry_id: str, staff: Editor, runtime: RuntimeDep) -> Response:
    entry = entry_or_404(kb_of(runtime), entry_id)
    return _form_page(staff, entry.content.model_dump(mode="json"), editing=True, problems=[])


@router.post("/entry/{entry_id}/edit")
def save_edit(entry_id: str, staff: Editor, runtime: RuntimeDep, request: Request) -> Response:
    data = content_data(form_of(request), staff.username)
    data["id"] = entry_id
    try:
        content = EntryContent.model_validate(data)
        kb_of(runtime).kb.edit(content, staff.username)
    except ValidationError as exc:
        return _form_page(staff, data, editing=True, problems=problems_of(exc), status=400)
    except KnowledgeBaseError as exc:
        return _form_page(staff, data, editing=True, problems=[exc.message_zh], status=409)
    return _to_entry(entry_id, "已保存为新的草稿版本。发布前需要提交审核。")


def act(entry_id: str, action: Any, msg: str) -> Response:
    try:
        action()
    except EntryNotFound as exc:
        raise PageError(404, "没有找到这条知识。") from exc
    except KnowledgeBaseError as exc:
        raise PageError(409, exc.message_zh) from exc
    return _to_entry(entry_id, msg)


@router.post("/entry/{entry_id}/submit")
def submit(entry_id: str, staff: Editor, runtime: RuntimeDep) -> Response:
    kb = kb_of(runtime).kb
    return act(
        entry_id, lambda: kb.submit(entry_id, staff.username), "已提交审核，请等另一位同事审核。"
    )


@router.post("/entry/{entry_id}/approve")
def approve(entry_id: str, staff: Reviewer, runtime: RuntimeDep) -> Response:
    kb = kb_of(runtime).kb
    return act(
        entry_id,
        lambda: kb.approve(entry_id, staff.username),
        "审核通过，已经发布。机器人马上就会用新答案。",
    )


@router.post("/entry/{entry_id}/reject")
def reject(entry_id: str, staff: Reviewer, runtime: RuntimeDep, request: Request) -> Response:
    note = form_of(request).get("note")
    kb = kb_of(runtime).kb
    text = note.strip() if isinstance(note, str) and note.strip() else None
    return act(
        entry_id,
        lambda: kb.reject(entry_id, staff.username, text),
        "已退回给作者。作者打开知识库就会看到退回的原因。",
    )


@router.post("/entry/{entry_id}/retire")
def retire(entry_id: str, staff: Reviewer, runtime: RuntimeDep) -> Response:
    kb = kb_of(runtime).kb
    return act(
        entry_id, lambda: kb.retire(entry_id, staff.username), "已下线，机器人不会再用这条答案。"
    )
