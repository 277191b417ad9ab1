"""Check functions, registered explicitly by id: `@check("income_below_dibao_standard")`.

A check is a pure function `(ctx, **args) -> CheckResult`, named for what it decides. The ids
are the clause ids that guides/data/regions/*.yml use in each condition's structured rule.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from guides.screening.context import Context
from guides.screening.result import CheckResult

CheckFn = Callable[..., CheckResult]
CHECKS: dict[str, CheckFn] = {}


def check(check_id: str) -> Callable[[CheckFn], CheckFn]:
    def register(fn: CheckFn) -> CheckFn:
        if check_id in CHECKS:
            raise ValueError(f"check {check_id} registered twice")
        CHECKS[check_id] = fn
        return fn

    return register


def run_check(check_id: str, ctx: Context, args: dict[str, Any]) -> CheckResult:
    return CHECKS[check_id](ctx, **args)
