"""Loads every region guide once; a malformed file stops start-up with file + path + problem."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from guides.errors import GuideDataError, UnknownRegionError
from guides.ids import RegionId
from guides.schema import Guide
from guides.yamlio import load_model

REGIONS_DIR = Path(__file__).parent / "data" / "regions"


def load_guide(path: Path) -> Guide:
    guide = load_model(path, Guide)
    if guide.region.value != path.stem:
        raise GuideDataError(path.name, "region", f"region {guide.region} must match file name")
    return guide


@cache
def all_guides(directory: Path = REGIONS_DIR) -> dict[RegionId, Guide]:
    guides = {}
    for path in sorted(directory.glob("*.yml")):
        guide = load_guide(path)
        guides[guide.region] = guide
    return guides


def guide_for(region: RegionId | str) -> Guide:
    try:
        region_id = RegionId(region)
    except ValueError as exc:
        raise UnknownRegionError(str(region)) from exc
    guides = all_guides()
    if region_id not in guides:
        raise UnknownRegionError(str(region))
    return guides[region_id]
