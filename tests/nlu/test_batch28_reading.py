"""A couple who say they have no children are a household of two, unless somebody
else is named to live with them; a hukou a rule is asked to require is not the household's.
Voice input: item names with two characters misheard (底宝, 医疗就住); 俺儿 is my son; 额两个 is
the speaker and the spouse; a benefit "给停了" is not one the household still receives; a number
mended inside the story ("三口人，不对，四口人") is read as mended, never as first said; a pay
after a job said in the clause before ("当收银员，一个月两千三"), but not 她's with nobody named."""

from __future__ import annotations

from nlu.facts import read_facts
from tests.nlu.reading import READ_ON, opening_size
from tests.nlu.reading import opening_facts as _facts


def test_a_childless_couple_is_two() -> None:
    assert opening_size("俺老汉七十八了 俺七十五 没儿没女的 地也种不动了 俺们能办特捆不") == 2
    assert opening_size("我和老伴都七十多了，没儿没女") == 2
    # a neighbour's son, named after 他, lives with the neighbour
    assert opening_size("隔壁老王家他儿子在兰州开饭馆，我跟老伴没儿没女") == 2


def test_childless_but_not_two() -> None:
    assert opening_size("邻居老两口没儿没女，我想问问") is None  # not the speaker
    assert opening_size("我跟老伴没儿没女，跟我妈一起住") is None  # the mother lives there
    assert opening_size("隔壁老王家没儿没女，俺和老伴跟儿子住") is None  # so does the son
    assert opening_size("我老伴走了，没儿没女") is None  # no living spouse named


def test_a_hukou_asked_about_as_a_condition_is_not_stored() -> None:
    asked = "我爸妈想从镇原乡下搬到庆阳城里住，公租房需要啥条件？是不是非得有城里户口才能申请？"
    assert not [f for f in _facts(asked) if f[0] == "hukou_type"]
    assert not [f for f in _facts("公租房必须有城镇户口吗") if f[0] == "hukou_type"]
    assert ("hukou_type", "rural", None) in _facts("我农村户口能申请低保吗？")
    assert ("hukou_type", "rural", None) in _facts("必须是城镇户口才能办吗，我是农村户口")


def _items(text: str) -> list[str]:
    return [str(i) for i in read_facts(text, READ_ON, opening=True).items]


def test_item_names_misheard_twice() -> None:
    assert _items("底宝钱这个月咋没打到卡上 嗯 都二十几号了") == ["dibao"]
    assert _items("就是 医疗就住 在哪报 要带啥") == ["medical_aid"]


def test_a_benefit_stopped_is_not_received() -> None:
    for text in (
        "俺的底保咋给停了 也没人跟俺说一声",
        "我家原来是低保户，上个月社区通知说我们家低保停了",
    ):
        assert not [f for f in _facts(text) if f[0] == "already_receives"], text
    late = _facts("我们是低保户，这个月低保钱还没到账")  # late, still theirs
    assert ("already_receives", ("dibao",), None) in late


def test_an_er_after_a_possessive_is_a_son() -> None:
    facts = _facts("俺家 俺跟俺儿两个人 俺儿有残疾证 智力的 一个月就俺六百块钱的养老金")
    assert ("members.has_disability", True, "son") in facts
    assert not [f for f in facts if f[0] == "members.has_disability" and f[2] == "self"]
    assert not [f for f in _facts("俺儿女都不管俺，俺七十了") if f[2] == "son"]


def test_e_liangge_is_the_couple() -> None:
    facts = _facts("额们家 额跟老伴 儿子 还有个孙子 儿子在外头打工 额两个都七十好几了")
    assert not [f for f in facts if f[0] == "members.age" and f[2] == "son"]
    assert {f[2] for f in facts if f[0] == "members.age"} == {"self", "spouse"}


def test_voice_typed_couple_and_no_income() -> None:
    text = "俺老汉 去年 脑溢血 瘫炕上了 俺一个人伺候他 家里就俺们两个 啥收入也没有 刚性支出那个能给办不"
    assert ("monthly_income_total", 0, None) in _facts(text)
    assert opening_size("额今年七十三了 老伴也七十了 就额们两个人在家 儿子在新疆打工 成家了") == 2


def test_a_number_mended_inside_the_story() -> None:
    assert opening_size("我家三口人，不对，四口人") == 4
    assert opening_size("你看 额们家 三个人 不对 四个人 额跟老伴 儿子 还有个孙子") == 4
    assert opening_size("俺家是 嗯 四口人 不对 五口 俺 俺老伴 儿子儿媳 还有个孙子") == 5
    assert ("members.age", 66, "self") in _facts("俺今年六十五，不对，六十六了")
    assert ("members.age", 47, "self") in _facts("俺是历城唐冶的 四十六 嗯 不对 四十七了")
    mended_pay = _facts("我一个月挣两千，不对，两千五")
    assert not [f for f in mended_pay if f[1] == 2000]


def test_a_pay_after_the_job_and_not_a_strangers() -> None:
    pay = _facts("家里还有两个孩子，大的上初中，小的上幼儿园，我在超市当收银员，一个月两千三。")
    assert ("members.monthly_income", 2300, "self") in pay
    for text in ("她在饭店洗碗，一个月两千", "她在饭店洗碗一个月两千"):
        assert not [f for f in _facts(text) if f[0] == "members.monthly_income"], text
    partly = _facts(
        "我在超市当收银员，一个月两千三。家里四口人就靠我这点工资和丈夫原来打零工的钱。"
    )
    assert not [f for f in partly if f[0] == "monthly_income_total"]


def test_the_speaker_followed_is_no_subject() -> None:
    """ "儿子跟着俺 上初一": the son's school, not the speaker's; "想问问能不能先吃个低保 再给介绍
    个活": the speaker's wish, not the mother's named before."""
    facts = _facts(
        "离婚好几年了 儿子跟着俺 上初一 现在就靠俺娘贴补点 想问问能不能先吃个低保 再给介绍个活"
    )
    assert ("members.school_stage", "junior_high", "son") in facts
    assert not [f for f in facts if f[2] == "self" and f[0] == "members.school_stage"]
    assert ("members.wants_job", True, "self") in facts
    assert not [f for f in facts if f[0] == "members.wants_job" and f[2] != "self"]


def test_registered_unemployed_and_renting() -> None:
    said = _facts(
        "额是吴忠的 今年四十五 厂子倒闭了 在家闲了半年了 失业登记办过了 能认定个就业困难不"
    )
    assert ("members.is_unemployment_registered", True, "self") in said
    assert not [f for f in _facts("失业登记在哪办") if f[0] == "members.is_unemployment_registered"]
    renting = _facts("额们一家三口在银川租房子住 一个月房租八百")
    assert ("housing.current_housing", "rented_private", None) in renting
    for text in (
        "我们住的是公租房，想问问租金",
        "我一个人过，有个儿子在银川打工，他自己还租房子住，顾不上我",  # the son's
        "儿子三十了在太原送外卖 自己在太原租房住 有媳妇有娃",
        "跟我哥嫂一起住，我想自己租个房子住，听说有公租房",  # a wish
    ):
        assert not [f for f in _facts(text) if f[0] == "housing.current_housing"], text


def test_a_late_payment_said_after_a_pause() -> None:
    assert ("already_receives", ("tekun",), None) in _facts("额的特捆供养金 咋少了一百块 谁扣的")


def test_two_of_us_both_in_our_seventies() -> None:
    for text in ("俺和俺老头俩人都七十多 低保能吃上不", "额跟老伴两个都七十多了"):
        ages = {(f[2], f[1]) for f in _facts(text) if f[0] == "members.age"}
        assert ages == {("self", 75), ("spouse", 75)}, text
    assert not [f for f in _facts("一个月都八十") if f[0] == "members.age"]


def test_a_clause_of_just_the_two_and_the_one_pension() -> None:
    text = "俺家 俺跟俺儿两个人 俺儿有残疾证 智力的 一个月就俺六百块钱的养老金 俺能办不"
    assert opening_size(text) == 2
    assert ("monthly_income_total", 600, None) in _facts(text)
    assert opening_size("我跟老伴两个人都有病") is None  # said of the two, not the household


def test_e_is_the_speaker_only_where_it_cannot_be_a_word() -> None:
    for text in ("低保名额是不是满了", "金额是多少", "贷款额度是多少"):
        assert not read_facts(text, READ_ON, opening=True).mentions, text
    said = read_facts("额是退伍的", READ_ON, opening=True)
    assert [m.relation for m in said.mentions] == ["self"]


def test_e_as_a_possessive() -> None:
    assert ("members.is_veteran", True, "spouse") in _facts("额老汉年轻时候当过兵 在新疆 五年")
    assert not read_facts("名额儿满了没", READ_ON, opening=True).mentions  # no 额儿 (my son)
