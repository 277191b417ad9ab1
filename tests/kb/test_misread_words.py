"""Words the KB query misread (kb_dev9): the typo 低报, 上门 in a care request, 哪儿 inside a
question about a difference, and the regions' own apps. The questions are written for these
tests."""

from __future__ import annotations

from nlu.retrieval import KnowledgeIndex
from nlu.retrieval_query import analyse, without_regions


def test_the_typo_dibao_with_bao_of_report_reads_as_dibao() -> None:
    """报 for 保: the same syllable in another tone, typed in pinyin."""
    asked = analyse("吃低报要够啥条件")
    assert "低保" in asked.tokens and "dibao" in asked.items
    assert "低保" in analyse("俺家是低报户").tokens


def test_coming_home_to_look_after_someone_is_care_not_the_home_visit() -> None:
    """上门 alone is the household visit of the means test; 上门照看 is a care service."""
    care = analyse("老人瘫在床上 有没有人上门照看").tokens
    assert "入户调查" not in care
    assert "入户调查" in analyse("申请低保以后多久有人上门").tokens


def test_asking_how_two_things_differ_is_no_question_where_to_apply() -> None:
    asked = analyse("低保跟特困到底差在哪里")
    assert "渠道" not in asked.aspects
    assert "区别" in asked.tokens
    assert "渠道" in analyse("低保在哪儿申请").aspects


def test_a_regions_app_stays_a_word_and_still_names_the_region() -> None:
    """爱山东, 我的宁夏: the region's name inside them was cut with the region, leaving 爱, 我的."""
    assert without_regions("在我的宁夏上咋申请救助") == ("在我的宁夏上咋申请救助", "ningxia")
    assert without_regions("山东济南的")[0].strip() == "的"
    asked = analyse("手机上装了我的宁夏 救助在哪点")
    assert "我的宁夏" in asked.tokens and asked.region == "ningxia"
    assert "爱山东" in analyse("爱山东上能申请低保不").tokens


def test_a_care_request_of_a_household_on_dibao_finds_the_care_entry(
    seed_index: KnowledgeIndex,
) -> None:
    hit = seed_index.top("家里吃低保 老人瘫了 政府有人上门照看不", "gansu")
    assert hit is not None and hit.entry_id == "gansu-service-aid"


def test_everyday_words_for_medicine_money_and_long_term_illness_read_as_the_kbs() -> None:
    """药钱 is the KB's 医疗费; 高血压, 糖尿病 its 慢性病 (medical aid for long-term medicine)."""
    tokens = analyse("俺妈有糖尿病 药钱能给报点不").tokens
    assert "医疗费" in tokens and "慢性病" in tokens
    assert "药钱" not in tokens and "糖尿病" not in tokens


def test_where_to_get_it_with_gao_asks_the_channel_and_fang_mian_is_filler() -> None:
    """去哪搞 is 去哪办 (搞 was left as a word no entry has); 救助方面的 names no topic."""
    asked = analyse("残疾证去哪搞")
    assert "渠道" in asked.aspects and "搞" not in asked.tokens
    assert "方面" not in analyse("有没有救助方面的电话").tokens
