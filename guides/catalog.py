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
    """A clause id with no check function would silently weaken screening: refuse the file."""
    # Imported here: the screening engine itself loads guides through this module.
    from guides.screening import checks as _register  # noqa: F401
    from guides.screening.registry import CHECKS

    for item_index, item in enumerate(guide.items):
        if item.condition is None:
            continue
        rule = item.condition.rule
        located = [(f"all.{i}", spec) for i, spec in enumerate(rule.all)]
        located += [
            (f"variants.{v}.all.{i}", spec)
            for v, variant in enumerate(rule.variants)
            for i, spec in enumerate(variant.all)
        ]
        for where, spec in located:
            if spec.check not in CHECKS:
                raise GuideDataError(
                    path.name,
                    f"items.{item_index}.condition.rule.{where}",
                    f"unknown check id {spec.check!r} (item {item.id})",
                )


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
