"""Dated parameters (低保标准 …): every value has a date, a source and a verified flag.

A new value adds an entry with a later `effective_from`; history is never overwritten, so any
past answer can be reproduced with `Parameters.at(...)` on its date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from guides.errors import ParameterNotFound
from guides.ids import RegionId
from guides.places import REGION_ROOTS, places
from guides.sources import SourceRef
from guides.yamlio import load_model

DATA = Path(__file__).parent / "data" / "parameters.yml"
ALL_REGIONS = "all"
Level = Literal["county", "city", "province", "national"]
LEVEL_LABELS: dict[Level, str] = {
    "county": "县（区）",
    "city": "市（州）",
    "province": "全省（区）",
    "national": "全国",
}
VARIANT_LABELS = {"urban": "城市", "rural": "农村"}
_REGION_IDS = {r.value for r in RegionId}


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
    label: str | None = None  # short name for citations: 低保标准
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
    region: str = ALL_REGIONS  # the region the value was published for ("all": national)
    variant: str | None = None
    label: str | None = None

    @property
    def level(self) -> Level:
        """Which level the value came from: county, city, province (region) or national."""
        if self.place is not None:
            return "city" if self.place.endswith("00") else "county"
        return "national" if self.region == ALL_REGIONS else "province"

    def scope(self) -> str:
        """Where the value was published: 兰州市, 兰州市城关区, 甘肃省, 全国."""
        if self.place is not None:
            return places().full_name(self.place)
        if self.region == ALL_REGIONS:
            return "全国"
        root = REGION_ROOTS.get(RegionId(self.region)) if self.region in _REGION_IDS else None
        return places().full_name(root) if root else self.region

    def caveat(self) -> str | None:
        """The sentence every result that used an unverified value must carry."""
        return self._caveat

    def basis(self) -> str:
        """What the result used, with its source: 按兰州市城市低保标准 780 元/月（兰民发〔2025〕
        12号，2025年7月1日起执行）. Unverified values keep the estimate wording."""
        return self._basis

    # Computed once per resolved value (screening reuses resolved values across households).
    @cached_property
    def _caveat(self) -> str | None:
        if self.verified:
            return None
        return (
            f"{self.description}按{self.value:g}{self.unit}估算，以当地民政部门公布的标准为准"
            f"（这是{self.scope()}的估算数，还没有核实到正式文件）。"
        )

    @cached_property
    def _basis(self) -> str:
        if not self.verified:
            return self.caveat() or ""
        variant = VARIANT_LABELS.get(self.variant or "", "")
        name = self.label or self.description
        source = self.source.document or self.source.cite()
        since = (
            f"{self.effective_from.year}年{self.effective_from.month}月{self.effective_from.day}日"
        )
        return (
            f"按{self.scope()}{variant}{name} {self.value:g} {self.unit}（{source}，{since}起执行）"
        )


class Parameters:
    def __init__(self, data: ParameterFile) -> None:
        self._data = data
        self._differs: dict[tuple[str, str, dt.date, str | None], bool] = {}

    @property
    def data(self) -> ParameterFile:
        return self._data

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
                        region=best.region,
                        variant=best.variant,
                        label=parameter.label,
                    )
        raise ParameterNotFound(name, region, variant, on.isoformat())

    def differs_by_place(
        self, name: str, region: str, on: dt.date, variant: str | None = None
    ) -> bool:
        """True when some city or county of the region has its own value in force on `on` that
        differs from the region's: then the household's place can change an outcome."""
        key = (name, region, on, variant)
        found = self._differs.get(key)
        if found is None:
            found = self._differs[key] = self._differs_by_place(name, region, on, variant)
        return found

    def places_with_values(self, name: str, region: str) -> list[str]:
        """The cities and counties of the region that ever had their own value of `name`."""
        parameter = self._data.parameters.get(name)
        if parameter is None:
            return []
        found = {v.place for v in parameter.history if v.region == region and v.place}
        return sorted(p for p in found if p)

    def _differs_by_place(self, name: str, region: str, on: dt.date, variant: str | None) -> bool:
        parameter = self._data.parameters.get(name)
        if parameter is None:
            return False
        coded = {
            v.place
            for v in parameter.history
            if v.region == region and v.place is not None and v.variant in (variant, None)
        }
        if not coded:
            return False
        try:
            base = self.at(name, region, on, variant).value
        except ParameterNotFound:
            return True
        return any(self.at(name, region, on, variant, place=p).value != base for p in coded)


def place_chain(place: str | None) -> list[str]:
    """A GB/T 2260 code and its city, most specific first: 620102 -> [620102, 620100]."""
    if not place:
        return []
    city = place[:4] + "00"
    return [place] if place == city else [place, city]


@cache
def parameters(path: Path = DATA) -> Parameters:
    return Parameters(load_model(path, ParameterFile))


# Where screening gets its parameters when the caller passes none: the YAML file, unless a
# service installed a live source (bot/params: the published values from the database, cached
# and rebuilt when staff publish). guides never sees the database, only this callable.
_source: Callable[[], Parameters] | None = None


def use_source(source: Callable[[], Parameters] | None) -> None:
    """Install (or, with None, remove) the live parameter source of this process."""
    global _source
    _source = source


def current_parameters() -> Parameters:
    return _source() if _source is not None else parameters()
