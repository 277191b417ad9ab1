"""Dated parameters (低保标准 …): every value has a date, a source and a verified flag.

A new value adds an entry with a later `effective_from`; history is never overwritten, so any
past answer can be reproduced with `Parameters.at(...)` on its date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, model_validator

from guides.errors import ParameterNotFound
from guides.sources import SourceRef
from guides.yamlio import load_model

DATA = Path(__file__).parent / "data" / "parameters.yml"
ALL_REGIONS = "all"


class ParameterValue(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    region: str = ALL_REGIONS  # a region id, or "all"
    variant: str | None = None  # e.g. "urban" / "rural"
    effective_from: dt.date
    value: float
    verified: bool
    source: SourceRef
    note: str | None = None

    @model_validator(mode="after")
    def _unverified_needs_note(self) -> ParameterValue:
        if not self.verified and not self.note:
            raise ValueError("an unverified value needs a note saying why and what to check")
        return self


class Parameter(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    description: str
    unit: str  # e.g. 元/月, 倍, 岁, %
    period: str | None = None  # month / year / None
    history: list[ParameterValue] = Field(min_length=1)


class ParameterFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    parameters: dict[str, Parameter]


@dataclass(frozen=True)
class ResolvedParameter:
    """A value as used in one decision, with everything needed to cite it."""

    name: str
    description: str
    value: float
    unit: str
    verified: bool
    effective_from: dt.date
    source: SourceRef
    note: str | None

    def caveat(self) -> str | None:
        """The sentence every result that used an unverified value must carry."""
        if self.verified:
            return None
        return f"{self.description}按{self.value:g}{self.unit}估算，以当地民政部门公布的标准为准。"


class Parameters:
    def __init__(self, data: ParameterFile) -> None:
        self._data = data

    def names(self) -> list[str]:
        return list(self._data.parameters)

    def parameter(self, name: str) -> Parameter:
        return self._data.parameters[name]

    def at(
        self, name: str, region: str, on: dt.date, variant: str | None = None
    ) -> ResolvedParameter:
        """The value in force on `on`: region-specific before "all", variant before none."""
        parameter = self._data.parameters.get(name)
        if parameter is None:
            raise ParameterNotFound(name, region, variant, on.isoformat())
        for wanted_region in (region, ALL_REGIONS):
            for wanted_variant in (variant, None) if variant else (None,):
                candidates = [
                    v
                    for v in parameter.history
                    if v.region == wanted_region
                    and v.variant == wanted_variant
                    and v.effective_from <= on
                ]
                if candidates:
                    best = max(candidates, key=lambda v: v.effective_from)
                    return ResolvedParameter(
                        name=name,
                        description=parameter.description,
                        value=best.value,
                        unit=parameter.unit,
                        verified=best.verified,
                        effective_from=best.effective_from,
                        source=best.source,
                        note=best.note,
                    )
        raise ParameterNotFound(name, region, variant, on.isoformat())


@cache
def parameters(path: Path = DATA) -> Parameters:
    return Parameters(load_model(path, ParameterFile))
