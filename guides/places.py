"""Places: the administrative divisions of our regions with GB/T 2260 codes (data/places.yml).

A household's `place` is the code of its county/district (or of a city without districts, like
嘉峪关市). Parameters resolve county -> city -> province (guides/params.py), so the place decides
which published standard applies.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict

from guides.ids import RegionId
from guides.yamlio import load_model

DATA = Path(__file__).parent / "data" / "places.yml"
Level = Literal["province", "city", "county"]
CODE_RE = re.compile(r"^\d{6}$")

# The province (or, for 历城区, the district itself) each region covers.
REGION_ROOTS: dict[RegionId, str] = {
    RegionId.GANSU: "620000",
    RegionId.NINGXIA: "640000",
    RegionId.SHANXI: "140000",
    RegionId.JINAN_LICHENG: "370112",
}
# A region that is one county: its households' place is known without asking.
FIXED_PLACE: dict[RegionId, str] = {RegionId.JINAN_LICHENG: "370112"}


class Place(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    code: str
    name: str
    level: Level
    kind: str  # 地级市, 自治州, 市辖区, 县, 县级市, 自治县 …


class PlaceSource(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    issuer: str
    title: str
    as_of: dt.date
    via: list[str]


class PlaceFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    source: PlaceSource
    places: list[Place]


class Places:
    def __init__(self, data: PlaceFile) -> None:
        self.source = data.source
        self._by_code = {p.code: p for p in data.places}

    def get(self, code: str) -> Place | None:
        return self._by_code.get(code)

    def city_of(self, code: str) -> Place | None:
        return self._by_code.get(code[:4] + "00")

    def region_of(self, code: str) -> RegionId | None:
        for region, root in REGION_ROOTS.items():
            if code == root or (root.endswith("0000") and code[:2] == root[:2]):
                return region
        return None

    def in_region(self, region: RegionId) -> list[Place]:
        """The region's cities and counties (not the province itself), in code order."""
        root = REGION_ROOTS[region]
        if not root.endswith("0000"):
            return [self._by_code[root]]
        return [p for c, p in sorted(self._by_code.items()) if c[:2] == root[:2] and c != root]

    def counties(self, region: RegionId) -> list[Place]:
        """Where a household can live: counties/districts, and cities that have none."""
        found = self.in_region(region)
        has_children = {p.code[:4] for p in found if p.level == "county"}
        return [p for p in found if p.level == "county" or p.code[:4] not in has_children]

    def has_counties(self, code: str) -> bool:
        return any(c != code and c[:4] == code[:4] for c in self._by_code)

    def full_name(self, code: str) -> str:
        """兰州市城关区; 嘉峪关市; 甘肃省 (province names are never prefixed)."""
        place = self._by_code.get(code)
        if place is None:
            return code
        if place.level != "county":
            return place.name
        city = self.city_of(code)
        return f"{city.name}{place.name}" if city is not None else place.name

    def find(self, text: str, region: RegionId) -> list[Place]:
        """Places of the region named in `text` (full or without its 市/县/区 suffix), most
        specific first; counties win over their city when both are named."""
        hits: list[Place] = []
        for place in self.in_region(region):
            if any(alias in text for alias in aliases(place.name)):
                hits.append(place)
        counties = [p for p in hits if p.level == "county"]
        return counties or hits


def aliases(name: str) -> tuple[str, ...]:
    """城关区 -> (城关区,); 榆中县 -> (榆中县, 榆中); 兰州市 -> (兰州市, 兰州)."""
    short = re.sub(
        r"(回族|藏族|土族|裕固族|哈萨克族|蒙古族|保安族|东乡族|撒拉族)+自治(州|县)$", "", name
    )
    short = re.sub(r"(市|县|区)$", "", short)
    if len(short) < 2 or short == name:
        return (name,)
    return (name, short)


@cache
def places(path: Path = DATA) -> Places:
    return Places(load_model(path, PlaceFile))
