"""Agent-console JSON routes (hotline agents only): a search that does not fill the unanswered
queue as the agent types, logging a question as a 工单 into that queue on purpose, and a
handed-off session's overview (the summary in Chinese) and resume (ask the pending question)."""

from __future__ import annotations

import asyncio
from typing import Any

from fastapi import APIRouter, Query
from fastapi.encoders import jsonable_encoder
from pydantic import BaseModel, Field

from api.deps import AgentAccount, RuntimeDep
from api.routes.kb import KbSearchResponse, kb_search
from api.routes.sessions import actor_of, assistant_of, reply_json, state_json
from bot.kb.service import KnowledgeService
from bot.staff_views import staff_line
from dialogue.ending import summary
from dialogue.questions import question_bank
from guides.ids import RegionId

router = APIRouter(prefix="/api/v1/agent", tags=["agent console"])


@router.get("/kb/search", response_model=KbSearchResponse)
async def search(
    runtime: RuntimeDep,
    agent: AgentAccount,
    q: str = Query(min_length=1, max_length=200),
    region: RegionId | None = None,
    k: int = Query(default=5, ge=1, le=10),
) -> Any:
    service: KnowledgeService = runtime.services["kb"]
    # record=False: half-typed queries are not unanswered questions (agents log a 工单 instead)
    region_id = region.value if region else None
    return await asyncio.to_thread(kb_search, service, q, region_id, k, record=False)


class TicketRequest(BaseModel):
    text: str = Field(min_length=2, max_length=500)
    region: RegionId | None = None


@router.post("/tickets")
async def log_ticket(body: TicketRequest, runtime: RuntimeDep, agent: AgentAccount) -> Any:
    """An unanswered caller question, logged by an agent (personal data is stripped)."""
    service: KnowledgeService = runtime.services["kb"]
    region = body.region.value if body.region else None
    question = await asyncio.to_thread(service.unanswered.record, body.text, region)
    return {"id": question.id, "text": question.text, "times_asked": question.times_asked}


@router.get("/sessions/{session_id}/overview")
async def overview(session_id: str, runtime: RuntimeDep, agent: AgentAccount) -> Any:
    """What the citizen has said so far, in the summary's Chinese words (for the console); only
    for the agent handling the session, numbers masked (bot.staff_views)."""
    session = await assistant_of(runtime).get(session_id, actor_of(agent))
    told = summary(session, question_bank())
    return {
        "session_id": session.id,
        "state": state_json(session),
        "summary": reply_json(told),
        "transcript": jsonable_encoder([staff_line(line) for line in session.transcript]),
    }


@router.post("/sessions/{session_id}/resume")
async def resume(session_id: str, runtime: RuntimeDep, agent: AgentAccount) -> Any:
    """Pick up where the citizen stopped: the pending question is asked again."""
    result = await assistant_of(runtime).resume(session_id, actor_of(agent))
    return {"replies": [reply_json(r) for r in result.replies], "state": state_json(result.state)}
