"""A payment said to be late or stopped is one the household receives ("俺娘的底保这月还没到账",
"特困供养金两个月没发"), not one it asks for (申请低保…还没批); "就我们爷俩" with the father
named again after it is still two; a parent's own pension said as what the household lives on is
theirs; "一个人带娃" is two only when one child is spoken of. Written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from nlu.facts import read_facts

TODAY = dt.date(2026, 12, 6)


def facts_of(text: str) -> dict[tuple[str, str | None], object]:
    reading = read_facts(text, TODAY, opening=True)
    return {(f.name, f.who): f.value for f in reading.facts}


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("俺娘的底保这月还没到账，咋回事", "dibao"),
        ("俺爹的特困供养金两个月没发了", "tekun"),
    ],
)
def test_a_late_payment_is_received(text: str, item: str) -> None:
    assert facts_of(text).get(("already_receives", None)) == [item]


# "低保金停了" may be the status stopped, not a late payment: unsure, so not stored
@pytest.mark.parametrize(
    "text", ["申请低保三个月了还没批", "去年办低保交了材料，钱一直没发", "我爹的低保金停了两个月了"]
)
def test_an_application_waiting_is_not_received(text: str) -> None:
    assert ("already_receives", None) not in facts_of(text)


def test_the_pair_includes_the_parent_named_again() -> None:
    reading = read_facts(
        "我娘瘫在炕上好几年了，家里就我们娘俩，全靠我娘一个月两百来块的养老金", TODAY, opening=True
    )
    assert reading.size is not None and reading.size.value == 2
    pays = [f for f in reading.facts if f.name == "members.monthly_income"]
    assert [p.who.split("#")[0] for p in pays if p.who] == ["parent"]


def test_alone_with_the_kids_is_not_two_when_two_are_named() -> None:
    reading = read_facts("俩孩子一个上学一个还小 我一个人带娃 在饭店打工", TODAY, opening=True)
    assert reading.size is None or reading.size.value != 2


def test_the_speaker_who_married_out_is_not_the_parent_named_before() -> None:
    facts = facts_of("俺娘今年六十九了，我早就嫁到外地了照顾不上")
    assert [v for (name, who), v in facts.items() if name == "members.age"] == [69]


@pytest.mark.parametrize("text", ["残疾证咋办 去哪鉴定", "想给孩子办个残疾证，在哪办"])
def test_a_certificate_asked_about_is_not_held(text: str) -> None:
    assert not [k for k in facts_of(text) if k[0] == "members.has_disability"]


@pytest.mark.parametrize("text", ["我哥腿截了，办了残急证，二级的", "我儿子有残疾正，三级"])
def test_a_mistyped_certificate_is_held(text: str) -> None:
    assert [v for (name, _), v in facts_of(text).items() if name == "members.has_disability"] == [
        True
    ]


def test_not_found_work_yet_is_looking_for_it() -> None:
    facts = facts_of("我们厂子去年倒闭了，我到现在都没找着工作")
    assert facts.get(("members.wants_job", "self")) is True


def test_money_borrowed_after_the_savings_went_is_no_savings() -> None:
    facts = facts_of("存款早花光了还跟亲戚借了三万")
    assert facts.get(("assets.deposits", None)) == 0


@pytest.mark.parametrize(
    ("text", "sudden"),
    [
        ("我男人脑梗住院了 两个星期了还没出院", True),  # began just now, said after it
        ("我媳妇上个月查出来肺癌", True),
        ("老伴脑梗好几年了，这个月又住院了", False),  # ill for years
        ("老伴前年中风，现在瘫在床上", False),
    ],
)
def test_an_illness_that_began_just_now_is_sudden(text: str, sudden: bool) -> None:
    situations = facts_of(text).get(("situations", None))
    assert (situations == ["sudden_serious_illness"]) is sudden
