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
    place: str | None = None  # GB/T 2260 code of a city (xxxx00) or county; None = whole region
    effective_from: dt.date
    effective_until: dt.date | None = None  # last day in force, when the notice gives one
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
    place: str | None = None  # the GB/T 2260 code the value was published for; None = region

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
        self,
        name: str,
        region: str,
        on: dt.date,
        variant: str | None = None,
        place: str | None = None,
    ) -> ResolvedParameter:
        """The value in force on `on`: county before city before region before "all",
        variant before none. `place` is the household's GB/T 2260 county (or city) code."""
        parameter = self._data.parameters.get(name)
        if parameter is None:
            raise ParameterNotFound(name, region, variant, on.isoformat())
        levels: list[tuple[str, str | None]] = [(region, c) for c in place_chain(place)]
        levels += [(region, None), (ALL_REGIONS, None)]
        for wanted_region, wanted_place in levels:
            for wanted_variant in (variant, None) if variant else (None,):
                candidates = [
                    v
                    for v in parameter.history
                    if v.region == wanted_region
                    and v.place == wanted_place
                    and v.variant == wanted_variant
                    and v.effective_from <= on
                    and (v.effective_until is None or on <= v.effective_until)
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
                        place=best.place,
                    )
        raise ParameterNotFound(name, region, variant, on.isoformat())


def place_chain(place: str | None) -> list[str]:
    """A GB/T 2260 code and its city, most specific first: 620102 -> [620102, 620100]."""
    if not place:
        return []
    city = place[:4] + "00"
    return [place] if place == city else [place, city]


@cache
def parameters(path: Path = DATA) -> Parameters:
    return Parameters(load_model(path, ParameterFile))
