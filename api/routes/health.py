"""Liveness (/healthz: the process answers) and readiness (/readyz: Redis and database)."""

from __future__ import annotations

import asyncio

from fastapi import APIRouter, Response
from fastapi.responses import JSONResponse
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from sqlalchemy import Engine, text

from api.deps import RuntimeDep
from api.metrics import REGISTRY

router = APIRouter(tags=["health"])


@router.get("/healthz")
async def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz")
async def readyz(runtime: RuntimeDep) -> JSONResponse:
    if not runtime.ready:
        status = "failed" if runtime.startup_error else "starting"
        body = {"status": status, "waiting_for": list(runtime.waiting_for)}
        if runtime.startup_error:
            body["error"] = runtime.startup_error
        return JSONResponse(body, status_code=503)
    checks: dict[str, str] = {}
    try:
        await runtime.redis.ping()
        checks["redis"] = "ok"
    except Exception as exc:  # any failure means not ready
        checks["redis"] = f"down: {type(exc).__name__}"
    try:
        await asyncio.to_thread(_select_one, runtime.db_engine)
        checks["database"] = "ok"
    except Exception as exc:
        checks["database"] = f"down: {type(exc).__name__}"
    ready = all(v == "ok" for v in checks.values())
    return JSONResponse({"status": "ok" if ready else "unavailable", "checks": checks},
                        status_code=200 if ready else 503)  # fmt: skip


def _select_one(engine: Engine) -> None:
    with engine.connect() as connection:
        connection.execute(text("SELECT 1"))


@router.get("/metrics", include_in_schema=False)
async def metrics() -> Response:
    return Response(generate_latest(REGISTRY), media_type=CONTENT_TYPE_LATEST)
