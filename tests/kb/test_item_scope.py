"""An entry about social assistance as a whole (its question names none of its items) answers
a question about one item when the KB has nothing more specific, and gives way to the item's
own entry when it has. The questions are written for these tests."""

from __future__ import annotations

import pytest

from nlu.retrieval import KnowledgeIndex


@pytest.mark.parametrize(
    ("question", "region", "expected"),
    [
        # the item's own entry, not the general materials list
        ("俺家想办低保，去乡镇交申请之前得准备好哪些材料呀", "shanxi", "shanxi-dibao-materials"),
        ("低保要准备的东西有哪些，山西的", "shanxi", "shanxi-dibao-materials"),
        ("村里让我给我妈申请特困，山西这边要准备什么证件", "shanxi", "shanxi-tekun-materials"),
        # no 低保 entry on fees: the general one, although it lists no 低保
        ("听说办低保得给村上的人塞钱，山西这边办低保真的要掏钱吗", "shanxi", "shanxi-fees"),
    ],
)
def test_the_most_specific_entry_answers(
    seed_index: KnowledgeIndex, question: str, region: str, expected: str
) -> None:
    hit = seed_index.top(question, region)
    assert hit is not None and hit.entry_id == expected
