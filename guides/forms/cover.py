"""The cover sheet: what is still blank and where to get it, one list of materials, disclaimer."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from guides.catalog import guide_for
from guides.errors import ShejiuError
from guides.forms.spec import fields_data
from guides.household import Household
from guides.ids import ItemId
from guides.materials import materials_for
from guides.schema import Guide
from guides.screening.result import MaterialNeed

log = logging.getLogger(__name__)

DISCLAIMER = (
    "这是根据您提供的信息预先填好的申请表，不是审批结果。"
    "能不能享受救助，要由相关部门经过入户调查和家庭经济状况核对后认定。"
)
SIGN_NOTE = "请逐项核对；签名、按手印和日期请本人在窗口现场手写。"
NO_GUIDE = "本地区的材料清单暂时没有加载，请向乡镇（街道）窗口或拨打12345咨询要带哪些材料。"


@dataclass(frozen=True)
class Materials:
    required: tuple[MaterialNeed, ...] = ()
    optional: tuple[MaterialNeed, ...] = ()
    note: str | None = None
    warnings: tuple[str, ...] = field(default=())


def load_guide(household: Household) -> Guide | None:
    try:
        return guide_for(household.region)
    except ShejiuError as exc:
        log.warning("forms: no guide for region %s (%s)", household.region, type(exc).__name__)
        return None


def materials(household: Household, items: list[ItemId], guide: Guide | None) -> Materials:
    """The chosen items' materials split into 必备 and 视情况, each material once."""
    if guide is None:
        return Materials(note=NO_GUIDE)
    offered = [i for i in items if i in guide.item_ids]
    warnings = tuple(
        f"本地区办事指南中没有“{fields_data().item_labels.get(i, i)}”这一事项，它的材料请向窗口咨询。"
        for i in items
        if i not in guide.item_ids
    )
    if not offered:
        return Materials(note="还没有选择申请事项，暂时列不出材料。", warnings=warnings)
    needs = materials_for(guide, household, offered)
    return Materials(
        required=tuple(n for n in needs if n.required),
        optional=tuple(n for n in needs if not n.required),
        warnings=warnings,
    )


def item_names(items: list[ItemId], guide: Guide | None, fallback: dict[ItemId, str]) -> list[str]:
    names = []
    for item in items:
        if guide is not None and item in guide.item_ids:
            names.append(guide.item(item).name)
        else:
            names.append(fallback.get(item, str(item)))
    return names
