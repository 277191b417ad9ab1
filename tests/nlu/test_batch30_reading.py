"""Dev openings 27 (session 40): hotline agents' call summaries (其母亲（78岁）系…特困供养人员,
与老伴、孙子（12岁）三人共同生活, 二人每月各领…) and messages full of figures: an age is not an
amount, a car that hit someone is not the household's, an age in brackets is only the one named
before them, a bound ("不满18岁") is not an age, and the home's floor area."""

from __future__ import annotations

from nlu.floor_area import floor_area_said
from tests.nlu.reading import opening_facts as _facts
from tests.nlu.reading import opening_incomes, opening_size


def _values(text: str, name: str) -> dict[str | None, object]:
    return {who: value for fact, value, who in _facts(text) if fact == name}


def test_an_age_is_not_an_amount_of_income() -> None:
    assert opening_incomes("我今年六十五了就靠养老金") == []
    assert "members.monthly_income" not in {f for f, _, _ in _facts("我六十五了没退休金能办特困吗")}
    assert opening_incomes("我今年六十五了，就靠养老金一百多过日子") == [150]


def test_a_car_that_hit_someone_is_not_the_households() -> None:
    hit = "本月初其老伴骑电动三轮车被小轿车撞伤，骨盆骨折"
    assert ("assets.vehicles", True, None) not in _facts(hit)
    assert ("assets.vehicles", True, None) not in _facts("老伴让一辆面包车给撞了")
    assert ("assets.vehicles", True, None) in _facts("家里就一辆面包车，拉货用的")


def test_an_age_in_brackets_is_the_one_named_right_before() -> None:
    ages = _values("其本人63岁，与老伴、孙子（12岁，读六年级）三人共同生活", "members.age")
    assert ages == {"self": 63, "grandchild#孙子": 12}
    assert _values("老伴、孙子都十二岁", "members.age") == {"spouse": 12, "grandchild#孙子": 12}


def test_a_call_summarys_household_count() -> None:
    assert opening_size("与老伴、孙子三人共同生活") == 3
    assert opening_size("其本人与老伴二人共同生活") == 2
    assert opening_size("该户共四口人") == 4


def test_each_of_the_two_in_a_call_summary() -> None:
    text = "其本人62岁，与老伴（60岁）二人共同生活。二人每月各领城乡居民养老金150元，无其他收入。"
    assert opening_incomes(text) == [300]
    assert _values(text, "members.monthly_income") == {"self": 150, "spouse": 150}


def test_a_status_said_with_where_in_between() -> None:
    assert ("already_receives", ("dibao",), None) in _facts(
        "其父（82岁）为历城区王舍人街道低保对象"
    )
    assert ("already_receives", ("tekun",), None) in _facts("其母亲系兰州市七里河区特困供养人员")
    assert not _values("我家是不是低保对象", "already_receives")
    assert not _values("想申请成为低保对象", "already_receives")


def test_an_age_bound_is_not_the_age() -> None:
    assert not _values("我们家孩子不满18岁，能申请吗", "members.age")
    assert not _values("孙子未满16周岁", "members.age")
    assert _values("我儿子十六岁", "members.age")["son"] == 16


def test_a_fact_before_a_question_about_meeting_the_standard_is_stated() -> None:
    assert opening_incomes("三口人一个月收入两千四够低保吗") == [2400]


def test_the_homes_floor_area() -> None:
    area = floor_area_said("该户现住自建土坯房约40平米，墙体开裂")
    assert area is not None and area.value == 40 and area.estimate
    said = floor_area_said("一个人住在村里的老房子，两间，四十来平")
    assert said is not None and said.value == 40
    assert floor_area_said("一平米三千块") is None  # a price
    assert floor_area_said("门面房一百平") is None  # a shop
    assert floor_area_said("住的楼房60平，老家还有一套90平") is None  # which one is not said
    text = "该户现住自建土坯房约40平米，墙体开裂"
    assert ("housing.has_own_housing", True, None) in _facts(text)
    assert ("housing.is_dangerous_house", True, None) in _facts(text)


def test_ge_after_the_couple_said_before_is_each_of_theirs() -> None:
    text = "我和老伴都在吃低保，我八十六，她八十。俺俩一个月低保金加起来一千六百多，还有养老金各两百出头。"
    assert opening_incomes(text) != [210]  # not the household's: each one's
    assert _values(text, "members.monthly_income") == {"self": 210, "spouse": 210}


def _items(text: str) -> list[str]:
    from nlu.facts import read_facts
    from tests.nlu.reading import READ_ON

    return [str(i) for i in read_facts(text, READ_ON, opening=True).items]


def test_help_asked_after_an_emergency_is_temporary_aid() -> None:
    asked = "前几天下大暴雨 山上的水冲下来把俺家院墙和一间偏房冲倒了 政府能给点救助不"
    assert _items(asked) == ["temporary_aid"]
    assert _items("前天下冰雹把俺家枸杞全打光了 这回还能给不") == ["temporary_aid"]
    assert _items("老伴得了肺癌，政府能给点救助不") == []  # an illness has its own items
    assert _items("家里着火了，想申请医疗救助") == ["medical_aid"]  # the item named wins


def test_asking_to_have_the_house_renovated_names_the_renovation() -> None:
    asked = "老两口住的土坯房墙都裂了大缝子，去年镇上来人鉴定过说是C级危房，能给改造不"
    assert _items(asked) == ["rural_housing_renovation"]


def test_a_benefit_got_is_received_and_a_wish_is_not() -> None:
    got = ("already_receives", ("dibao",), None)
    assert got in _facts("我们家前年就吃上低保了，现在闺女考上大学了")
    assert got in _facts("去年评上了低保")
    assert got not in _facts("想吃上低保")
    assert got not in _facts("吃上低保就好了")
    assert got not in _facts("要是能评上低保的话")
    assert got not in _facts("我们村隔壁那家有小车还有楼房都吃上低保了，俺家就老两口")


def test_what_a_member_does_now_is_their_employment() -> None:
    assert _values("老公在物业当保安一个月3200", "members.employment") == {"spouse": "employed"}
    assert _values("儿子在外面打工", "members.employment") == {"son": "migrant_worker"}
    assert _values("老伴打零工一个月一千五", "members.employment") == {"spouse": "flexible"}
    assert _values("老伴从纺织厂退休的", "members.employment") == {"spouse": "retired"}


def test_a_wish_the_past_or_a_pension_is_no_employment() -> None:
    assert not _values("原来在厂里上班，今年被辞退了", "members.employment")
    assert not _values("俺儿子想出去打工，找不到门路", "members.employment")
    assert not _values("儿子想去打工", "members.employment")
    assert not _values("我爸有退休金两千", "members.employment")  # may be 城乡居民养老金


def test_not_working_now_is_no_employment_and_a_household_register_elsewhere_is_not_local() -> None:
    assert not _values("今年3月店关了，到现在没上班", "members.employment")
    hukou = _facts("其本人户籍在河北，现在长治市打工", region="shanxi")
    assert ("has_local_hukou", False, None) in hukou
