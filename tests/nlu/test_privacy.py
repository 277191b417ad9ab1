"""mask_free_text: names, addresses, birth dates and diagnoses go; the question stays readable."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from nlu.numerals import normalize_digits
from nlu.privacy import (
    ADDRESS,
    BIRTH_DATE,
    DIAGNOSIS,
    NAME,
    _mask_normalized,
    mask_free_text,
    mask_numbers,
)

NARRATIVE = (
    "你好，我叫张秀英，今年六十八，住在兰州市城关区东岗西路128号3单元502室，"
    "1956年3月12日出生，去年确诊了肺癌，电话13912345678，能申请医疗救助吗？"
)


def test_a_narrative_loses_every_personal_detail_and_keeps_its_question() -> None:
    masked = mask_free_text(NARRATIVE)
    for secret in ("张秀英", "东岗西路", "128号", "502室", "1956年3月12日", "肺癌", "13912345678"):
        assert secret not in masked
    for placeholder in (NAME, ADDRESS, BIRTH_DATE, DIAGNOSIS):
        assert placeholder in masked
    assert "兰州市城关区" in masked  # the region stays: editors need it
    assert masked.endswith("能申请医疗救助吗？")


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("我是李建国，家住历城区王舍人街道幸福花园5号楼2单元，想问低保", "李建国"),
        ("我是李建国，家住历城区王舍人街道幸福花园5号楼2单元，想问低保", "幸福花园"),
        ("本人王伟，想问特困怎么申请", "王伟"),
        ("我老伴生日是1950.5.6，能办特困吗", "1950.5.6"),
        ("孩子查出来是自闭症，有没有补助", "自闭症"),
        ("我儿子得了白血病，医保报完还欠很多", "白血病"),
        ("老人患有尿毒症每周透析", "尿毒症"),
        ("我叫王秀英", "王秀英"),
        ("我叫王秀英想问低保怎么申请", "王秀英"),
        ("我叫王伟想问特困", "王伟"),
        ("张大爷想问低保能不能补办", "张"),
        ("帮隔壁李阿姨问一下临时救助", "李"),
        ("欧阳大姐家里困难", "欧阳"),
        ("我妈王秀英八十了，能办高龄补贴吗", "王秀英"),
        ("来电人刘桂兰（女，68岁）问低保", "刘桂兰"),
        ("我是张建国的女儿，替他问", "张建国"),
        ("老王家孩子上大学能申请助学贷款吗", "王"),
    ],
)
def test_each_kind_of_personal_detail_is_masked(text: str, secret: str) -> None:
    assert secret not in mask_free_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "我是低保户，能不能同时申请临时救助",
        "我是外地来的，在太原租房",
        "低保一个月多少钱，三口人能拿多少",
        "我家两个孩子，一个上大学一个上初中",
        "甘肃的救助热线是12345吗",
        "我奶奶想问老大爷能不能办特困",
        "我是本村的，村里有个小孙子没人管",
        "语文老师说孩子可以申请助学金",
        "我妈有病，我爸今年七十",
    ],
)
def test_questions_without_personal_data_are_left_alone(text: str) -> None:
    assert mask_free_text(text) == text


@pytest.mark.parametrize(
    ("text", "placeholder"),
    [
        ("身份证 110105 19491231 002X", "[身份证号]"),
        ("身份证号110105194912310021", "[身份证号]"),
        ("电话138 1234 5678", "[电话]"),
        ("手机 138-1234-5678", "[电话]"),
        ("座机 0931 812 3456", "[电话]"),
        ("卡号 6222 0212 3456 7890 123", "[银行卡号]"),
        ("卡号6222-0212-3456-7890", "[银行卡号]"),
    ],
)
def test_grouped_personal_numbers_are_masked(text: str, placeholder: str) -> None:
    masked = mask_numbers(text)
    assert placeholder in masked
    assert not re.search(r"\d{3}", masked), masked


@pytest.mark.parametrize(
    "text",
    [
        "我家3口人，月收入2000元",
        "打12345问问",
        "我68岁，老伴70岁",
        "每月1000-2000元",
        "1958.3.12出生",
    ],
)
def test_other_numbers_stay_as_said(text: str) -> None:
    assert mask_numbers(text) == text


def test_free_text_masking_also_catches_grouped_ids() -> None:
    assert "19491231" not in mask_free_text("我身份证是110105 19491231 002X，能办低保吗")


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("住在通渭县平襄镇东关村三社，想问低保", ("平襄镇", "东关村", "三社")),
        ("俺家住海原县西安镇园河村，老伴透析", ("西安镇", "园河村")),
        ("俺是会宁县丁家沟乡杨崖集村的，能吃低保不", ("丁家沟乡", "杨崖集村")),
        ("老家西吉县兴隆镇单家集村二组的", ("兴隆镇", "单家集村", "二组")),
        ("我们是历城区华山街道幸福社区的", ("华山街道", "幸福社区")),
        ("现住历城区幸福小区3号楼2单元501，有啥补助", ("幸福小区", "501")),
    ],
)
def test_towns_villages_and_their_groups_are_addresses(text: str, secrets: tuple[str]) -> None:
    masked = mask_free_text(text)
    assert all(secret not in masked for secret in secrets), masked
    assert masked.count(ADDRESS) == 1  # one address, not one placeholder per part
    assert re.search("县|区", masked)  # the county stays: editors need the region


@pytest.mark.parametrize(
    "text",
    [
        "农村户口能办低保吗",
        "城镇户口和农村户口标准一样吗",
        "城乡低保标准是多少",
        "我们村里有个孤儿没人管",
        "社区说要先交材料，我们社区的网格员也这么说",
        "村上说俺家不够条件",
        "去镇上办还是去县里办",
        "在村委会开证明要钱吗",
        "我回乡下住了三年，俺家农村的",
        "住了二十年了，2000年搬来的",
    ],
)
def test_words_for_a_kind_of_place_are_not_addresses(text: str) -> None:
    assert mask_free_text(text) == text


# Digits (ASCII, full-width, other scripts), the separators a grouped number uses, X, brackets
# and dashes of landlines, and words around them.
_NUMBERISH = st.text(
    alphabet=st.sampled_from(
        list("0123456789０１２３４５６７８９．٣४ -.　Xx()（）+:/元块万号电话是我家")
    ),
    max_size=40,
)


@settings(max_examples=2000, deadline=None)
@given(_NUMBERISH)
@example("（0931）8123456")  # a landline's own seven digits, the area code apart
@example("(0931)8123456")
@example("电话0931-8123456")
@example("+86 138-1234-5678")
@example("110105 19491231 002X")
@example("卡号6222.0212.3456.7890")
@example('127.0.0.1:54321 - "POST /api/v1/sessions/a1b2c3/messages HTTP/1.1" 200')
def test_the_few_digits_shortcut_masks_as_the_patterns_do(text: str) -> None:
    """mask_numbers skips its patterns for a text without seven digits in a row (single
    separators allowed): the patterns would not have changed such a text either."""
    assert mask_numbers(text) == _mask_normalized(normalize_digits(text))


@settings(max_examples=2000, deadline=None)
@given(_NUMBERISH)
def test_normalize_digits_is_the_full_width_table(text: str) -> None:
    """normalize_digits looks for a full-width digit or dot before translating: the same text."""
    assert normalize_digits(text) == text.translate(
        str.maketrans("０１２３４５６７８９．", "0123456789.")
    )
