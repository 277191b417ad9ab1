"""Other places are recognised as words of the message, not as substrings of other words."""

from __future__ import annotations

import pytest

from nlu.places import other_place
from nlu.retrieval import KnowledgeIndex


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("我在北京市朝阳区打工，那边低保怎么申请", "北京"),
        ("广州人在宁夏能办吗", None),  # names one of ours too: the region logic applies
        ("回西安老家办低保要什么材料", "西安"),
        ("我是四川人，在外地能不能申请救助", "四川"),
        ("河南省的低保标准是多少", "河南"),
        ("我女儿嫁到广东了，她那边临时救助找谁", "广东"),
        ("上海的低保一个月多少钱", "上海"),
    ],
)
def test_a_place_said_as_a_word_is_found(text: str, place: str | None) -> None:
    assert other_place(text) == place


@pytest.mark.parametrize(
    "text",
    [
        "今年下冰雹，把收成都打没了，有没有救助",  # 收成/都, not 成都
        "我们村在山上海拔高，冬天取暖有补贴吗",  # 山上/海拔, not 上海
        "我想问问低保的条件",
    ],
)
def test_a_place_inside_another_word_is_not_a_place(text: str) -> None:
    assert other_place(text) is None


def test_the_search_goes_on_past_a_name_inside_another_word() -> None:
    assert other_place("今年收成都不好，我在成都打工，那边能申请救助吗") == "成都"


@pytest.mark.parametrize(
    ("text", "region", "place"),
    [
        ("我是宁夏的，在北京干活，北京那边低保咋申请", "ningxia", "北京"),
        ("我是银川的，我姐在西安，西安公租房咋申请", None, "西安"),
    ],
)
def test_a_question_about_another_place_is_declined_though_the_story_names_ours(
    seed_index: KnowledgeIndex, text: str, region: str | None, place: str
) -> None:
    # The asking clause names the other place; our region in the story must not make the
    # other place's question one about ours.
    (answer,) = seed_index.answers(text, region)
    assert answer.status == "uncertain" and answer.entry is None
    assert answer.message is not None and f"您问的是{place}的政策" in answer.message


def test_a_question_about_ours_with_another_place_in_the_story_is_still_ours(
    seed_index: KnowledgeIndex,
) -> None:
    answer = seed_index.answer("我在上海打工，老家是庆阳的，家里老人想申请低保，要啥条件", None)
    assert answer.entry is not None and answer.entry.entry_id == "gansu-dibao-conditions"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("我在昆山的电子厂上班，那边的低保咋申请", "昆山"),
        ("浦东那边困难家庭有没有临时救助", "浦东"),
        ("俺闺女在义乌做小生意，她那儿公租房好申请不", "义乌"),
        ("我舅在库尔勒住，那边特困供养一个月给多少", "库尔勒"),
    ],
)
def test_a_county_level_city_or_a_district_is_another_place(
    seed_index: KnowledgeIndex, text: str, place: str
) -> None:
    assert other_place(text) == place
    (answer,) = seed_index.answers(text, "gansu")
    # declined, or answered with the national rule (特困供养标准: set locally): never ours
    assert answer.entry is None or answer.entry.regions == ("all",)
    assert answer.message is not None and f"您问的是{place}" in answer.message


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("俺妈住在章丘 章丘的低保标准是多少", "章丘"),
        ("长清区那边的临时救助去哪申请", "长清"),
    ],
)
def test_another_district_of_jinan_is_not_licheng(
    seed_index: KnowledgeIndex, text: str, place: str
) -> None:
    # 历城 is one district of 济南: the others' rules are not 历城's
    assert other_place(text) == place
    (answer,) = seed_index.answers(text, "jinan-licheng")
    assert answer.entry is None or answer.entry.regions == ("all",)
    assert answer.message is not None and f"您问的是{place}" in answer.message
