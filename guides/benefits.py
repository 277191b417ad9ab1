"""What a recognised class (低保, 特困, 低保边缘, 刚性支出) may additionally receive.

Data: guides/data/benefits.yml (seed 003 三（一）–（五） for Gansu; the national 分层分类
意见 四 for every other region). Each entry completes the sentence
"认定为低保对象后，还可以……" and carries its source.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from guides.errors import UnknownRegionError
from guides.ids import HukouType, ItemId, RegionId
from guides.sources import SourceRef
from guides.yamlio import load_model

DATA = Path(__file__).parent / "data" / "benefits.yml"
ALL_REGIONS = "all"

Category = Literal[
    "basic_living", "medical", "education", "housing", "employment", "disaster", "emergency",
    "service", "other",
]  # fmt: skip

CATEGORY_LABELS: dict[str, str] = {
    "basic_living": "基本生活救助",
    "medical": "医疗救助",
    "education": "教育救助",
    "housing": "住房救助",
    "employment": "就业救助",
    "disaster": "受灾人员救助",
    "emergency": "急难社会救助",
    "service": "服务类社会救助",
    "other": "其他救助",
}

RECOGNISED_CLASSES = frozenset(
    {ItemId.DIBAO, ItemId.TEKUN, ItemId.DIBAO_EDGE, ItemId.RIGID_EXPENSE}
)


class Benefit(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str
    category: Category
    groups: list[ItemId] = Field(min_length=1)  # the recognised classes it is for
    regions: list[str] = Field(min_length=1)  # region ids, or ["all"]
    hukou: HukouType | None = None  # urban-only / rural-only entries (住房救助)
    # For someone seriously ill (or disabled) only: not shown to a household without one.
    only_if: Literal["serious_illness", "serious_illness_or_disability"] | None = None
    text: str  # completes "认定为……后，还可以……"
    source: SourceRef

    @field_validator("groups")
    @classmethod
    def _recognised_classes(cls, value: list[ItemId]) -> list[ItemId]:
        unknown = [g for g in value if g not in RECOGNISED_CLASSES]
        if unknown:
            raise ValueError(f"benefits are for recognised classes only, not {unknown}")
        return value

    @field_validator("regions")
    @classmethod
    def _known_regions(cls, value: list[str]) -> list[str]:
        known = {r.value for r in RegionId} | {ALL_REGIONS}
        unknown = [r for r in value if r not in known]
        if unknown:
            raise ValueError(f"unknown regions {unknown}")
        return value

    @property
    def category_label(self) -> str:
        return CATEGORY_LABELS[self.category]


class BenefitFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    benefits: list[Benefit]

    @field_validator("benefits")
    @classmethod
    def _unique_ids(cls, value: list[Benefit]) -> list[Benefit]:
        ids = [b.id for b in value]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"duplicate benefit ids {duplicates}")
        return value


@cache
def all_benefits(path: Path = DATA) -> BenefitFile:
    return load_model(path, BenefitFile)


def benefits_for(
    region: RegionId | str,
    item: ItemId | str,
    *,
    hukou: HukouType | None = None,
    data: BenefitFile | None = None,
) -> list[Benefit]:
    """What a household recognised as `item` in `region` may additionally receive.

    A region with entries of its own uses only those (Gansu: seed 003); every other region
    uses the national entries (regions: [all]). With `hukou`, entries for the other hukou type
    are left out; without it, both are kept (the reader tells them apart by `hukou`).
    """
    try:
        region_id = RegionId(region)
    except ValueError as exc:
        raise UnknownRegionError(str(region)) from exc
    benefits = (data or all_benefits()).benefits
    own = [b for b in benefits if region_id.value in b.regions]
    pool = own or [b for b in benefits if ALL_REGIONS in b.regions]
    return [
        b
        for b in pool
        if item in b.groups and (hukou is None or b.hukou is None or b.hukou == hukou)
    ]
