"""Dev openings 29 (session 42): short first messages typed on a phone: rent said beside a
month's amount, Latin shorthand for units (2k), the child the speaker looks after, a relative
who lives with a single parent, an item named with 老人 in it, an illness dated in its own
clause before a later treatment."""

from __future__ import annotations

from nlu.numbers import find_amounts
from tests.nlu.reading import opening_facts as _facts
from tests.nlu.reading import opening_size


def _values(text: str, name: str) -> dict[str | None, object]:
    return {who: value for fact, value, who in _facts(text) if fact == name}


def test_rent_paid_is_nobodys_income() -> None:
    assert _values("离婚了 租房住一个月800 在超市上班", "members.monthly_income") == {}
    assert _values("租的房 一个月六百 我在饭店上班", "members.monthly_income") == {}
    # the pay said without rent is still read
    assert _values("我在超市上班 一个月两千", "members.monthly_income") == {"self": 2000}


def test_latin_shorthand_for_thousands_and_ten_thousands() -> None:
    assert [f.value.value for f in find_amounts("一个月2k")] == [2000]  # type: ignore[attr-defined]
    assert [f.value.value for f in find_amounts("存款3W")] == [30000]  # type: ignore[attr-defined]
    assert find_amounts("孩子体重20kg") == []


def test_the_child_looked_after_is_no_doer_of_the_work_after() -> None:
    said = _values("离婚了带个闺女 租房住 在超市上班 闺女8岁上二年级", "members.employment")
    assert said == {None: "employed"}  # the speaker (nobody else named as a doer)


def test_children_with_the_speaker_are_not_all_when_an_elder_lives_with_them() -> None:
    text = "现在我带着俩娃 在枸杞园打零工 婆婆跟我们住 七十多了"
    assert opening_size(text) is None
    assert opening_size("现在我带着俩娃 在枸杞园打零工") == 3


def test_an_item_named_with_old_people_in_it_is_nobody() -> None:
    said = _facts("经济困难老人补贴三个月没发了 俺娘是低保户 86了")
    assert ("already_receives", ("elderly_subsidy",), None) in said


def test_an_illness_dated_in_its_clause_is_not_sudden_for_a_later_treatment() -> None:
    text = "孩子他爸今年查出肝癌 上个月做完手术"
    assert ("situations", ("sudden_serious_illness",), None) not in _facts(text)
    assert ("situations", ("sudden_serious_illness",), None) in _facts(
        "孩子他爸查出肝癌 上个月住的院"
    )
