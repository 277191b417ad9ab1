"""The caveat for an estimated (unverified) number, naming the department that publishes it."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

from guides.params import ResolvedParameter

DATA = Path(__file__).resolve().parents[1] / "data" / "publishers.yml"
DEFAULT_PUBLISHER = "民政部门"


@cache
def publishers() -> dict[str, str | None]:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    found: dict[str, str | None] = data["publishers"]
    return found


def caveat(param: ResolvedParameter) -> str | None:
    if param.verified:
        return None
    publisher = publishers().get(param.name, DEFAULT_PUBLISHER)
    if publisher is None:
        return None
    return (
        f"{param.description}按{param.value:g}{param.unit}估算，以当地{publisher}公布的标准为准"
        f"（这是{param.scope()}的估算数，还没有核实到正式文件）。"
    )
