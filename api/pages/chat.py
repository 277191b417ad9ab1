"""The H5 chat page for citizens (in a mini-program web-view or a phone browser).

Server-rendered shell plus a little vanilla JavaScript (static/chat.js) calling the JSON API
(/api/v1/auth/guest, /api/v1/sessions...). The mini-program may pass its token in the URL
fragment (#token=...), which never reaches the server or its logs.
"""

from __future__ import annotations

from fastapi import APIRouter, Response

from api.deps import RuntimeDep
from api.pages.web import REGIONS, PageRoute, render

router = APIRouter(route_class=PageRoute, include_in_schema=False)


@router.get("/h5")
async def chat_page(runtime: RuntimeDep, region: str | None = None) -> Response:
    settings = runtime.settings
    enabled = [r for r in settings.regions_enabled if r in REGIONS] or list(REGIONS)
    chosen = region if region in enabled else settings.default_region
    return render(
        "chat.html",
        regions_enabled=[(r, REGIONS[r]) for r in enabled],
        region=chosen or "",
        guest_login=settings.guest_login,
    )
