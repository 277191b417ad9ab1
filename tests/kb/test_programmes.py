"""A question about a neighbouring programme the KB does not hold (医保, 养老保险, 户口 …) is not
answered with an entry that never mentions it, however well its other words match; an entry
about that programme's link to social assistance still answers. Questions written for these
tests, not taken from any evaluation or development set."""

from __future__ import annotations

import pytest

from nlu.kb_focus import asking_part, lead_in, names_a_benefit
from nlu.kb_programmes import asked_beside_items, beside_our_item, off_programme, programmes
from nlu.retrieval import KnowledgeIndex


def test_programmes_are_named_in_the_callers_words() -> None:
    assert programmes("合作医疗住院报几成") == {"医保"}
    assert programmes("娃娃的户口咋落") == {"户口迁移"}
    assert programmes("退休金和公积金") == {"养老保险", "公积金"}
    assert programmes("低保怎么申请") == frozenset()


def test_an_entry_off_the_programme_is_one_that_never_mentions_it() -> None:
    assert off_programme(frozenset({"医保"}), ("医疗救助能报百分之几",))
    assert not off_programme(frozenset({"医保"}), ("医保和医疗救助有啥区别",))
    assert not off_programme(frozenset(), ("医疗救助能报百分之几",))


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("在镇卫生院看病，新农合一次给报销几成", "gansu"),
        ("我爸住院了，职工医保报销比例到底是多少", "shanxi"),
        ("孩子刚出生，上户口得带哪些东西去", "ningxia"),
    ],
)
def test_a_neighbouring_programmes_question_is_not_answered_with_ours(
    seed_index: KnowledgeIndex, text: str, region: str
) -> None:
    answer = seed_index.answer(text, region)
    assert answer.status == "uncertain", answer.entry and answer.entry.entry_id


def test_retirement_resettlement_and_cemeteries_are_neighbouring_programmes() -> None:
    # retirement itself, not only the pension; a veteran's resettlement money, which is not
    # the 困难退役军人帮扶 the KB holds; a cemetery plot, which is not 丧葬 relief
    assert programmes("单位让自己跑退休审批") == {"养老保险"}
    assert programmes("选了自主就业 一次性的钱没见着") == {"退役安置"}
    assert programmes("公墓一个墓位多少钱") == {"公墓"}


def test_a_retirement_story_is_not_answered_with_an_entry_on_its_time_limit(
    seed_index: KnowledgeIndex,
) -> None:
    text = "我在县医院干了三十年护工 今年到岁数了 单位让自己跑退休审批 审批要多长时间"
    answer = seed_index.answer(text, "shanxi")
    assert answer.status == "uncertain", answer.entry and answer.entry.entry_id


def test_an_entry_about_the_programme_still_answers(seed_index: KnowledgeIndex) -> None:
    # no item of ours named: the rule applies, and this entry's questions mention 医保
    answer = seed_index.answer("新农合报完了自己还要掏好多 还有别的办法没", "gansu")
    assert answer.status == "answered" and answer.entry is not None
    assert answer.entry.entry_id == "gansu-medical-aid-second"


def test_a_bare_request_takes_its_subject_from_the_clause_before_it() -> None:
    text = "开发商给的补偿太低了，征收补偿谁说了算，能去哪里申请复核？"
    assert lead_in(text, "能去哪里申请复核") == "征收补偿谁说了算"
    assert not names_a_benefit("能去哪里申请复核")
    assert names_a_benefit("想问问经济困难的老人有没有生活补贴")


@pytest.mark.parametrize(
    ("text", "region"),
    [
        # the request names no subject; the clause before it is about demolition compensation
        (
            "我家那片老房子去年开始征收，开发商给的补偿比周边房价低一大截，"
            "老人不愿意签字，征收补偿谁说了算，能去哪里申请复核？",
            "jinan-licheng",
        ),
        # wages owed: the request names no subject, the clause before it does
        (
            "我在县城一家饭馆干了一年，老板三个月的工钱一直拖着不给，打电话也不接，该去哪里反映？",
            "ningxia",
        ),
    ],
)
def test_a_bare_request_about_a_neighbouring_programme_is_not_answered(
    seed_index: KnowledgeIndex, text: str, region: str
) -> None:
    answer = seed_index.answer(text, region)
    assert answer.status == "uncertain", answer.entry and answer.entry.entry_id


def test_a_programme_further_back_in_the_story_is_only_story(seed_index: KnowledgeIndex) -> None:
    # 退休金 is a fact of the story; the request names what it asks for (生活补贴)
    text = (
        "你好，俺是历城区港沟街道的，俺娘今年八十三了，俺爹走得早，她一个人住没有退休金，"
        "就靠俺们兄妹几个给点，想问问经济困难的老人有没有生活补贴，谁能领？"
    )
    answer = seed_index.answer(text, "jinan-licheng")
    assert answer.entry is not None and answer.entry.entry_id == "jinan-licheng-elderly-living"


def test_a_programme_in_the_asking_part_counts_though_an_item_is_named(
    seed_index: KnowledgeIndex,
) -> None:
    # 退伍老兵 names the veterans' item, but what is asked for is the 优待证, which no entry holds
    assert asking_part("我们俩有退休金，儿子是残疾人，能单独吃低保吗") == "能单独吃低保吗"
    answer = seed_index.answer("我是退伍老兵，想办个退役军人优待证，在哪儿办？", "shanxi")
    assert answer.status == "uncertain", answer.entry and answer.entry.entry_id


def test_a_programme_in_the_story_around_an_item_is_only_story(seed_index: KnowledgeIndex) -> None:
    text = "我们老两口都有退休金，儿子是二级精神残疾，村里说收入超了，重残的能不能单独申请低保"
    answer = seed_index.answer(text, "shanxi")
    assert answer.entry is not None and answer.entry.entry_id == "shanxi-dibao-edge-disabled"


def test_insurance_beside_an_item_is_its_background_not_what_is_asked(
    seed_index: KnowledgeIndex,
) -> None:
    assert asked_beside_items("医保报完了医疗救助还能再报多少") == frozenset()
    assert asked_beside_items("退役军人优待证咋办") == {"优待证"}
    text = "俺家是低保户，娃住院医保报完了，医疗救助还能再报多少"
    answer = seed_index.answer(text, "jinan-licheng")
    assert answer.status == "answered" and answer.entry is not None
    assert "medical" in answer.entry.entry_id


def test_a_programme_named_anywhere_in_the_story_is_what_a_bare_complaint_is_about(
    seed_index: KnowledgeIndex,
) -> None:
    # "我找谁投诉" names no subject: the water bill three clauses back is what it is about,
    # not the complaint about social-assistance staff the KB holds
    text = (
        "家里的燃气表上个月坏了 燃气公司说要自己花钱换 师傅来了又说没配件 拖了快一个月了 我找谁投诉"
    )
    answer = seed_index.answer(text, "ningxia")
    assert answer.status == "uncertain", answer.entry and answer.entry.entry_id


def test_a_graduates_job_search_subsidy_is_not_the_low_income_familys_job_help(
    seed_index: KnowledgeIndex,
) -> None:
    assert programmes("出了车祸 保险公司不给理赔") == {"商业保险"}
    answer = seed_index.answer("应届毕业生的一次性求职补贴在哪申请", "gansu")
    assert answer.status == "uncertain", answer.entry and answer.entry.entry_id


def test_an_entry_about_income_answers_a_programme_only_when_income_is_asked() -> None:
    income_entry = ("哪些钱不算家庭收入？", "计划生育奖励扶助金算收入吗")
    assert off_programme(frozenset({"计划生育"}), income_entry, "独生子女奖扶一年发多少")
    assert not off_programme(frozenset({"计划生育"}), income_entry, "独生子女奖扶算不算收入")


@pytest.mark.parametrize(
    ("text", "region"),
    [
        # what the award pays and where to apply, not whether it counts as income
        (
            "我们老两口就一个儿子 家里困难低保也没批 那个独生子女奖励扶助金一年发多少钱 找谁申请",
            "gansu",
        ),
        # a veteran's disability pension: its amount, not whether it counts as income
        ("我是伤残退伍军人 家里也困难 评的五级伤残 伤残抚恤金一年到底给多少钱", "ningxia"),
        # a soldier's family allowance, named beside the family's 低保
        ("我家是低保户 儿子当兵去了 义务兵家庭优待金一年给多少", "gansu"),
    ],
)
def test_a_programmes_own_question_is_not_answered_with_the_income_entry(
    seed_index: KnowledgeIndex, text: str, region: str
) -> None:
    answer = seed_index.answer(text, region)
    assert answer.status == "uncertain", answer.entry and answer.entry.entry_id


def test_the_insurances_own_procedure_is_asked_though_insurance_is_background(
    seed_index: KnowledgeIndex,
) -> None:
    # 医保 alone is an item's background; 异地就医备案 is a procedure of its own, which no entry
    # holds, so an entry that only mentions 医保 does not answer it
    assert programmes("异地就医备案") == {"医保经办"}
    assert off_programme(frozenset({"医保", "医保经办"}), ("低保户交医保有资助吗",))
    text = "额娘交的居民医保 去外省住院了 没办异地就医备案 回来医保能报多少 额们家也是困难户"
    answer = seed_index.answer(text, "shanxi")
    assert answer.status == "uncertain", answer.entry and answer.entry.entry_id


def test_the_programme_alone_is_not_answered_by_an_entry_on_our_item_beside_it(
    seed_index: KnowledgeIndex,
) -> None:
    # "低保户、特困人员交居民医保…要自己出钱吗" is about our item beside 医保; a question on 医保's
    # own contribution, naming no item of ours and no benefit, is 医保's, not that entry's
    answer = seed_index.answer("今年医保个人缴费涨了多少", None)
    assert answer.status == "uncertain", answer.entry and answer.entry.entry_id


def test_help_beyond_the_programme_is_still_asked_of_our_entries() -> None:
    entry = "甘肃医疗救助后自付还是很多怎么办？"
    assert beside_our_item(frozenset({"医保"}), entry, "医保一年报多少")
    assert not beside_our_item(frozenset({"医保"}), entry, "医保报完了还有别的办法没")
    assert not beside_our_item(frozenset({"医保"}), entry, "医保报完了医疗救助还给报吗")
    # not a background programme: left to the entry's mention of it
    assert not beside_our_item(
        frozenset({"户口迁移"}), "甘肃助学贷款对户口有什么要求？", "户口迁了"
    )
