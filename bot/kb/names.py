"""Region and item ids from what an editor writes in a spreadsheet: the id itself, the official
Chinese name, or a common short name (甘肃 / 甘肃省, 低保 / 最低生活保障).

Names come from the existing glossary: guides.ids.REGION_LABELS, the item names of the region
guides (guides.catalog) and the lexicon (nlu.lexicon). For regions only names that are part of
the official label count (甘肃, 宁夏自治区, 济南历城), not city names (兰州 is a city, not the
whole province).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from guides.catalog import all_guides
from guides.ids import REGION_LABELS, ItemId, RegionId
from nlu.lexicon import item_names, region_names

ALL_REGIONS = "all"
ALL_NAMES = ("all", "全部", "全部地区", "所有地区", "全国", "不限")
_BRACKETS = re.compile(r"[（(]([^）)]*)[）)]")


def _key(name: str) -> str:
    return "".join(unicodedata.normalize("NFKC", name).lower().split())


def _within(name: str, label: str) -> bool:
    """The name's characters appear in the label in order: 宁夏自治区 in 宁夏回族自治区."""
    rest = iter(label)
    return all(ch in rest for ch in name)


@cache
def _regions() -> dict[str, str]:
    table = {_key(n): ALL_REGIONS for n in ALL_NAMES}
    for region in RegionId:
        label = REGION_LABELS[region]
        names = [region.value, label, *(n for n in region_names(region) if _within(n, label))]
        table.update({_key(n): region.value for n in names})
    return table


@cache
def _items() -> dict[str, ItemId]:
    names: dict[ItemId, list[str]] = {i: [i.value, *item_names(i)] for i in ItemId}
    for guide in all_guides().values():
        for guide_item in guide.items:
            label = guide_item.name  # 最低生活保障（低保）: the label, its outside, its inside
            names[guide_item.id] += [label, _BRACKETS.sub("", label), *_BRACKETS.findall(label)]
    table: dict[str, ItemId] = {}
    ambiguous: set[str] = set()
    for item, words in names.items():
        for word in words:
            key = _key(word)
            if key and table.get(key, item) != item:
                ambiguous.add(key)
            table.setdefault(key, item)
    return {k: v for k, v in table.items() if k not in ambiguous}


def region_id(name: str) -> str | None:
    """The region id (or "all") a name stands for; None when it is not a region we serve."""
    return _regions().get(_key(name))


def item_id(name: str) -> ItemId | None:
    return _items().get(_key(name))


def region_examples() -> str:
    return "、".join([*(REGION_LABELS[r] for r in RegionId), "全部地区"])
