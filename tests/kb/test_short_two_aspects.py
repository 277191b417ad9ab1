"""Short phone questions (kb_dev18): two aspects of an item asked back to back without 还 are two
requests, and the words callers use for what the entries state in policy words read as the
entries' words. The questions are written for these tests, not taken from the evaluation or
development sets."""

from __future__ import annotations

import pytest

from nlu.evaluate_kb import load_seed_documents
from nlu.kb_focus import requests
from nlu.retrieval import KnowledgeIndex
from nlu.retrieval_query import analyse


@pytest.fixture(scope="module")
def index() -> KnowledgeIndex:
    return KnowledgeIndex.build(load_seed_documents())


def test_two_aspects_typed_back_to_back_are_two_requests() -> None:
    found = requests("特困得拿啥材料 几天能批")
    assert len(found) == 2
    assert "材料" in found[0] and "几天" in found[1]
    assert "特困" in found[1]  # the item named first goes with the second


def test_two_aspects_asked_back_to_back_in_a_story_are_two_requests() -> None:
    found = requests("我男人腿摔断了，家里没了收入，想申请临时救助，临时救助去哪里申请，要等几天")
    assert len(found) == 2
    assert "哪里申请" in found[0] and "几天" in found[1] and "临时救助" in found[1]


@pytest.mark.parametrize(
    "message",
    [
        "低保咋申请 上哪办",  # how and where to apply: asked as one
        "申请特困是个啥流程 大概多久",  # the procedure, how long it takes a part of it
        "特困几天能批 几天有结果",  # one question asked twice over
        "北京的廉租房要带啥 得等几天",  # another place's: the second half must keep the place
        "当兵的户口迁回老家去哪办 带什么",  # a neighbouring programme's (户口迁移)
    ],
)
def test_one_question_asked_twice_or_about_something_else_stays_one(message: str) -> None:
    assert len(requests(message)) == 1


def test_both_aspects_typed_back_to_back_are_answered(index: KnowledgeIndex) -> None:
    found = index.answers("历城特困要啥材料 几天能办完", "jinan-licheng")
    entries = [a.entry.entry_id for a in found if a.status == "answered" and a.entry]
    assert "jinan-licheng-tekun-materials" in entries
    assert "jinan-licheng-time-limit" in entries


@pytest.mark.parametrize(
    ("said", "word"),
    [
        ("五保老人想住福利院", "养老院"),
        ("村支书优亲厚友", "村干部"),
        ("残疾人那俩补贴谁管", "两项补贴"),
        ("家里遭了灾", "受灾"),
        ("老人有儿有女", "孩子"),
        ("政府的公房咋租", "公租房"),
        ("老人去世了殡仪馆收钱不", "丧葬"),
    ],
)
def test_a_callers_word_reads_as_the_entries_word(said: str, word: str) -> None:
    assert word in analyse(said).text


def test_a_student_loan_said_as_a_students_loan_names_the_item() -> None:
    assert "student_loan" in analyse("大学生贷款咋办").items
