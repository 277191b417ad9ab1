""" "俺就一个人 六十三了": the speaker lives alone, even after neighbours were talked about;
"我就一个人在外地打工" says where one works, not who lives at home."""

from __future__ import annotations

from tests.nlu.reading import opening_size


def test_just_me_is_a_household_of_one() -> None:
    assert opening_size("俺就一个人 六十三了 没养老金") == 1
    assert opening_size("我就一个人，六十三了") == 1
    assert opening_size("俺对门老李家老两口都吃上低宝了 俺就一个人 六十三了") == 1


def test_alone_somewhere_else_is_not_the_size() -> None:
    assert opening_size("我就一个人在外地打工，家里还有老婆孩子") != 1
    assert opening_size("我姑姑一个人住，她七十了") is None
