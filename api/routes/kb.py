"""GET /api/v1/kb/search: ranked knowledge-base entries with score, confidence and source."""

from __future__ import annotations

import asyncio
from typing import Any

from fastapi import APIRouter, Query
from pydantic import BaseModel

from api.deps import RuntimeDep
from api.metrics import KB_QUERIES
from bot.kb.service import KnowledgeService

router = APIRouter(prefix="/api/v1/kb", tags=["knowledge base"])


class KbHit(BaseModel):
    id: str
    question: str
    answer: str
    regions: list[str]
    items: list[str]
    source: str
    score: float
    confidence: float
    in_region: bool


class KbPhone(BaseModel):
    number: str
    purpose: str


class KbMoreAnswer(BaseModel):
    """The answer to a second request in the same message (at most one more)."""

    answered: bool
    answer: str
    entry_id: str | None
    source: str | None
    suggestions: list[str] = []


class KbSearchResponse(BaseModel):
    query: str
    region: str | None
    answered: bool
    answer: str
    hits: list[KbHit]
    # On a decline (answered false): up to three "您是不是想问" questions, the phone to call and
    # whether to offer 转人工. Empty / null / false when answered.
    suggestions: list[str] = []
    phone: KbPhone | None = None
    handoff: bool = False
    more: list[KbMoreAnswer] = []
    confident_at: float = 0.0  # a hit below this confidence may not answer the question
    source: str | None = None  # what the answer cites (an entry's source or a document)


def kb_search(
    service: KnowledgeService,
    q: str,
    region: str | None,
    k: int,
    *,
    record: bool = True,
    place: str | None = None,
) -> KbSearchResponse:
    """The answer and ranked hits; `record` queues an unanswered question for the editors."""
    reply, *others = service.ask_each(q, region, record=record, place=place)
    out = [
        KbHit(
            id=content.id,
            question=content.question,
            answer=content.answer,
            regions=list(content.regions),
            items=[i.value for i in content.items],
            source=content.source.cite(),
            score=round(hit.score, 4),
            confidence=round(hit.confidence, 4),
            in_region=hit.in_region,
        )
        for hit, content in service.ranked(q, region, k)
    ]
    return KbSearchResponse(
        query=q,
        region=reply.region,
        answered=reply.status == "answered",
        answer=reply.text,
        hits=out,
        suggestions=list(reply.suggestions),
        phone=KbPhone(number=reply.phone.number, purpose=reply.phone.purpose)
        if reply.phone
        else None,
        handoff=reply.handoff,
        confident_at=service.threshold,
        source=reply.citation,
        more=[
            KbMoreAnswer(
                answered=o.status == "answered",
                answer=o.text,
                entry_id=o.entry_id,
                source=o.citation,
                suggestions=list(o.suggestions),
            )
            for o in others
        ],
    )


@router.get("/search", response_model=KbSearchResponse)
async def search(
    runtime: RuntimeDep,
    q: str = Query(min_length=1, max_length=200),
    region: str | None = Query(default=None, max_length=32),
    k: int = Query(default=5, ge=1, le=20),
    place: str | None = Query(default=None, pattern=r"^\d{6}$"),
) -> Any:
    service: KnowledgeService = runtime.services["kb"]
    result = await asyncio.to_thread(kb_search, service, q, region, k, place=place)
    KB_QUERIES.labels("answered" if result.answered else "uncertain").inc()
    return result
