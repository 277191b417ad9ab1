"""Session 45 (dev openings 32): things that look like the household's facts but are not: a
death said at the end of a long sentence, the neighbour's fire, money sent home, what a year's
takings leave, an illness said cured (and named again), a child staying by the speaker, the
child's father said again as 他爸; and a grandparent said in dialect (额爷, 俺奶)."""

from __future__ import annotations

from nlu.facts import read_facts
from tests.nlu.reading import READ_ON as TODAY
from tests.nlu.reading import opening_facts


def _whose(text: str, name: str) -> list[tuple[str | None, object]]:
    facts = read_facts(text, TODAY, opening=True).facts
    return [(f.who, f.value) for f in facts if f.name == f"members.{name}"]


def _named(text: str, name: str) -> list[object]:
    return [value for fact_name, value, _ in opening_facts(text) if fact_name == name]


def test_a_parent_who_died_later_in_the_sentence_gives_no_facts() -> None:
    text = "我替我妈问，我爸以前是残疾人，肢体二级，去年冬天脑出血走了，现在就我妈一个人在家"
    assert _whose(text, "has_disability") == []
    assert _whose(text, "disability_grade") == []


def test_a_factory_moving_away_is_no_death() -> None:
    text = "我闺女听力残疾二级，在电子厂干过两年，厂子搬走了，现在在家"
    assert _whose(text, "disability_grade") == [("daughter", 2)]


def test_the_neighbours_fire_is_not_ours() -> None:
    text = "昨天夜里隔壁老李家着火了，房子烧光了，俺家就隔一堵墙，好在没烧着"
    assert _named(text, "situations") == []


def test_our_own_fire_is_still_read() -> None:
    assert _named("昨天夜里俺家着火了，房子烧光了", "situations") == [("fire",)]


def test_money_sent_home_is_nobodys_pay() -> None:
    for text in ("男人在新疆打工，一个月寄回来三千", "儿子在外头上班，每个月往家里打两千"):
        assert _named(text, "members.monthly_income") == [], text


def test_what_a_years_takings_leave_is_no_savings() -> None:
    text = "额俩在家养羊，一年卖羊能卖个三四万，去掉饲料钱也就剩一万多"
    assert _named(text, "assets.deposits") == []
    assert _named("存款就剩一万多了", "assets.deposits") != []


def test_a_grandparent_said_in_dialect() -> None:
    text = "家里六口人，还有额爷，额爷九十一了"
    assert _whose(text, "age") == [("grandparent", 91)]


def test_an_operation_recovered_from_is_no_illness() -> None:
    text = "我妈前年做过乳腺癌手术，现在恢复得挺好，复查都没事"
    assert _whose(text, "has_serious_illness") == []


def test_a_cured_illness_named_again_is_still_cured() -> None:
    text = (
        "俺前年得过一回甲状腺癌，做了手术，现在好了，这回想问的是俺男人，"
        "他今年夏天查出来是肺癌，俺那个甲状腺癌还算不算"
    )
    assert _whose(text, "serious_illness_kind") == [("spouse", "tumor")]


def test_a_child_staying_by_the_speaker_is_the_one_at_school() -> None:
    whose = _whose("孙子在额跟前，上幼儿园", "school_stage")
    assert [(str(who).partition("#")[0], stage) for who, stage in whose] == [
        ("grandchild", "preschool")
    ]


def test_the_childs_father_said_again_is_the_spouse() -> None:
    text = "我家孩子今年九岁，我和孩子他爸都在银川，他爸开网约车"
    assert {who for who, _ in _whose(text, "employment")} == {"spouse"}


def test_the_work_named_after_dagong_is_the_job() -> None:
    text = "我现在在银川打工，在一个小区做保洁，一个月一千九"
    assert _whose(text, "employment") == [("self", "employed")]


def test_dagong_alone_is_still_working_away() -> None:
    assert _whose("我在外头打工，一个月四千", "employment") == [("self", "migrant_worker")]


def test_a_grandmother_speaking_of_the_child() -> None:
    text = (
        "我是孩子的奶奶，孩子她爸就是我儿子，前年出事走了，"
        "孩子一直跟着我和她爷爷，今年考上了大学，通知书来了"
    )
    facts = read_facts(text, TODAY, opening=True).facts
    whose = {(f.name, str(f.who).partition("#")[0]) for f in facts}
    assert ("members.is_new_admission", "grandchild") in whose
    assert not any(who in ("parent", "spouse") for name, who in whose if name != "members.age")


def test_work_at_a_workshop_is_a_job() -> None:
    text = "我在太原一个汽修厂干活，一个月四千五"
    assert _whose(text, "employment") == [("self", "employed")]
    assert _whose("想到厂里干活", "employment") == []


def test_children_told_apart_by_order_are_two() -> None:
    text = "大娃在银川上大专，二娃上高二"
    children = [m for m in read_facts(text, TODAY, opening=True).members() if m.relation == "child"]
    assert [m.count for m in children] == [2]
    assert sorted(str(v) for _, v in _whose(text, "school_stage")) == ["college", "senior_high"]


def test_one_child_said_twice_is_one() -> None:
    text = "二娃上高二，二娃学习好"
    children = [m for m in read_facts(text, TODAY, opening=True).members() if m.relation == "child"]
    assert [m.count for m in children] == [1]


def _items(text: str) -> list[str]:
    return [str(i) for i in read_facts(text, TODAY, opening=True).items]


def test_an_item_as_the_condition_of_a_rule_is_not_asked_for() -> None:
    assert _items("想问个事，吃低保的家庭还能不能再办临时救助") == ["temporary_aid"]


def test_what_another_household_was_given_is_not_asked_for() -> None:
    text = "隔壁老李家着火了，村里今天就给他家报了临时救助，俺家这样的能申请低保不"
    assert _items(text) == ["dibao"]
