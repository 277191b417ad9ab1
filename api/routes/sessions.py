"""Chat sessions for the mini-program and H5 page; agents act for callers through the same routes.

A session belongs to the account that started it; an agent reaches one only while handling it
(started for a caller, or a 转人工 they claimed). Every route loads through bot.assistant, which
checks that; what staff see of it is scoped by bot.staff_views.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, Field, model_validator

from api.auth import Account
from api.deps import CurrentAccount, RuntimeDep, runtime_of
from api.errors import ApiError
from api.metrics import SCREENINGS, TURN_LATENCY, TURNS
from bot.application import form_items, screening_of
from bot.assistant import Actor, Assistant
from bot.channels.wechat_api import send_form_ready
from bot.staff_views import staff_session
from dialogue.replies import Reply, ResultReply
from dialogue.state import Session, TranscriptLine
from guides.catalog import guide_for
from guides.ids import ItemId
from guides.materials import materials_for
from guides.screening.result import MaterialNeed, ScreeningResult

router = APIRouter(prefix="/api/v1", tags=["sessions"])


class StartRequest(BaseModel):
    region: str | None = Field(default=None, max_length=32)
    channel: str = Field(default="web", max_length=16)
    text: str | None = Field(default=None, max_length=500)


class MessageRequest(BaseModel):
    text: str | None = Field(default=None, max_length=500)
    choice: str | None = Field(default=None, max_length=64)
    # Optional (older clients send neither): the client's own id for this message, the same on
    # every retry, and the question it answers (`state.question_id` of the last response).
    message_id: str | None = Field(
        default=None, min_length=8, max_length=64, pattern=r"^[A-Za-z0-9_.:-]+$"
    )
    question_id: str | None = Field(default=None, max_length=64)

    @model_validator(mode="after")
    def _one_of(self) -> MessageRequest:
        if not (self.text and self.text.strip()) and not self.choice:
            raise ValueError("text or choice is required")
        return self


class SessionState(BaseModel):
    """Where a conversation stands; `question_id` goes back with the answer to it."""

    session_id: str
    status: str
    region: str
    pending_question: str | None
    pending_member: int | None
    question_id: str | None
    handoff: bool
    live_agent: bool  # a person is talking with them now (转人工)
    consent: bool | None
    questions_remaining: int | None
    form_requested: bool


class StartResponse(BaseModel):
    session_id: str
    replies: list[dict[str, Any]]  # each with "type": text, choices, summary, result, form_offer
    state: SessionState


class TurnResponse(BaseModel):
    replies: list[dict[str, Any]]
    state: SessionState
    form_ready: bool = False  # the pages offer the PDF right here
    repeated: bool = False  # a retried message: these are its first replies, nothing applied


def actor_of(account: Account) -> Actor:
    return Actor(account=account.id, is_agent=account.is_agent)


def reply_json(reply: Reply) -> dict[str, Any]:
    data: dict[str, Any] = reply.model_dump(mode="json")
    data["type"] = data.pop("kind")
    return data


def session_state(session: Session) -> SessionState:
    return SessionState(
        session_id=session.id,
        status=session.status,
        region=session.region.value,
        pending_question=session.pending.question_id if session.pending else None,
        pending_member=session.pending.member if session.pending else None,
        question_id=session.question_ref,
        handoff=session.handoff,
        live_agent=session.live_agent is not None,
        consent=session.consent,
        questions_remaining=session.questions_remaining,
        form_requested=session.form_requested,
    )


def state_json(session: Session) -> dict[str, Any]:
    return session_state(session).model_dump()


def count_outcomes(replies: list[Reply]) -> None:
    """Screening outcomes shown to citizens, for the metrics (item and outcome, nothing else)."""
    for reply in replies:
        if isinstance(reply, ResultReply):
            for line in reply.items:
                SCREENINGS.labels(line.item, line.outcome).inc()


def assistant_of(runtime: Any) -> Assistant:
    """The worker's Assistant (api.wiring); the agent and 转人工 routes use it too."""
    assistant: Assistant = runtime.services["assistant"]
    return assistant


@router.post("/sessions", response_model=StartResponse)
async def start_session(
    body: StartRequest, runtime: RuntimeDep, account: CurrentAccount
) -> StartResponse:
    region = body.region or runtime.settings.default_region
    if not region:
        raise ApiError(422, "region_required", "请先选择您申请的地区：甘肃、宁夏、山西或济南历城。")
    assistant = assistant_of(runtime)
    session_id, replies = await assistant.start(region, body.channel, actor_of(account), body.text)
    TURNS.labels(body.channel).inc()
    session = await assistant.get(session_id, actor_of(account))
    return StartResponse(
        session_id=session_id,
        replies=[reply_json(r) for r in replies],
        state=session_state(session),
    )


@router.get("/sessions")
async def my_sessions(runtime: RuntimeDep, account: CurrentAccount) -> Any:
    return {"sessions": await assistant_of(runtime).sessions_of(actor_of(account))}


@router.post("/sessions/{session_id}/messages", response_model=TurnResponse)
async def post_message(
    session_id: str, body: MessageRequest, request: Request, account: CurrentAccount
) -> Response:
    """The hot path, kept thin: the runtime is read from the app (no dependency to solve) and
    the answer is written by pydantic straight to JSON (FastAPI would validate it again)."""
    started = time.perf_counter()
    runtime = runtime_of(request)
    result = await assistant_of(runtime).handle(
        session_id,
        actor_of(account),
        text=body.text,
        choice=body.choice,
        message_id=body.message_id,
        question_id=body.question_id,
        quota=getattr(request.state, "rate_quota", None),  # counted with the take (api.limits)
    )
    # The turn is saved: what follows must not fail it (a retry would only get it back).
    TURN_LATENCY.observe(time.perf_counter() - started)
    if not result.repeated:
        TURNS.labels(result.state.channel).inc()
        count_outcomes(result.replies)
        if result.form_requested_now:
            notify_form_ready(runtime, account, session_id)
    answer = TurnResponse(
        replies=[reply_json(r) for r in result.replies],
        state=session_state(result.state),
        form_ready=result.form_requested_now,
        repeated=result.repeated,
    )
    return Response(answer.model_dump_json(), media_type="application/json")


@router.post("/sessions/{session_id}/resume", response_model=TurnResponse)
async def resume(session_id: str, runtime: RuntimeDep, account: CurrentAccount) -> TurnResponse:
    """Coming back later (a reloaded page, another device): the same place, the same question."""
    result = await assistant_of(runtime).resume(session_id, actor_of(account))
    return TurnResponse(
        replies=[reply_json(r) for r in result.replies], state=session_state(result.state)
    )


def notify_form_ready(runtime: Any, account: Account, session_id: str) -> None:
    """Mini-program users get a subscribe message with a link to their pre-filled form."""
    client, template = runtime.wxa_client, runtime.settings.wechat.form_ready_template_id
    if client is None or not template or not account.id.startswith("wx:"):
        return
    data = {"thing1": {"value": "社会救助申请表已填好"}, "thing2": {"value": "请下载后签字"}}
    page = f"pages/chat/index?session={session_id}"
    openid = account.id.removeprefix("wx:")
    task = asyncio.ensure_future(
        asyncio.to_thread(send_form_ready, client, openid, template, data, page)
    )
    runtime.background.add(task)
    task.add_done_callback(runtime.background.discard)


class SessionView(BaseModel):
    """A session as its reader may see it: the owner all of it; a handling agent the same
    with the personal numbers masked (bot.staff_views); nobody else reaches it."""

    session_id: str
    state: SessionState
    items_of_interest: list[ItemId] | None
    facts: dict[str, Any]
    unknown_facts: list[str]
    screening: ScreeningResult
    materials: list[MaterialNeed]
    transcript: list[TranscriptLine]


@router.get("/sessions/{session_id}", response_model=SessionView)
async def get_session(session_id: str, runtime: RuntimeDep, account: CurrentAccount) -> SessionView:
    session = await assistant_of(runtime).get(session_id, actor_of(account))
    result = screening_of(session)
    materials = materials_for(
        guide_for(session.region), session.household, form_items(session, result)
    )
    shown = staff_session(session) if account.is_agent else session
    return SessionView(
        session_id=session.id,
        state=session_state(session),
        items_of_interest=session.items,
        facts=shown.household.model_dump(mode="json", exclude_none=True),
        unknown_facts=session.unknown,
        screening=result,
        materials=materials,
        transcript=shown.transcript,
    )


async def _form(session_id: str, runtime: Any, account: Account, kind: str) -> Response:
    session = await assistant_of(runtime).get(session_id, actor_of(account))
    items = form_items(session)
    if kind == "pdf":
        from guides.forms.pdf import render_pdf

        pdf = await asyncio.to_thread(render_pdf, session.household, items)
        return Response(
            pdf,
            media_type="application/pdf",
            headers={"Content-Disposition": 'attachment; filename="application.pdf"'},
        )
    from guides.forms.render import render_html

    html = await asyncio.to_thread(render_html, session.household, items)
    return Response(html, media_type="text/html; charset=utf-8")


@router.delete("/sessions/{session_id}")
async def delete_session(session_id: str, runtime: RuntimeDep, account: CurrentAccount) -> Any:
    """Delete my conversation and all it holds (answers, transcript, kept replies)."""
    await assistant_of(runtime).delete(session_id, actor_of(account))
    return {"deleted": True}


@router.get("/sessions/{session_id}/form.pdf")
async def form_pdf(session_id: str, runtime: RuntimeDep, account: CurrentAccount) -> Response:
    return await _form(session_id, runtime, account, "pdf")


@router.get("/sessions/{session_id}/form.html")
async def form_html(session_id: str, runtime: RuntimeDep, account: CurrentAccount) -> Response:
    return await _form(session_id, runtime, account, "html")
