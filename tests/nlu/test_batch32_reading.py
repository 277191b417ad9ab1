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


def test_typed_slips_in_item_names_and_certificates() -> None:
    from nlu.lexicon import find_items

    assert [str(i) for i in find_items("特因供养能办不")] == ["tekun"]
    assert find_items("就是特因为这个") == []
    assert [str(i) for i in find_items("医保就助还能报吗")] == ["medical_aid"]
    assert ("members.has_disability", True, None) in _facts("残积证二级 精神的")


def test_farming_said_with_its_doer_right_before() -> None:
    work = _values("俺闺女白血病 俺家就靠俺和她爸种地 一年收个两万左右", "members.employment")
    assert work == {"self": "farming", "spouse": "farming"}
    assert _values("他68了 种了几亩地", "members.employment") == {None: "farming"}
    assert _values("我爸种不动地了", "members.employment") == {}


def test_not_disabled_said_outright() -> None:
    assert _values("我不是残疾 就是眼睛不好", "members.has_disability") == {"self": False}
    assert _values("孩子没残疾证", "members.has_disability") == {}


def test_hukou_type_and_local_said_after_the_hukou_clause() -> None:
    assert _values("户口在历城 城镇的", "hukou_type") == {None: "urban"}
    assert _values("成镇户口 兰州本地的", "has_local_hukou") == {None: True}


def test_whose_it_is_said_in_the_next_clause() -> None:
    said = _values("残疾证二级 精神的 是我儿子 今年三十了", "members.has_disability")
    assert said == {"son": True}


def test_a_registration_already_done_is_no_item_asked_for() -> None:
    from nlu.facts import read_facts
    from tests.nlu.reading import READ_ON

    def items(text: str) -> list[str]:
        return [str(i) for i in read_facts(text, READ_ON, opening=True).items]

    assert items("想认定就业困难人员 去年做过失业登记") == ["employment_difficulty"]
    assert items("还没做失业登记 想办失业登记") == ["unemployment_registration"]


def test_still_looking_for_work_is_a_wish_for_a_job() -> None:
    assert _values("在家待业一年多了 一直在找活", "members.wants_job") == {None: True}


def test_kitchen_and_cleaning_work_is_a_job_with_its_pay() -> None:
    text = "我在饭店后厨帮忙 一个月两千五"
    assert _values(text, "members.employment") == {"self": "employed"}
    assert _values(text, "members.monthly_income") == {"self": 2500}


def test_a_space_after_a_number_ends_its_clause() -> None:
    text = "老婆在县城超市打扫卫生 一个月1千8 儿子结婚彩礼借了八万"
    assert _values(text, "members.monthly_income") == {"spouse": 1800}
    assert _values("我在超市上班 一个月1千5 左右", "members.monthly_income") == {"self": 1500}


def test_a_rented_home_said_in_few_words() -> None:
    assert _values("我带儿子过 租的房 一个月六百", "housing.current_housing") == {
        None: "rented_private"
    }
    assert _values("离婚了带个闺女 租房住 在超市上班", "housing.current_housing") == {
        None: "rented_private"
    }


def test_no_work_and_no_income_of_one_living_alone() -> None:
    assert _values("就我一个人 没工作没收入", "monthly_income_total") == {None: 0}


def test_an_assessed_grade_of_an_elder() -> None:
    said = _values("我妈80多了 瘫床上好几年 评估是重度失能", "members.elder_ability_grade")
    assert said == {"parent#母亲": 3}
    assert _values("我爸失能了", "members.elder_ability_grade") == {}


def test_no_spouse_and_no_children_is_nobody_bound_to_support() -> None:
    said = _values("俺老伴去年走了 俺一个人过 七十九了 没儿没女", "members.has_legal_supporter")
    assert said == {"self": False}
    never = _values("我替我姐问的 她一辈子没结婚 没儿没女", "members.has_legal_supporter")
    assert never == {"sibling#姐姐": False}
    # a living spouse, an uncle whose family is little known: nothing said
    assert _values("俺老汉七十八了，俺七十五，没儿没女的", "members.has_legal_supporter") == {}
    assert _values("替我舅舅问，他一辈子没结婚，没儿没女", "members.has_legal_supporter") == {}


def test_a_queue_that_never_moves_is_a_complaint() -> None:
    from nlu.facts import read_facts
    from tests.nlu.reading import READ_ON

    assert read_facts("公租房排了两年了还没排上 打12345也没用", READ_ON, opening=True).complaint
    assert not read_facts("公租房要排多久", READ_ON, opening=True).complaint


def test_the_pension_of_a_relative_asked_for_who_lives_alone_is_theirs() -> None:
    text = "帮我妈问一下 她68了 一个人在村里住 就一个月一百三的养老金"
    assert _values(text, "members.monthly_income") == {"parent#母亲": 130}
    assert _values(text, "monthly_income_total") == {None: 130}


def test_an_own_house_named_by_its_kind() -> None:
    assert _values("我家土坯房裂了好几道缝", "housing.has_own_housing") == {None: True}
    assert _values("她一个人住自己的窑洞", "housing.has_own_housing") == {None: True}
    assert _values("邻居家土坯房塌了", "housing.has_own_housing") == {}


def test_the_mothers_side_is_no_mother() -> None:
    from nlu.facts import read_facts
    from tests.nlu.reading import READ_ON

    text = "我娘家舅舅今年七十六了，一个人住在乡下老家，他这种情况能吃特困不"
    proxy = read_facts(text, READ_ON, opening=True).speaks_for
    assert proxy is not None and proxy.person.relation == "other"


def test_the_only_earner_said_with_where_they_work() -> None:
    text = "家里就我一个人在饭馆当服务员挣钱 一个月两千八"
    assert _values(text, "monthly_income_total") == {None: 2800}
    assert _values("就我一个人在家 一个月两千八", "monthly_income_total") == {}
