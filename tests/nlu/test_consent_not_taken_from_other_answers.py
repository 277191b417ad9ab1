"""The consent to the 家庭经济状况核对 is a wrong fact either way when misread: "没有问题",
"我没意见", "有啥不同意的" agree (before, a refusal, and no money question was asked); "有 儿子有
残疾证" answers another question and "有意见" is a worry: neither agrees (before, both were a
yes). Written for these tests from a played conversation (session 47), not evaluation data."""

from __future__ import annotations

import pytest

from nlu.answers import parse_consent


@pytest.mark.parametrize("said", ["没有问题", "我没意见", "没意见", "有啥不同意的", "没啥意见"])
def test_nothing_against_it_is_a_consent(said: str) -> None:
    assert parse_consent(said) is True


@pytest.mark.parametrize("said", ["有 儿子有残疾证 精神二级", "有", "有意见", "没有"])
def test_an_answer_of_what_there_is_is_no_consent_either_way(said: str) -> None:
    assert parse_consent(said) is None


@pytest.mark.parametrize("said", ["不同意", "我不同意", "没有 不同意"])
def test_a_refusal_stays_a_refusal(said: str) -> None:
    assert parse_consent(said) is False


@pytest.mark.parametrize("said", ["存款么有", "存款没有", "啥也没有", "没买过那些"])
def test_none_of_something_is_no_refusal(said: str) -> None:
    # "存款么有" said at the consent is the deposits; taken as 不同意 it stopped every money question
    assert parse_consent(said) is None


@pytest.mark.parametrize("said", ["不", "不行", "不用查，俺啥也没有", "不愿意"])
def test_a_bu_refusal_is_still_one(said: str) -> None:
    assert parse_consent(said) is False
