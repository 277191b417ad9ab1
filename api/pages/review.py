"""Reviewer pages: the 待审核 queue (oldest first) and rollback with a confirmation step."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response
from fastapi.responses import RedirectResponse

from api.deps import RuntimeDep
from api.pages.editor import Reader, act, entry_or_404, form_of, kb_of
from api.pages.kb_diff import diff_rows
from api.pages.kb_notices import notices_for
from api.pages.web import PageError, PageRoute, Role, Staff, render
from bot.kb.workflow import rollback_note
from guides.errors import EntryNotFound

router = APIRouter(prefix="/kb", route_class=PageRoute, include_in_schema=False)
Reviewer = Annotated[Staff, Depends(Role("reviewer"))]


def waited(since: dt.datetime, now: dt.datetime | None = None) -> str:
    """How long something has waited, in plain words: 不到 1 分钟, 25 分钟, 3 小时, 2 天."""
    start = since if since.tzinfo else since.replace(tzinfo=dt.UTC)
    minutes = int(((now or dt.datetime.now(dt.UTC)) - start).total_seconds() // 60)
    if minutes < 1:
        return "不到 1 分钟"
    if minutes < 60:
        return f"{minutes} 分钟"
    if minutes < 48 * 60:
        return f"{minutes // 60} 小时"
    return f"{minutes // (24 * 60)} 天"


@router.get("/review")
def review_queue(staff: Reader, runtime: RuntimeDep, msg: str | None = None) -> Response:
    service = kb_of(runtime)
    queue = service.kb.review_queue()
    return render(
        "kb_review.html", user=staff.user, csrf=staff.csrf, queue=queue, waited=waited,
        notices=notices_for(service, staff.username), msg=msg,
    )  # fmt: skip


def _version_or_400(raw: object) -> int:
    if not isinstance(raw, str) or not raw.isdigit():
        raise PageError(400, "请选择要回滚到的版本。")
    return int(raw)


@router.get("/entry/{entry_id}/rollback")
def rollback_confirm(
    entry_id: str, staff: Reviewer, runtime: RuntimeDep, version: str | None = None
) -> Response:
    service = kb_of(runtime)
    entry = entry_or_404(service, entry_id)
    target = _version_or_400(version)
    try:
        chosen = service.kb.version(entry_id, target)
    except EntryNotFound as exc:
        raise PageError(404, "没有找到这个版本。") from exc
    if chosen.published_at is None:
        raise PageError(409, "只能回滚到发布过的版本。")
    live = entry.published_version
    rows = diff_rows(service.kb.diff(entry_id, live, target)) if live else None
    return render(
        "kb_rollback.html", user=staff.user, csrf=staff.csrf, entry=entry, target=target,
        chosen=chosen, live=live, rows=rows,
    )  # fmt: skip


@router.post("/entry/{entry_id}/rollback")
def rollback(entry_id: str, staff: Reviewer, runtime: RuntimeDep, request: Request) -> Response:
    form = form_of(request)
    target = _version_or_400(form.get("version"))
    if form.get("confirm") != "yes":  # never publish without the confirmation page
        return RedirectResponse(f"/kb/entry/{entry_id}/rollback?version={target}", status_code=303)
    kb = kb_of(runtime).kb
    return act(
        entry_id,
        lambda: kb.rollback(entry_id, target, staff.username),
        f"已{rollback_note(target)}的内容，并已发布。",
    )
