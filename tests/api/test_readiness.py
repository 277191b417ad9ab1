"""/readyz while start-up is still loading: 503 "starting" with what it waits for (issue 10)."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from api.routes.health import readyz
from api.runtime import build_runtime
from api.settings import load_settings


def test_readyz_says_starting_until_everything_is_loaded(redis_url: str, tmp_path: Path) -> None:
    settings = load_settings(
        environ={
            "SHEJIU_ENV": "test",
            "REDIS_URL": redis_url,
            "DATABASE_URL": f"sqlite:///{tmp_path / 'ready.db'}",
            "SECRET_KEY": "test-secret-key",
        }
    )

    async def main() -> None:
        runtime = build_runtime(settings)
        try:
            starting = await readyz(runtime)
            assert starting.status_code == 503
            body = json.loads(bytes(starting.body))
            assert body["status"] == "starting"
            assert "intent_model" in body["waiting_for"]
            runtime.waiting_for.clear()
            ready = await readyz(runtime)
            assert ready.status_code == 200
            assert json.loads(bytes(ready.body))["checks"] == {"redis": "ok", "database": "ok"}
            runtime.startup_error = "RuntimeError"
            failed = await readyz(runtime)
            assert failed.status_code == 503
            assert json.loads(bytes(failed.body))["status"] == "failed"
        finally:
            await runtime.close()

    asyncio.run(main())
