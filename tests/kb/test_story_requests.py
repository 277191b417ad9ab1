"""Long messages told as stories (kb_dev17): which clause carries the request, and how a message
asking two things is split. The questions are written for these tests, not taken from the
evaluation or development sets."""

from __future__ import annotations

from nlu.kb_focus import requests
from nlu.retrieval import KnowledgeIndex
from nlu.retrieval_query import analyse


def test_a_story_of_how_little_comes_in_is_no_request() -> None:
    found = requests("我是定西的，男人走了，家里一年到头挣不了几个钱，我想问问申请低保要带啥材料")
    assert len(found) == 1
    assert "几个钱" not in found[0] and "材料" in found[0]


def test_a_question_the_caller_was_asked_is_story() -> None:
    found = requests("我们报了低保，村上来人问我家有没有车有没有存款，我想知道低保审批要多少天")
    assert len(found) == 1
    assert "有没有车" not in found[0] and "多少天" in found[0]


def test_a_check_of_what_was_heard_reads_with_what_was_heard() -> None:
    (found,) = requests("我男人没了，我想报低保，听人说家里有人当村干部就不能报，是不是这样")
    assert "村干部" in found


def test_questions_counted_off_in_one_sentence_are_two_requests() -> None:
    found = requests("你好，我妈七十多了，我想问两个事，一是低保去哪申请，二是多少天能批下来")
    assert len(found) == 2
    assert "去哪申请" in found[0] and "多少天" in found[1]
    assert "低保" in found[1]  # the item named before goes with the second


def test_two_aspects_of_one_item_asked_one_after_the_other_are_two_requests() -> None:
    found = requests("家里着了火，我想申请临时救助，要去哪里申请，还要准备啥材料")
    assert len(found) == 2
    assert "哪里申请" in found[0] and "材料" in found[1] and "临时救助" in found[1]


def test_two_asking_clauses_about_a_service_not_ours_stay_one_request() -> None:
    found = requests("家里低保报过没批上，这个计划生育奖扶一年给多少，在哪里申请")
    assert len(found) == 1 and "计划生育" in found[0]


def test_the_next_question_naming_nothing_is_about_the_benefit_before_it() -> None:
    found = requests("我爹八十五了，想问一下高龄津贴谁能领，还有就是申请要什么材料")
    assert len(found) == 2 and "高龄津贴" in found[1]


def test_an_item_set_aside_is_not_the_item_asked_about() -> None:
    assert "dibao" not in analyse("除了低保，看病花销大的家庭还能申请啥救助").items
    assert "dibao" in analyse("看病花销大，能不能申请低保").items


def test_money_spent_in_the_story_is_no_question_of_fees() -> None:
    assert "费用" not in analyse("看病花钱太多的家庭还能申请啥").aspects
    assert "费用" in analyse("办低保要花钱吗").aspects


def test_the_one_answer_to_two_requests_is_the_first_when_the_whole_message_agrees(
    seed_index: KnowledgeIndex,
) -> None:
    text = (
        "我家是低保户，我妈在外省住院花了好几万，医保报了一些，"
        "想问问外省住院的费用能不能申请医疗救助，还要带啥东西去办"
    )
    assert len(seed_index.answers(text, "ningxia")) == 2
    answer = seed_index.answer(text, "ningxia")
    assert answer.entry is not None
    assert answer.entry.entry_id == "common-medical-aid-settlement"
