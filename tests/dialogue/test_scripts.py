"""Every conversation script in dialogue/scripts runs through the real Assistant and Redis."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import pytest

from bot.assistant import Assistant
from dialogue.scripting import Runner, Script, load_scripts

SCRIPTS = load_scripts()


def test_there_are_enough_scripts() -> None:
    assert len(SCRIPTS) >= 30
    assert {s.region for s in SCRIPTS} == {"gansu", "ningxia", "shanxi", "jinan-licheng"}


@pytest.mark.parametrize("script", SCRIPTS, ids=[s.name for s in SCRIPTS])
def test_script(script: Script, make_assistant: Callable[[], Assistant], redis_server: Any) -> None:
    async def restart_redis() -> None:
        await asyncio.to_thread(redis_server.restart)

    async def main() -> None:
        runner = Runner(make_assistant, restart_redis)
        await runner.run(script)

    asyncio.run(main())
