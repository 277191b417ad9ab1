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
    _refuse_unknown_checks(path, guide)
    return guide


def _refuse_unknown_checks(path: Path, guide: Guide) -> None:
    """A clause id with no check function would silently weaken screening: refuse to load."""
    # Imported here: guides.screening imports this module to find the guides.
    from guides.screening import checks  # noqa: F401  (registers every check)
    from guides.screening.registry import CHECKS

    for index, item in enumerate(guide.items):
        if item.condition is None:
            continue
        rule = item.condition.rule
        places = [
            (f"items.{index}.condition.rule.all.{n}", spec) for n, spec in enumerate(rule.all)
        ]
        for v, variant in enumerate(rule.variants):
            places += [
                (f"items.{index}.condition.rule.variants.{v}.all.{n}", spec)
                for n, spec in enumerate(variant.all)
            ]
        for where, spec in places:
            if spec.check not in CHECKS:
                raise GuideDataError(path.name, where, f"unknown check id {spec.check!r}")


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
