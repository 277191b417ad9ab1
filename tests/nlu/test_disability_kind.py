"""The kind on the 残疾证 (残疾人保障法 第二条), read with the member it belongs to: 第五条（三）
of 特困办法 and 第八条 of 低保审核确认办法 turn on it (三级智力、精神残疾)."""

from __future__ import annotations

import datetime as dt

from nlu.facts import read_facts

TODAY = dt.date(2025, 6, 1)


def _kinds(text: str) -> set[tuple[str, str | None]]:
    return {
        (f.value, f.who)
        for f in read_facts(text, TODAY, opening=True).facts
        if f.name == "members.disability_kind"
    }


def test_the_kind_beside_the_disability_or_in_the_next_clause() -> None:
    assert _kinds("我儿子是智力残疾三级，家里困难") == {("intellectual", "son")}
    assert _kinds("老伴办了残疾证，肢体二级，干不了活") == {("physical", "spouse")}
    assert _kinds("俺闺女有残疾证，精神二级") == {("mental", "daughter")}
    assert _kinds("我是听力残疾一级，一个人过") == {("hearing", "self")}


def test_each_member_keeps_their_own_kind() -> None:
    # the first kind named after the disability, not the next member's
    assert _kinds("家里两个残疾人，我大儿子智力残疾一级，小儿子肢体残疾三级") == {
        ("intellectual", "son#大儿子"),
        ("physical", "son#小儿子"),
    }
    # a next clause about somebody else gives this member nothing
    assert _kinds("我腿是残疾的，残疾证是二级，我媳妇是智力残疾，也有证") == {
        ("intellectual", "spouse")
    }


def test_no_kind_is_guessed() -> None:
    assert _kinds("我有残疾证，四级的") == set()
    assert _kinds("我老伴偏瘫在床，我也有残疾证") == set()
