"""Answers whose words around the fact would mislead a word match (dev batch 6): a how or
where the speaker does not know is not 不知道 about the fact, an unchanged hukou is a yes,
light work said possible is partial ability, a graduation to come is still at school, a house
waiting for its appraisal is not known yet, and an illness by name says there is one."""

from __future__ import annotations

import datetime as dt

import pytest

from dialogue.answer_values import DONT_KNOW, Value
from dialogue.answers import parse_answer
from dialogue.questions import question_bank

TODAY = dt.date(2026, 12, 4)


def parsed(question_id: str, text: str) -> object:
    return parse_answer(question_bank().get(question_id), text, TODAY, region=None)


@pytest.mark.parametrize(
    ("question_id", "text", "expected"),
    [
        ("member_unemployment_registered", "还没去登记，不知道去哪登", Value(False)),
        ("has_local_hukou", "户口一直在这儿，没迁过", Value(True)),
        ("has_local_hukou", "户口还没迁过来", Value(False)),
        ("member_labour_ability", "腰椎间盘突出，重活干不了，轻的还行", Value("partial")),
        ("member_labour_ability", "重活干不了", Value("partial")),
        ("member_study_status", "还在念着呢，明年毕业", Value("enrolled")),
        ("member_study_status", "去年就毕业了", Value("graduated")),
        ("dangerous_house", "墙都裂了缝，下雨就漏，村里说要鉴定", DONT_KNOW),
        ("dangerous_house", "房子是好的，前年刚翻修", Value(False)),
        (
            "member_serious_illness_kind",
            "大夫说是红斑狼疮，住了两回院",
            Value("immune", extra={"has_serious_illness": True}),
        ),
    ],
)
def test_the_fact_is_read_past_the_words_around_it(
    question_id: str, text: str, expected: object
) -> None:
    assert parsed(question_id, text) == expected


def test_not_knowing_how_to_get_by_is_not_not_knowing() -> None:
    assert parsed("basic_living", "米都快没了，这个月都不知道咋过") != DONT_KNOW
    assert parsed("deposits", "存了多少不知道，得问老伴") == DONT_KNOW


@pytest.mark.parametrize(
    ("question_id", "text"),
    [
        ("member_labour_ability", "重活轻活都干不了"),
        ("member_labour_ability", "轻活也干不了"),
    ],
)
def test_what_still_is_not_partial_or_known(question_id: str, text: str) -> None:
    assert parsed(question_id, text) not in (Value("partial"), Value(0))


@pytest.mark.parametrize("text", ["有", "能", "可以", "能的"])
def test_a_bare_yes_to_can_you_still_work_is_able(text: str) -> None:
    assert parsed("member_labour_ability", text) == Value("full")


@pytest.mark.parametrize("text", ["没有", "不能", "有点哮喘", "有病"])
def test_a_no_or_a_statement_is_not_able(text: str) -> None:
    assert parsed("member_labour_ability", text) != Value("full")


def test_a_child_named_alone_has_no_working_ability() -> None:
    assert parsed("member_labour_ability", "小孩") == Value("none")
    assert parsed("member_labour_ability", "要照顾小孩，出不去") != Value("none")


@pytest.mark.parametrize(
    ("question_id", "text", "expected"),
    [
        # what was earned before the accident is not the income now
        ("household_income", "以前靠他一个月六七千，出事以后就没收入了", Value(0.0)),
        ("household_income", "他出事前一个月六千多，现在啥也没有", Value(0.0)),
        # savings spent are none left, whatever they were
        ("deposits", "原来有两万，花光了", Value(0.0)),
        ("deposits", "有过两万，都看病花了", Value(0.0)),
        ("deposits", "原来有两万多，全交医药费了，现在还欠亲戚两万", Value(0.0)),
        ("deposits", "看病花了三万，还剩五千", Value(5000.0)),
        ("deposits", "两万，都在银行存着", Value(20000.0)),
    ],
)
def test_money_said_before_and_now_is_read_as_now(
    question_id: str, text: str, expected: Value
) -> None:
    assert parsed(question_id, text) == expected


@pytest.mark.parametrize(
    ("question_id", "text", "expected"),
    [
        # a child named alive is a legal supporter; one who died is not
        ("member_legal_supporter", "就一个儿子，在苏州厂里上班，一个月五六千", Value(True)),
        ("member_legal_supporter", "老伴走了，就一个闺女嫁到外地", Value(True)),
        ("member_legal_supporter", "老汉没了，就一个儿子也没了", Value(False)),
        ("member_legal_supporter", "没有儿子", Value(False)),
        # a child said to give or care supports; said unable, does not
        ("member_supporter", "儿子一年给个三四千", Value(True)),
        ("member_supporter", "闺女常回来照顾", Value(True)),
        ("member_supporter", "儿子自己都顾不上", Value(False)),
    ],
)
def test_supporters_named_by_relation(question_id: str, text: str, expected: Value) -> None:
    assert parsed(question_id, text) == expected


@pytest.mark.parametrize("text", ["儿子不给钱", "儿子给不了几个钱", "儿子在外地打工"])
def test_what_does_not_say_a_child_supports_is_not_a_yes(text: str) -> None:
    assert parsed("member_supporter", text) != Value(True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("就那孔裂了的窑洞，还有一间放杂物的土房", 1), ("一孔土窑", 1), ("住的那孔窑", 1)],
)
def test_the_one_cave_lived_in_is_one_home(text: str, expected: int) -> None:
    assert parsed("houses", text) == Value(expected)


def test_several_caves_are_still_asked_back() -> None:
    assert not isinstance(parsed("houses", "三孔窑洞"), Value)
