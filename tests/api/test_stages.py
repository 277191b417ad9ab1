"""api.stages: the per-stage CPU clock of `api.replay --stages`."""

from __future__ import annotations

import asyncio
import sys
import types
from collections.abc import Iterator

import pytest

from api.stages import STAGES, Stages, watch_turn_stages


@pytest.fixture
def module() -> Iterator[types.ModuleType]:
    mod = types.ModuleType("stages_probe")

    def depth(n: int) -> int:
        return 0 if n == 0 else 1 + mod.depth(n - 1)

    class Worker:
        def double(self, x: int) -> int:
            return 2 * x

        async def later(self, x: int) -> int:
            await asyncio.sleep(0)
            return x + 1

    mod.depth = depth  # type: ignore[attr-defined]
    mod.Worker = Worker  # type: ignore[attr-defined]
    sys.modules[mod.__name__] = mod
    yield mod
    del sys.modules[mod.__name__]


def test_a_watched_function_is_counted_and_answers_as_before(module: types.ModuleType) -> None:
    stages = Stages()
    assert stages.watch("stages_probe", "depth", "depth")
    assert stages.watch("stages_probe", "Worker.double", "double")
    assert stages.watch("stages_probe", "Worker.later", "later")
    assert module.depth(5) == 5  # calls itself through the wrapper: counted once
    assert module.Worker().double(4) == 8
    assert asyncio.run(module.Worker().later(1)) == 2
    assert stages.calls == {"depth": 1, "double": 1, "later": 1}
    assert all(s >= 0 for s in stages.seconds.values())
    stages.reset()
    assert stages.calls == {"depth": 0, "double": 0, "later": 0}
    stages.restore()
    module.depth(3)
    assert stages.calls["depth"] == 0  # unwrapped


def test_what_is_not_there_is_left_out(module: types.ModuleType) -> None:
    stages = Stages()
    assert not stages.watch("stages_probe", "gone", "gone")
    assert not stages.watch("stages_probe", "Nobody.there", "there")
    assert stages.calls == {}


def test_every_stage_of_a_turn_is_found() -> None:
    """A renamed function would silently drop out of the report: its stage must be renamed."""
    stages = watch_turn_stages()
    try:
        assert list(stages.calls) == [label for _, _, label in STAGES]
        report = stages.report(turns=1, total_seconds=0.0)
        assert all(label in report for _, _, label in STAGES)
    finally:
        stages.restore()
