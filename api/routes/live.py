"""转人工 over HTTP: the queue, claiming, the agent's words, hand-back, and the event streams
(Server-Sent Events) that push the conversation to both pages without polling.

A stream replays transcript lines after `after` (the last `seq` it saw), then forwards new
ones; a page that reconnects, to any worker, passes its last seq and misses nothing.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Callable
from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field

from api.deps import AgentAccount, CurrentAccount, RuntimeDep
from api.live_hub import RESYNC, LiveHub
from api.routes.sessions import actor_of, assistant_of, state_json
from bot.assistant import Actor
from bot.live import QUEUE_CHANNEL, QueueEntry, channel
from bot.staff_views import staff_line
from dialogue.state import Session, TranscriptLine
from guides.errors import SessionForbidden

router = APIRouter(prefix="/api/v1", tags=["转人工"])
KEEPALIVE_SECONDS = 15.0
SSE_HEADERS = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}


class QueueResponse(BaseModel):
    sessions: list[QueueEntry]
    open_now: bool
    hours: str


class SayRequest(BaseModel):
    text: str = Field(min_length=1, max_length=500)


def _hub(runtime: Any) -> LiveHub:
    hub: LiveHub = runtime.services["live_hub"]
    return hub


def _event(kind: str, data: object, event_id: int | None = None) -> str:
    head = f"id: {event_id}\n" if event_id is not None else ""
    return f"{head}event: {kind}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


def _line_event(line: TranscriptLine) -> str:
    return _event("line", line.model_dump(mode="json"), line.seq)


def _pushed(line: TranscriptLine) -> TranscriptLine | None:
    """The citizen's page: what a person said to them (or about the hand-off), as said."""
    return line if line.pushed else None


async def _session_events(
    request: Request,
    runtime: Any,
    session_id: str,
    actor: Actor,
    after: int,
    shown: Callable[[TranscriptLine], TranscriptLine | None],  # as this reader sees it, or None
) -> AsyncIterator[str]:
    assistant = assistant_of(runtime)
    assert assistant.live is not None
    last, ended = after, False

    async def replay() -> AsyncIterator[str]:
        nonlocal last, ended
        try:
            session: Session = await assistant.get(session_id, actor)
        except SessionForbidden:  # handed back (or the citizen stopped waiting): not theirs now
            ended = True
            yield _event("state", {"handoff": False, "claimed": False, "ended": True})
            return
        for line in session.transcript:
            seen = shown(line) if line.seq > last else None
            if seen is not None:
                yield _line_event(seen)
        last = max(last, session.transcript_seq)
        state = assistant.live.state(session).model_dump() if assistant.live else {}
        yield _event("state", {**state, "session": state_json(session)})

    async with _hub(runtime).listen(channel(session_id)) as queue:
        async for chunk in replay():
            yield chunk
        while not ended and not await request.is_disconnected():
            try:
                raw = await asyncio.wait_for(queue.get(), KEEPALIVE_SECONDS)
            except TimeoutError:
                yield ": keep-alive\n\n"
                continue
            if raw == RESYNC:
                async for chunk in replay():
                    yield chunk
                continue
            message = json.loads(raw)
            if "line" in message:
                line = TranscriptLine.model_validate(message["line"])
                if line.seq > last:
                    last = line.seq
                    seen = shown(line)
                    if seen is not None:
                        yield _line_event(seen)
            elif "state" in message:
                # facts may have changed too: a fresh read, so the console's panel is current
                async for chunk in replay():
                    yield chunk


def _stream(events: AsyncIterator[str]) -> StreamingResponse:
    return StreamingResponse(events, media_type="text/event-stream", headers=SSE_HEADERS)


@router.get("/sessions/{session_id}/live")
async def citizen_events(
    session_id: str,
    request: Request,
    runtime: RuntimeDep,
    account: CurrentAccount,
    after: int = Query(default=0, ge=0),
) -> StreamingResponse:
    """The citizen's page: what the agent says (and notes about the hand-off), pushed."""
    actor = actor_of(account)
    await assistant_of(runtime).get(session_id, actor)  # 404 / 403 before the stream opens
    events = _session_events(request, runtime, session_id, actor, after, _pushed)
    return _stream(events)


@router.get("/agent/sessions/{session_id}/live")
async def agent_events(
    session_id: str,
    request: Request,
    runtime: RuntimeDep,
    agent: AgentAccount,
    after: int = Query(default=0, ge=0),
) -> StreamingResponse:
    """The agent's console: every line of the conversation and every change of the facts."""
    actor = actor_of(agent)
    await assistant_of(runtime).get(session_id, actor)
    # numbers masked (bot.staff_views): lines stored before masking may still hold them
    events = _session_events(request, runtime, session_id, actor, after, staff_line)
    return _stream(events)


async def _queue(runtime: Any, agent: Actor) -> QueueResponse:
    assistant = assistant_of(runtime)
    assert assistant.live is not None
    desk = assistant.live
    return QueueResponse(
        sessions=await assistant.queue_entries(agent),
        open_now=desk.hours.is_open(desk.now()),
        hours=desk.hours.describe(),
    )


@router.get("/agent/handoffs", response_model=QueueResponse)
async def handoffs(runtime: RuntimeDep, agent: AgentAccount) -> QueueResponse:
    return await _queue(runtime, actor_of(agent))


@router.get("/agent/handoffs/live")
async def queue_events(
    request: Request, runtime: RuntimeDep, agent: AgentAccount
) -> StreamingResponse:
    """The queue, pushed again whenever it changes (someone asks, is claimed, is handed back)."""
    actor = actor_of(agent)

    async def events() -> AsyncIterator[str]:
        async with _hub(runtime).listen(QUEUE_CHANNEL) as changes:
            yield _event("queue", (await _queue(runtime, actor)).model_dump())
            while not await request.is_disconnected():
                try:
                    await asyncio.wait_for(changes.get(), KEEPALIVE_SECONDS)
                except TimeoutError:
                    yield ": keep-alive\n\n"
                    continue
                while not changes.empty():  # a burst of changes: one fresh list
                    changes.get_nowait()
                yield _event("queue", (await _queue(runtime, actor)).model_dump())

    return _stream(events())


@router.post("/agent/handoffs/{session_id}/claim")
async def claim(session_id: str, runtime: RuntimeDep, agent: AgentAccount) -> Any:
    session = await assistant_of(runtime).claim(session_id, actor_of(agent))
    return {"session_id": session.id, "state": state_json(session)}


@router.post("/agent/sessions/{session_id}/say")
async def say(session_id: str, body: SayRequest, runtime: RuntimeDep, agent: AgentAccount) -> Any:
    session = await assistant_of(runtime).agent_says(session_id, actor_of(agent), body.text)
    return {"seq": session.transcript_seq}


@router.post("/agent/handoffs/{session_id}/release")
async def release(session_id: str, runtime: RuntimeDep, agent: AgentAccount) -> Any:
    """Hand the citizen back to the bot: their page asks the pending question again."""
    session = await assistant_of(runtime).release_handoff(session_id, actor_of(agent))
    return {"session_id": session.id, "state": state_json(session)}
