"""An item the region does not offer, named by its programme's name, stands for the region's
item that does its job: 宁夏 and 历城 have no 就业救助, their job help is 就业困难人员认定 (seed 001
三（七）; seed 004 服务指南 三 1). Everyday words ("找工作") name no item there."""

from __future__ import annotations

import pytest

from guides.catalog import guide_for
from guides.ids import ItemId, RegionId
from nlu.lexicon import find_items, offered_items


def _named(region: str, text: str) -> list[ItemId]:
    return offered_items(find_items(text), guide_for(RegionId(region)).item_ids, text)


@pytest.mark.parametrize("region", ["ningxia", "jinan-licheng"])
def test_job_help_by_name_is_the_regions_employment_item(region: str) -> None:
    assert _named(region, "听说有就业援助，我儿子这种能帮着找个工作不") == [
        ItemId.EMPLOYMENT_DIFFICULTY
    ]


def test_where_the_item_is_offered_it_is_itself() -> None:
    assert _named("gansu", "听说有就业援助，能帮着找个工作不") == [ItemId.EMPLOYMENT_AID]


@pytest.mark.parametrize("region", ["ningxia", "jinan-licheng"])
def test_everyday_words_name_no_item_where_it_is_not_offered(region: str) -> None:
    assert _named(region, "我想找个工作，还想学个技术") == []
