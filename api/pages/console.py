"""The 12345 agent console: KB answers as the agent types, 帮办代办, the hand-off queue, 工单.

The page is for signed-in staff with the agent role; its JavaScript calls the JSON API with an
agent bearer token issued here for "agent:<username>" (same expiry as other API tokens).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Response

from api.auth import Account
from api.deps import RuntimeDep
from api.pages.web import REGIONS, PageRoute, Role, Staff, render

router = APIRouter(route_class=PageRoute, include_in_schema=False)
Agent = Annotated[Staff, Depends(Role("agent"))]


@router.get("/console")
async def console_page(staff: Agent, runtime: RuntimeDep) -> Response:
    token = runtime.tokens.issue(Account(id=f"agent:{staff.username}", kind="agent"))
    enabled = [r for r in runtime.settings.regions_enabled if r in REGIONS] or list(REGIONS)
    return render(
        "console.html",
        user=staff.user,
        csrf=staff.csrf,
        api_token=token,
        agent_account=f"agent:{staff.username}",
        regions_enabled=[(r, REGIONS[r]) for r in enabled],
        default_region=runtime.settings.default_region or "",
    )
