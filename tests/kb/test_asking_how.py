"""How callers ask how to apply: "咋弄" / "怎么弄" after a programme is its procedure (not a bare
怎么), and "怎么申请" / "在哪申请" are one question to someone who has not applied yet, so an
entry on either answers both. Questions written for these tests, not taken from any evaluation
or development set."""

from __future__ import annotations

import pytest

from nlu.retrieval import KnowledgeIndex, kindred_aspects


@pytest.mark.parametrize(
    ("text", "region", "entry"),
    [
        ("临时救助咋个弄", "gansu", "gansu-temporary-aid-apply"),
        ("特困供养咋弄", "shanxi", "shanxi-tekun-apply"),
        ("危房改造怎么弄", "shanxi", "shanxi-rural-housing-auto"),
    ],
)
def test_how_to_do_it_after_a_programme_asks_its_procedure(
    seed_index: KnowledgeIndex, text: str, region: str, entry: str
) -> None:
    answer = seed_index.answer(text, region)
    assert answer.status == "answered" and answer.entry is not None, answer.confidence
    assert answer.entry.entry_id == entry


def test_how_and_where_to_apply_are_asked_as_one() -> None:
    assert kindred_aspects(frozenset({"流程"})) == {"流程", "渠道"}
    assert kindred_aspects(frozenset({"渠道"})) == {"流程", "渠道"}
    assert kindred_aspects(frozenset({"材料"})) == {"材料"}


def test_where_to_apply_answers_how_to_apply(seed_index: KnowledgeIndex) -> None:
    # 甘肃's entry asks "在哪里申请"; the caller asks "怎么申请"
    answer = seed_index.answer("公租房怎么申请", "gansu")
    assert answer.status == "answered" and answer.entry is not None, answer.confidence
    assert answer.entry.entry_id == "gansu-public-rental-apply"


@pytest.mark.parametrize(
    "text", ["俺兄弟让车撞了 能申请临时救助不", "男人骑电动车被车撞了 能给临时救助不"]
)
def test_an_accident_said_as_it_happened_is_the_entries_traffic_accident(
    seed_index: KnowledgeIndex, text: str
) -> None:
    answer = seed_index.answer(text, "jinan-licheng")
    assert answer.status == "answered" and answer.entry is not None, answer.confidence
    assert answer.entry.entry_id == "jinan-licheng-temporary-emergency"
