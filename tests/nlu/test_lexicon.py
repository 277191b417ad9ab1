"""The domain lexicon: regions, items and relations found in everyday words."""

from __future__ import annotations

import pytest

from guides.enums import enumerations
from guides.ids import ItemId, RegionId
from nlu.lexicon import (
    all_terms,
    find_items,
    find_regions,
    item_names,
    match_items,
    match_relations,
    parse_relation,
    region_names,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("我是甘肃庆阳的", [RegionId.GANSU]),
        ("甘肃省", [RegionId.GANSU]),
        ("宁夏回族自治区银川市", [RegionId.NINGXIA]),
        ("山西太原", [RegionId.SHANXI]),
        ("济南历城区", [RegionId.JINAN_LICHENG]),
        ("我在历城", [RegionId.JINAN_LICHENG]),
        ("山东的", [RegionId.JINAN_LICHENG]),
        ("以前在银川，现在住庆阳", [RegionId.NINGXIA, RegionId.GANSU]),
        ("领导晋升了", []),
        ("差不多大同小异", []),
        ("家中卫生间漏水", []),
        ("陕西西安", []),
    ],
)
def test_find_regions(text: str, expected: list[RegionId]) -> None:
    assert find_regions(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("低保怎么申请", [ItemId.DIBAO]),
        ("最低生活保障", [ItemId.DIBAO]),
        ("低保金多少", [ItemId.DIBAO]),
        ("特困人员救助供养", [ItemId.TEKUN]),
        ("五保户", [ItemId.TEKUN]),
        ("低保边缘家庭", [ItemId.DIBAO_EDGE]),
        ("刚性支出困难", [ItemId.RIGID_EXPENSE]),
        ("因病致贫", [ItemId.ILLNESS_POVERTY]),
        ("低收入人口", [ItemId.LOW_INCOME]),
        ("临时困难补助", [ItemId.TEMPORARY_AID]),
        ("医疗救助", [ItemId.MEDICAL_AID]),
        ("生源地贷款", [ItemId.STUDENT_LOAN]),
        ("国家助学贷款", [ItemId.STUDENT_LOAN]),
        ("廉租房", [ItemId.PUBLIC_RENTAL_HOUSING]),
        ("租房补贴", [ItemId.PUBLIC_RENTAL_HOUSING]),
        ("危房改造", [ItemId.RURAL_HOUSING_RENOVATION]),
        ("想找工作", [ItemId.EMPLOYMENT_AID]),
        ("就业援助", [ItemId.EMPLOYMENT_AID]),
        ("就业困难人员认定", [ItemId.EMPLOYMENT_DIFFICULTY]),
        ("失业登记", [ItemId.UNEMPLOYMENT_REGISTRATION]),
        ("高龄补贴", [ItemId.ELDERLY_SUBSIDY]),
        ("护理补贴", [ItemId.ELDERLY_SUBSIDY]),
        ("俺娘八十二了 老年补贴咋领", [ItemId.ELDERLY_SUBSIDY]),
        ("防止返贫监测", [ItemId.RELAPSE_MONITORING]),
        ("退役军人帮扶", [ItemId.VETERAN_AID]),
        ("低保和低保边缘有啥区别", [ItemId.DIBAO, ItemId.DIBAO_EDGE]),
        ("我家特困难", []),
        ("今天天气好", []),
        # homophone typos from pinyin input
        ("低宝要啥条件", [ItemId.DIBAO]),
        ("俺要申请底保", [ItemId.DIBAO]),
        ("临时就助怎么办", [ItemId.TEMPORARY_AID]),
        ("低保边缘", [ItemId.DIBAO_EDGE]),  # a real name still wins over a typo reading
        # the same syllable, or z/zh said alike (voice and pinyin input in the north-west)
        ("助学代款去哪办", [ItemId.STUDENT_LOAN]),
        ("危房改照能补多少", [ItemId.RURAL_HOUSING_RENOVATION]),
        ("因病至贫咋认定", [ItemId.ILLNESS_POVERTY]),
        ("失业登计在哪办", [ItemId.UNEMPLOYMENT_REGISTRATION]),
        ("还想登记个失业找个正经工作", [ItemId.UNEMPLOYMENT_REGISTRATION]),
        ("想登个失业", [ItemId.UNEMPLOYMENT_REGISTRATION]),
        ("想问问早点办行不", []),
        ("代款买房的事", []),
        ("宝贝低头", []),
    ],
)
def test_find_items(text: str, expected: list[ItemId]) -> None:
    assert find_items(text) == expected


def test_item_match_spans_point_into_the_text() -> None:
    text = "问一下廉租房和五保"
    for match in match_items(text):
        assert text[match.start : match.end] == match.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("老伴", "spouse"),
        ("我爱人", "spouse"),
        ("老婆", "spouse"),
        ("媳妇", "spouse"),
        ("我媳妇儿", "spouse"),
        ("丈夫", "spouse"),
        ("老公", "spouse"),
        ("儿子", "son"),
        ("女婿", "son"),
        ("女儿", "daughter"),
        ("儿媳", "daughter"),
        ("儿媳妇", "daughter"),
        ("我儿子媳妇", "daughter"),
        ("孙子", "grandchild"),
        ("孙女", "grandchild"),
        ("外孙", "grandchild"),
        ("爸", "parent"),
        ("我妈", "parent"),
        ("父亲", "parent"),
        ("母亲", "parent"),
        ("岳父", "parent"),
        ("公公", "parent"),
        ("婆婆", "parent"),
        ("爷爷", "grandparent"),
        ("奶奶", "grandparent"),
        ("外公", "grandparent"),
        ("外婆", "grandparent"),
        ("姥姥", "grandparent"),
        ("哥哥", "sibling"),
        ("姐姐", "sibling"),
        ("弟弟", "sibling"),
        ("妹妹", "sibling"),
        ("我", "self"),
        ("本人", "self"),
        ("就我自己", "self"),
        ("侄子", "other"),
        ("是我", "self"),
        ("不是儿子是女儿", "daughter"),  # the denied word is a correction
        ("记错了，不是儿子，是女儿", "daughter"),
        ("是女儿，不是儿子", "daughter"),
        ("不是我儿子", None),
        ("他是我儿子", "son"),
        ("邻居", None),  # not a household member
        ("我要举报邻居骗保", None),
        ("朋友", None),
        ("我要退出了", None),  # "我" in a sentence is not an answer
        ("你说的我听不明白", None),
        ("在这儿呢", None),
        ("不知道", None),
    ],
)
def test_parse_relation(text: str, expected: str | None) -> None:
    assert parse_relation(text) == expected


def test_relation_ids_are_enum_ids() -> None:
    known = set(enumerations().relation.values)
    words = ["老伴", "儿子", "女儿", "孙子", "爸爸", "爷爷", "哥哥", "本人", "亲戚"]
    assert {parse_relation(w) for w in words} <= known


def test_a_denied_relation_is_not_matched() -> None:
    assert [m.id for m in match_relations("不是儿子是女儿")] == ["daughter"]


def test_bare_wo_is_not_a_relation_entity() -> None:
    assert [m.id for m in match_relations("我和我老伴")] == ["spouse"]


def test_every_item_and_region_has_names_and_terms_cover_them() -> None:
    terms = set(all_terms())
    for item in ItemId:
        names = item_names(item)
        assert names
        assert find_items(names[0]) == [item]
        assert set(names) <= terms
    for region in RegionId:
        assert find_regions(region_names(region)[0]) == [region]
    assert "低保" in terms
    assert all(len(t) > 1 for t in terms)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("是我儿子的媳妇", "daughter"),  # 儿媳: 女/媳 on the form
        ("我女儿的孩子", "grandchild"),
        ("老伴的妈", "parent"),
        ("孙子的妈", None),  # a daughter or a daughter-in-law: asked again
        ("儿子的同学", None),  # not a relative: asked again
        ("是我儿子的", "son"),
        ("我的老伴", "spouse"),
    ],
)
def test_the_relative_of_a_relative(text: str, expected: str | None) -> None:
    assert parse_relation(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("我男人是二级残疾", "spouse"),  # possessive + kinship noun: the spouse, not the speaker
        ("俺老汉年轻时当过兵", "spouse"),
        ("俺家那个男人", "spouse"),
        ("是俺婆姨", "spouse"),
        ("娃他爸尿毒症", "spouse"),  # the child's father or mother: the speaker's spouse
        ("孩子她妈", "spouse"),
        ("娃他娘", "spouse"),
        ("男人都出去打工了", None),  # without a possessive, an ordinary word
        ("俺男的在工地上干活", "spouse"),  # 男的/女的 after a possessive: the husband, the wife
        ("我家女的身体不好", "spouse"),
        ("生了个男的", None),
        ("村里一个老汉", None),
        ("不是我男人", None),  # denied
        ("小孙孙", "grandchild"),
        ("是娃他姥姥", "parent"),  # the child's grandparent: the speaker's parent (or in-law)
        ("孩子奶奶", "parent"),
        ("我奶奶", "grandparent"),
    ],
)
def test_a_kinship_noun_after_a_possessive_is_a_relation(text: str, expected: str | None) -> None:
    assert parse_relation(text) == expected


def test_the_possessive_stays_the_speaker() -> None:
    found = match_relations("我男人是二级残疾")
    assert [(m.id, m.text, m.start) for m in found] == [("spouse", "男人", 1)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("就俺和老汉两个人", ["spouse"]),  # the speaker listed with the noun
        ("俺、婆姨、两个娃", ["spouse"]),
        ("我跟男人们说了", []),  # men in general
        ("我表弟", ["other"]),  # a cousin, not a sibling
    ],
)
def test_the_speaker_listed_with_a_kinship_noun_and_cousins(text: str, expected: list[str]) -> None:
    assert [m.id for m in match_relations(text)] == expected


def test_a_fear_of_falling_back_into_poverty_names_the_monitoring_item() -> None:
    """ "会不会返贫" asks about 防止返贫监测 (seed 001 联办事项), as its longer names do; having
    been lifted out of poverty (脱贫户) is a fact, not that item."""
    assert ItemId.RELAPSE_MONITORING in find_items("今年男人摔断了腿，欠了三万的账，会不会返贫")
    assert ItemId.RELAPSE_MONITORING not in find_items("我家2019年是建档立卡户，后来脱贫了")
