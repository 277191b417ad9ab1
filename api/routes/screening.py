"""POST /api/v1/screening: pre-screen a household given as JSON (no conversation needed)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter
from fastapi.encoders import jsonable_encoder
from pydantic import BaseModel, Field

from api.metrics import SCREENINGS
from guides.catalog import guide_for
from guides.household_input import parse_household
from guides.ids import ItemId
from guides.screening.engine import screen

router = APIRouter(prefix="/api/v1", tags=["screening"])


class ScreeningRequest(BaseModel):
    region: str = Field(max_length=32)
    household: dict[str, Any]
    items: list[ItemId] | None = None
    date: dt.date | None = None


@router.post("/screening")
async def screening(body: ScreeningRequest) -> dict[str, Any]:
    guide_for(body.region)  # unknown region -> 404 with a Chinese message
    household = parse_household({**body.household, "region": body.region})
    result = screen(household, items=body.items, on=body.date)
    for item in result.items:
        SCREENINGS.labels(item.item.value, item.outcome.value).inc()
    payload: dict[str, Any] = jsonable_encoder(result)
    for item, out in zip(result.items, payload["items"], strict=True):
        out["outcome_label"] = item.outcome_label
    return payload
