"""What an answer gives: a `Value` (with whether it is an estimate, and more member facts),
or `DONT_KNOW` ("不知道/不清楚" is an answer too)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Final


@dataclass(frozen=True)
class Value:
    value: Any
    is_estimate: bool = False
    # an estimate over a wide range ("好几万": 30,000 to 90,000); how it was said, not the value
    vague: bool = field(default=False, compare=False)
    extra: dict[str, Any] = field(default_factory=dict)  # more member facts (birth_date, sex)
    # a household-wide yes for the members named, and no for the rest ("孙子有，别人都没有")
    others_no: bool = False
    # the facts of the question it settles, when it names only some ("都不找工作" to 找工作
    # 或者培训: the job, not the training); empty: all of them
    only: tuple[str, ...] = ()


class _DontKnow:
    def __repr__(self) -> str:
        return "DONT_KNOW"


DONT_KNOW: Final = _DontKnow()
Answer = Value | _DontKnow
