"""The request finder and other-place recognition behave on messages nobody tuned them on."""

from __future__ import annotations

import pytest

from nlu.kb_focus import requests
from nlu.places import other_place, other_place_message
from nlu.retrieval import KnowledgeIndex


def test_a_short_message_is_its_own_request() -> None:
    assert requests("低保要什么材料") == ["低保要什么材料"]


def test_greeting_and_story_are_dropped_around_the_question() -> None:
    text = (
        "您好同志，打扰了，我们家住在山里，路不好走，孩子他爸前年走了，"
        "我一个人拉扯三个娃，地也种不过来，想问一下临时救助到哪里去申请？"
    )
    (request,) = requests(text)
    assert "临时救助" in request and "申请" in request
    assert "打扰" not in request and "孩子他爸" not in request


def test_the_item_named_in_the_story_joins_a_bare_question() -> None:
    text = "我家老人常年吃药，家里就靠我一个人挣钱，我想给我们家办个低保。要准备哪些东西？"
    (request,) = requests(text)
    assert "低保" in request and "准备" in request


def test_two_distinct_requests_are_both_found() -> None:
    text = (
        "你好，我家孩子今年考上大学了，家里没钱，助学贷款要带什么材料？"
        "另外我自己腰不好干不了活，低保能不能申请？"
    )
    found = requests(text)
    assert len(found) == 2
    assert "助学贷款" in found[0] and "低保" in found[1]


def test_other_places_are_recognised_but_ours_are_not() -> None:
    assert other_place("杭州的低保一个月多少钱") == "杭州"
    assert other_place("我在银川，想问低保") is None
    assert other_place("历城区低保怎么申请") is None
    assert other_place("低保怎么申请") is None
    message = other_place_message("杭州")
    assert "杭州" in message and "12345" in message and "甘肃" in message


@pytest.mark.parametrize(
    ("text", "region", "place"),
    [
        ("延安那边低保咋申请", "shanxi", "延安"),
        ("菏泽的低保标准是多少", "jinan-licheng", "菏泽"),
        ("俺闺女在周口 周口那边临时救助去哪申请", "jinan-licheng", "周口"),
    ],
)
def test_a_city_of_another_province_is_another_place(
    seed_index: KnowledgeIndex, text: str, region: str, place: str
) -> None:
    # a prefecture-level city, not only a province or a big city: never our region's rule
    # (a national rule may answer it: 菏泽's 低保标准 is set by the local government)
    answer = seed_index.answer(text, region)
    assert answer.entry is None or answer.entry.regions == ("all",)
    assert answer.message is not None and place in answer.message


@pytest.mark.parametrize(
    ("text", "region", "place", "entry"),
    [
        ("天津的特困人员供养标准是多少", "gansu", "天津", "common-tekun-standard"),
        ("菏泽的低保标准是多少", "jinan-licheng", "菏泽", "common-dibao-standard"),
        (
            "我妈在南宁 她那边八十岁以上的老人有没有高龄津贴",
            "ningxia",
            "南宁",
            "common-elderly-allowances",
        ),
    ],
)
def test_another_places_question_a_national_rule_answers_gets_that_rule(
    seed_index: KnowledgeIndex, text: str, region: str, place: str, entry: str
) -> None:
    answer = seed_index.answer(text, region)
    assert answer.status == "answered" and answer.entry is not None
    assert answer.entry.entry_id == entry
    assert answer.message is not None  # whose rule it is and whom to ask there
    assert place in answer.message and "12345" in answer.message


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("西安那边的高龄补贴去哪申请", "ningxia"),  # how or where to apply there: local
        ("上海的低保条件是什么", "gansu"),  # no national entry states it
    ],
)
def test_another_places_procedure_is_still_declined(
    seed_index: KnowledgeIndex, text: str, region: str
) -> None:
    answer = seed_index.answer(text, region)
    assert answer.status == "uncertain" and answer.entry is None
    assert answer.message is not None and "甘肃、宁夏、山西" in answer.message


def test_ordinary_words_are_not_taken_for_a_city() -> None:
    assert other_place("今年的收成都没了") is None
    assert other_place("家里养的羊和田里的庄稼都没了") is None
    assert other_place("我们家住在山南边的村子里") is None


def test_another_places_question_is_declined_not_answered_with_ours() -> None:
    from nlu.retrieval import KbDocument, KnowledgeIndex

    docs = [
        KbDocument("gansu-dibao", "甘肃低保的条件是什么", (), "甘肃的低保条件……", ("gansu",)),
        KbDocument("common-dibao", "低保的条件是什么", (), "国家规定……"),
    ]
    index = KnowledgeIndex.build(docs)
    answer = index.answer("上海的低保条件是什么", "gansu")
    assert answer.status == "uncertain" and answer.entry is None
    assert answer.message is not None and "上海" in answer.message


def test_each_distinct_request_gets_its_own_answer(seed_index: KnowledgeIndex) -> None:
    index = seed_index
    text = (
        "你好，我们家孩子今年考上大学了，学费实在凑不齐，山西的助学贷款去哪个银行签合同？"
        "还有我自己没有工作好几个月了，山西的失业登记在哪里办理？"
    )
    first, second = index.answers(text, "shanxi")
    offered = [first.entry.entry_id] if first.entry else [h.entry_id for h in first.suggestions]
    assert offered and offered[0].startswith("shanxi-student-loan")  # answered or suggested
    # Since the seed gained common-unemployment-registration ("失业登记去哪办" for all), the
    # 山西 entry may come as the first suggestion rather than an answer; never a wrong answer.
    second_offered = (
        [second.entry.entry_id] if second.entry else [h.entry_id for h in second.suggestions]
    )
    assert second_offered and second_offered[0] == "shanxi-unemployment-registration"
    # The one answer (the evaluations') is the most confident of the answered requests, else
    # the first request's.
    answered = [a for a in (first, second) if a.status == "answered"]
    expected = max(answered, key=lambda a: a.confidence) if answered else first
    assert index.answer(text, "shanxi") == expected


def test_a_plea_without_a_question_word_is_the_request() -> None:
    text = (
        "尊敬的领导，我是农村的，今年家里老人住院花了好几万，借遍了亲戚，"
        "日子实在过不下去了，恳请政府给予临时救助。"
    )
    (request,) = requests(text)
    assert "临时救助" in request and "住院" not in request


def test_a_complaint_question_does_not_replace_the_real_one() -> None:
    text = (
        "我家三口人都靠我打零工，村上评低保年年没我家，有车的人家倒评上了，"
        "我想知道低保到底要啥条件，凭什么我家评不上？"
    )
    (request,) = requests(text)
    assert "条件" in request and "凭什么" not in request


def test_an_a_not_a_question_is_asking() -> None:
    text = "我腿脚不方便出不了远门，镇上的服务大厅礼拜六上不上班，家里人能替我去吗"
    assert any("上不上班" in r for r in requests(text))


def test_a_request_pointing_back_to_another_province_is_declined_as_that_province(
    seed_index: KnowledgeIndex,
) -> None:
    index = seed_index
    text = "我是庆阳的，我姐一家在郑州住，孩子生了大病花了很多钱，她们那边医疗救助能报多少？"
    answer = index.answer(text, "gansu")
    assert answer.entry is None and answer.message is not None and "郑州" in answer.message
    # a place merely mentioned in the story ("收成都没了" is not 成都) changes nothing
    story = "今年冰雹把地里的收成都打没了，我们家是低保户，像这种遭了灾的有啥救助？"
    assert index.focused(story, "gansu")[0][0].startswith("我们家是低保户")


def test_a_doubting_aside_is_read_over_to_what_the_request_is_about() -> None:
    text = "我妹妹是二级残疾，我们家是低保边缘，听村里人说残疾人能单独吃低保，这是真的吗，咋办理？"
    (request,) = requests(text)
    assert "单独吃低保" in request and "真的吗" not in request


@pytest.mark.parametrize(
    "text",
    [
        "我家是边缘户，我闺女得了尿毒症，村里人说边缘户里重病的能单独吃低保，真的假的，咋申请？",
        "我们是边缘户，听人说重残的可以一个人单独吃低保，是真是假，去哪办",
    ],
)
def test_true_or_false_is_read_over_to_what_was_heard(text: str) -> None:
    """ "真的假的" checks the claim before it: the request is that claim and its asking clause,
    not the bare "咋申请" with only the item of the story's first clause."""
    (request,) = requests(text)
    assert "单独吃低保" in request and "真" not in request


def test_a_short_message_ending_in_a_whole_question_is_searched_on_it() -> None:
    """The story before a whole question naming its item (低保户, 考上大专) is background: it
    pulled the loan's conditions over where to apply for it."""
    assert requests("俺家低保户 闺女考上大专了 助学贷款去哪办") == ["助学贷款去哪办"]


@pytest.mark.parametrize(
    "text",
    [
        "在郑州打工的 没活干了 失业登记要带啥",  # another place: the question may be about it
        "天水这边房租太贵 公租房能申请吗",  # our region named: it stays with the question
        "低保怎么申请",  # one clause
        "俺娘瘫在床上了 能领补贴不",  # the question names no item: the story says which
    ],
)
def test_other_short_messages_stay_whole(text: str) -> None:
    assert requests(text) == [text]


def test_a_preamble_is_not_the_request() -> None:
    text = (
        "额想问问低保的事。额是吕梁农村的，今年五十六，老汉前年得了脑梗半身不遂，"
        "额们家这种够不够低保条件？"
    )
    assert requests(text) == ["额们家这种够不够低保条件"]


def test_story_words_that_only_look_like_questions_do_not_ask() -> None:
    # 好几年, 这么多, 没啥, 不怎么, 前几天, 没多少: a story, not a question.
    text = (
        "我邻居家吃低保好几年了，花了这么多钱也没啥用，儿子也不怎么管，前几天又住院了，"
        "挣得也没多少，我想问问隐瞒收入骗低保的被查出来会怎么处理？"
    )
    (request,) = requests(text)
    assert request.endswith("会怎么处理") and "好几年" not in request


def test_a_clause_after_the_asking_one_that_names_the_item_stays_with_it() -> None:
    text = "我闺女是一级肢体残疾，我们两口子都在打工，收入超了一点，能不能不算全家，只给闺女一个人办低保？"
    (request,) = requests(text)
    assert request.endswith("只给闺女一个人办低保")


def test_a_story_clause_is_not_read_with_a_bare_asking_clause() -> None:
    text = "我上个月把申请交上去了，听说他们要查存款查车子，我心里一直犯嘀咕，核对到底都查些啥？"
    (request,) = requests(text)
    assert "犯嘀咕" not in request and request.endswith("核对到底都查些啥")


def test_only_the_item_words_of_the_story_are_added_to_a_request() -> None:
    text = "我给我妈申请低保签了个授权书，后来又说要查银行流水，我想知道经济状况核对都查些啥东西？"
    (request,) = requests(text)
    assert "授权书" not in request and request.startswith("低保，")


def test_one_sentence_that_asks_twice_gives_both_requests() -> None:
    text = (
        "你好，我想先问问临时救助一般能给多少钱，我家上个月着了火东西都烧光了，"
        "村上让我去乡上交申请，临时救助都要带哪些材料？"
    )
    found = requests(text)
    assert len(found) == 2
    assert "多少钱" in found[0] and "材料" in found[1]


def test_a_story_saying_someone_does_not_care_is_not_a_question() -> None:
    text = "儿子也不怎么管我们，我身体也不好，想问问特困供养要去哪里申请？"
    assert requests(text) == ["想问问特困供养要去哪里申请"]


def test_a_number_before_ji_is_an_age_or_a_year_not_a_question() -> None:
    # 八几年, 六十几岁: "the eighties", "sixty-odd" — story, not a request of its own.
    text = "我是八几年当的兵，今年六十几岁了，老伴身体不好，我这种退伍的能不能申请帮扶？"
    (request,) = requests(text)
    assert "八几年" not in request and request.endswith("能不能申请帮扶")


def test_a_clause_naming_a_complaint_or_a_programme_is_read_with_a_bare_asking_clause() -> None:
    # The object of the request comes in its own clause before "去哪里…": a complaint, a
    # programme without an item name (事实无人抚养儿童), a disagreement.
    assert requests("我家老两口都病着却没评上，我要投诉，应该去哪里反映？")[-1].endswith(
        "我要投诉，应该去哪里反映"
    )
    text = "孩子一直跟着我们老两口，听说这种能算事实无人抚养儿童，要去哪里申请？"
    assert "事实无人抚养儿童" in requests(text)[-1]
    text = "上个月把我家的低保取消了，可他自己都顾不上自己，我不同意，能要求重新查一下吗？"
    (request,) = requests(text)
    assert request == "低保，我不同意，能要求重新查一下吗"


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        (
            "你好，我闺女今年考上大学了，家里凑不齐学费，想贷款，助学贷款到哪里申请，乡上还是县上",
            "助学贷款到哪里申请",
        ),
        (
            "俺干了六年的厂子黄了，俺去办失业登记，登记表上失业原因都有哪些能选，俺这种算哪一种",
            "俺去办失业登记，登记表上失业原因都有哪些能选",
        ),
    ],
)
def test_a_follow_up_that_names_nothing_is_left_off_the_question_before_it(
    text: str, asked: str
) -> None:
    assert requests(text) == [asked]


def test_a_follow_up_naming_an_aspect_stays_with_its_question() -> None:
    text = "你好，我家老人常年有病，家里实在困难，想问问申请低保是怎么个流程，大概要多久"
    assert requests(text) == ["想问问申请低保是怎么个流程，大概要多久"]


def test_we_few_is_no_question_word() -> None:
    """ "我们几个儿女都在城里上班": 几个 after 们 counts people, it asks nothing."""
    text = (
        "老母亲八十八了一个人在老家住，我们几个儿女都在城里上班，想问问政府每月有没有高龄补贴，"
        "还有能不能有人上门做饭，这种服务收钱不"
    )
    found = requests(text)
    assert not any("几个儿女" in r for r in found)
    assert any("高龄补贴" in r for r in found)


def test_an_enumeration_comma_joins_a_list_not_two_clauses() -> None:
    # "低保、特困还是临时救助" is one list: no request made of its tail ("特困还是临时救助")
    text = "我也搞不清楚该报低保、特困还是临时救助，怕选错了耽误事，网上申请的时候到底咋选"
    found = requests(text)
    assert "特困还是临时救助" not in found
    assert any("低保、特困还是临时救助" in r for r in found)


def test_who_asks_too() -> None:
    # 谁 is a question word like 哪 and 啥: "找谁申请" is the request, not the story around it
    text = (
        "我是个体户 去年生意亏了 家里两个娃都在上学 我们是低保户 老师说困难家庭的学生"
        " 学校那边有补助 这个补助该找谁申请"
    )
    (request,) = requests(text)
    assert request.endswith("这个补助该找谁申请")
    assert "个体户" not in request
    # … but not where nobody asks: 没谁, 谁都, 谁也
    story = "我家没谁能干活 谁都靠不上 日子过得紧巴巴的 就是这样"
    assert requests(story) == [story]


def test_a_preamble_asking_to_ask_is_not_a_request_of_its_own() -> None:
    text = "我想问下 我在太原租房住了八年 户口还在忻州 不回户口那边的话 能在太原这边报低保吗"
    (request,) = requests(text)
    assert "太原这边报低保" in request and "问下" not in request
