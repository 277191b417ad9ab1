"""Dev openings 30 (session 43): long voice-input stories told for oneself or for somebody
else: a villager or a pupil asked for by a neighbour or a teacher, a grown child with a family
of their own, a neighbour's 低保, a status that ended clauses after it was named, and amounts
that are no pay (a day's pay with no days, a fee, money kin give, the 低保 itself, a sum with
more earned after it); a nephew, a parent back home, the elder a child lives with."""

from __future__ import annotations

from nlu.facts import read_facts
from tests.nlu.reading import READ_ON, opening_incomes, opening_size
from tests.nlu.reading import opening_facts as _facts


def _values(text: str, name: str) -> dict[str | None, object]:
    return {who: value for fact, value, who in _facts(text) if fact == name}


def test_the_wife_called_wuliren_is_the_spouse() -> None:
    text = "我是武威古浪的，今年四十八，屋里人在县城超市当收银员，一个月两千二"
    assert _values(text, "members.employment") == {"spouse": "employed"}
    assert _values(text, "members.monthly_income") == {"spouse": 2200}


def test_ya_is_a_child_not_the_speaker() -> None:
    text = "我们是湖北孝感的，我家伢今年九岁，上三年级"
    assert _values(text, "members.age") == {"child": 9}


def test_a_villager_asked_for_is_nobody_of_the_writers_family() -> None:
    text = "我是替我们村的老马叔问的，他七十四了，老马叔是五保户，一个人住"
    assert _values(text, "members.age") == {}
    # what the household asked about gets is still theirs
    assert _values(text, "already_receives") == {None: ("tekun",)}
    pupil = "我是高三的班主任，我们班有个学生今年考上了宁夏大学，家里是脱贫户"
    assert _values(pupil, "members.school_stage") == {}


def test_a_grown_child_with_a_family_of_their_own_lives_apart() -> None:
    text = "俺儿子在新疆打工，四十好几了自己一家还顾不过来，俺这个情况能不能吃低保"
    assert _values(text, "members.age") == {}
    assert _values(text, "members.employment") == {}


def test_the_neighbours_dibao_is_not_received_by_us() -> None:
    text = "隔壁张家儿子在城里开饭馆，他家都吃着低保一个月三百多，俺家不给报"
    assert _values(text, "already_receives") == {}
    assert opening_incomes(text) == []


def test_a_status_ended_in_a_later_clause_is_not_received() -> None:
    text = "有二级残疾证，这些年一直吃低保，今年七月份突然说俺家不符合了给停了"
    assert _values(text, "already_receives") == {}
    assert _values("这些年一直吃低保，俺老伴有病", "already_receives") == {None: ("dibao",)}


def test_a_days_pay_with_no_days_said_is_no_months_pay() -> None:
    text = "现在干不了重活，就在小区门口修鞋，一天挣个三四十块"
    assert _values(text, "members.monthly_income") == {}
    worked = "我在建筑队打工，一天一百五，一个月能干二十来天"
    assert _values(worked, "members.monthly_income") == {"self": 3000}


def test_a_fee_is_no_income() -> None:
    text = "全家就靠爷爷奶奶的养老金和一点低保，学费一年四千六，住宿费一千二"
    assert opening_incomes(text) == []


def test_money_kin_give_is_no_income() -> None:
    text = "俺妹没有收入，就靠俺们几个兄弟姊妹每月凑个三四百"
    assert 350 not in opening_incomes(text)


def test_the_dibao_lived_on_is_no_income() -> None:
    text = "我们娘俩就靠低保过，一个月两个人加起来七百多"
    assert opening_incomes(text) == []


def test_a_villager_living_alone_is_no_household_size() -> None:
    text = "我们村有个张大爷，老伴走得早，一个人住，说是有个侄子在兰州，能不能给他申请临时救助"
    reading = read_facts(text, READ_ON, opening=True)
    assert reading.size is None
    assert reading.speaks_for is None or reading.speaks_for.size is None
    # the speaker's own late partner: the speaker lives alone
    assert opening_size("我老伴走得早，一个人住，想申请低保") == 1


def test_living_with_the_speakers_parents_is_not_living_with_the_speaker() -> None:
    text = "俺是替俺妹妹问的，俺妹今年五十五，以前跟着俺爹娘过，现在就剩她一个人在老家住"
    said = read_facts(text, READ_ON, opening=True).speaks_for
    assert said is not None and said.person.relation == "sibling"
    assert read_facts("替我妈问问，她跟着我过", READ_ON, opening=True).speaks_for is None


def test_a_nephew_in_the_speakers_story_keeps_his_own_household() -> None:
    text = "俺今年七十六了，一个人住在村里，侄儿四十多了在忻州上班，有时候过来看看"
    assert _values(text, "members.age") == {"self": 76}
    assert _values(text, "members.employment") == {}
    # a story all about an uncle still tells his age
    assert _values("我叔叔今年五十九了没结过婚一个人在农村住", "members.age") == {"other": 59}


def test_the_elder_a_child_lives_with_is_not_at_school() -> None:
    text = "大闺女在老家跟着姥姥上初中，小的跟着我们在太原上小学"
    assert _values(text, "members.school_stage") == {"daughter#大闺女": "junior_high"}


def test_a_parent_back_home_lives_apart() -> None:
    text = "我们在济南打工七八年了，老家还有个老娘七十多了要养"
    assert _values(text, "members.age") == {}


def test_a_sum_followed_by_more_earned_is_not_all_of_it() -> None:
    text = "俺今年六十八，俩人一个月养老金加起来三百多，俩人还种着十来亩地，一年也就收个四五千"
    assert opening_incomes(text) == []
    assert opening_incomes("家里就俺跟老伴两个人，两个人养老金加起来三百来块") == [300]


def test_renting_said_in_passing() -> None:
    for text in (
        "前几年离婚了，现在带着儿子在外面租房，一个月房租一千三",
        "我跟老伴搬到银川来了，在金凤区租的房子，一个月六百",
        "嗯那个，上个礼拜天中午，俺租的那个房子厨房煤气罐炸了",
        "现在住的是城中村的出租房，一间半",
    ):
        assert _values(text, "housing.current_housing") == {None: "rented_private"}, text
    assert _values("想在城里租房，公租房能申请吗", "housing.current_housing") == {}


def test_an_accident_or_explosion_told_as_a_story() -> None:
    assert _values("我爸上个礼拜五在路口被一辆小货车撞了", "situations") == {
        None: ("traffic_accident",)
    }
    assert _values("上个礼拜天俺家厨房煤气罐炸了", "situations") == {None: ("explosion",)}
    assert _values("昨天后半夜下暴雨，俺家住的那三孔窑洞塌了一孔", "situations") == {
        None: ("natural_disaster",)
    }


def test_jobs_named_by_the_work() -> None:
    assert _values("老婆在饭店洗碗，两千五", "members.employment") == {"spouse": "employed"}
    assert _values("媳妇在幼儿园当保育员，一个月两千", "members.employment") == {
        "spouse": "employed"
    }
    assert _values("我在附近的超市理货，一个月两千四", "members.employment") == {"self": "employed"}


def test_low_income_misheard_by_voice_input() -> None:
    reading = read_facts("就是我想问一下那个低手入人口认定", READ_ON, opening=True)
    assert [str(i) for i in reading.items] == ["low_income"]


def test_a_count_said_with_who_they_are() -> None:
    assert opening_size("我姐嫁到临洮了，家里现在就我们三个人，农村户口") == 3
    assert opening_size("闺女嫁到介休了，家里就我们三个人") == 3
