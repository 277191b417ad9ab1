"""Answers read clause by clause: a correction's new value, the present over the past, a denied
option, an item that ended, amounts per person added up, counts joined by 还有, the number said
with the area unit; a number whose unit does not fit is asked back."""

from __future__ import annotations

import datetime as dt

import pytest

from dialogue.answers import DONT_KNOW, Doubt, Value, parse_answer
from dialogue.questions import question_bank
from guides.ids import RegionId
from nlu.answers import is_dont_know, parse_consent
from nlu.dates import find_ages
from nlu.numbers import parse_amount

TODAY = dt.date(2026, 12, 4)


def answer(question: str, text: str) -> object:
    return parse_answer(question_bank().get(question), text, TODAY)


@pytest.mark.parametrize(
    ("question", "text", "expected"),
    [
        # "不是A，是B": B, whatever the question
        ("household_income", "不是两千，是一千二", Value(1200.0)),
        ("deposits", "不是五万，是五千", Value(5000.0)),
        # the clause about now wins over the one about the past
        ("hukou_type", "以前是农村的，后来转成城镇了", Value("urban")),
        ("hukou_type", "原来是城镇户口，现在迁回村里成农村的了", Value("rural")),
        ("hukou_type", "农村的", Value("rural")),
        # a denied option of two: the other
        ("hukou_type", "不是农村的", Value("urban")),
        ("hukou_type", "不是城里的，是村里的", Value("rural")),
    ],
)
def test_corrections_tenses_and_denials(question: str, text: str, expected: object) -> None:
    assert answer(question, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("前年吃过低保，后来取消了", Value([])),
        ("以前领过特困，现在吃低保", Value(["dibao"])),
        ("低保停了，高龄补贴还在领", Value(["elderly_subsidy"])),
        ("吃着低保呢", Value(["dibao"])),
    ],
)
def test_an_item_that_ended_is_not_received(text: str, expected: object) -> None:
    assert answer("already_receives", text) == expected


def test_amounts_of_different_people_add_up() -> None:
    summed = answer("household_income", "我一个月一千八，老伴一千二")
    assert summed == Value(3000.0)
    # one person, two amounts: not added (the first is the answer, as before)
    assert answer("household_income", "一个月两千，一年两万四") == Value(2000.0)
    # an estimate anywhere makes the sum an estimate
    rough = answer("household_income", "我养老金一千多，老伴八百")
    assert isinstance(rough, Value) and rough.is_estimate and 1800 <= rough.value <= 2800


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        # child support paid by a parent who lives apart is the household's income
        ("零工七八百，他妈一个月给孩子五百抚养费", 1200, 1300),
        # the total said last, without 一共, when the parts before add up to it
        ("零工七八百，他妈一个月给孩子五百抚养费，一千二三吧", 1200, 1300),
        ("养老金一千，低保三百，一千三", 1300, 1300),
    ],
)
def test_sources_add_up_and_a_total_said_last_is_kept(text: str, low: float, high: float) -> None:
    got = answer("household_income", text)
    assert isinstance(got, Value) and low <= got.value <= high


def test_together_is_not_one_yuan() -> None:
    amount = parse_amount("我俩养老金加一块不到八百")
    assert amount is not None and 700 <= amount.value <= 800 and amount.is_estimate


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("城里一套，老家还有一套", Value(2)),
        ("两套，一套是拆迁分的", Value(2)),  # a breakdown, not a second count
        ("一处，另外还有一处在老家", Value(2)),
    ],
)
def test_house_counts_joined_by_also_add_up(text: str, expected: object) -> None:
    assert answer("houses", text) == expected


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("两间房，四十来平", 38, 45),
        ("七八十平吧", 70, 80),
        ("80多", 80, 90),
        ("一百二十平米", 120, 120),
        ("大概五十个平方", 50, 50),
    ],
)
def test_the_area_is_the_number_said_with_its_unit(text: str, low: float, high: float) -> None:
    got = answer("housing_area", text)
    assert isinstance(got, Value) and low <= got.value <= high


def test_a_number_of_flats_to_the_area_question_is_asked_back() -> None:
    assert answer("housing_area", "一套房") == Doubt("houses_not_area")


def test_not_understanding_the_product_is_not_dont_know() -> None:
    assert answer("securities", "没有，俺不懂那些") == Value(0.0)
    assert answer("securities", "不懂那个，没有") == Value(0.0)
    assert is_dont_know("这个我不懂")


@pytest.mark.parametrize(
    ("question", "text", "expected"),
    [
        ("member_labour_ability", "腰不好，重活干不动", Value("partial")),
        ("member_supporter", "有个儿子，常年不管我们", Doubt("yes_and_no")),  # 有 vs 不管: asked
    ],
)
def test_colloquial_choice_words(question: str, text: str, expected: object) -> None:
    assert answer(question, text) == expected


@pytest.mark.parametrize(
    ("question", "text", "expected"),
    [
        ("securities", "没买过那些", Value(0.0)),  # never did it: a no, so none
        ("already_receives", "啥都没领", Value([])),
        ("situations", "没遇到啥事", Value([])),
        ("relapse_monitoring", "没听说过", None),  # not knowing it is no answer
        ("deposits", "存款？早花光了", Value(0.0)),  # nothing left, for assets
        ("medical_expense", "看病把钱都花光了", None),  # to 看病花了多少: a lot, not 0
        ("securities", "股票早就亏没了", Value(0.0)),
        ("has_local_hukou", "那可不", Value(True)),
    ],
)
def test_everyday_nothing_and_yes(question: str, text: str, expected: object) -> None:
    assert answer(question, text) == expected


@pytest.mark.parametrize(
    ("question", "text", "low", "high"),
    [
        ("household_income", "一千五六", 1500, 1600),  # digits one place below 千
        ("deposits", "两万三四", 23000, 24000),
        ("member_age", "七十好几了", 73, 79),
    ],
)
def test_adjacent_digits_after_a_unit_and_well_past(
    question: str, text: str, low: float, high: float
) -> None:
    got = answer(question, text)
    assert isinstance(got, Value) and low <= got.value <= high


def test_traditional_characters_count() -> None:
    assert answer("household_size", "3個人") == Value(3)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("我跟老伴，还有俩孙子", Value(4)),
        ("家里就我和老头子", Value(2)),
        ("现在就剩我跟老伴了，儿子在外地成家了", Value(2)),  # the son lives elsewhere
        ("两口子带俩娃", Value(4)),
        ("我和老伴，儿子在家种地", None),  # does the son live with them? asked again
        ("我老伴", None),  # "my spouse": not a list with the speaker in it
    ],
)
def test_the_people_listed_are_counted(text: str, expected: object) -> None:
    assert answer("household_size", text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("有，二级", Value(True, extra={"disability_grade": 2})),
        (
            "有个证，肢体三级",
            Value(True, extra={"disability_grade": 3, "disability_kind": "physical"}),
        ),
        ("有残疾证", Value(True)),
        ("有，五级", Doubt("grade_impossible")),
        ("有，十二级", Doubt("grade_impossible")),
    ],
)
def test_a_yes_to_the_disability_card_keeps_its_grade(text: str, expected: object) -> None:
    assert answer("member_disability", text) == expected


@pytest.mark.parametrize(
    ("question", "text", "expected"),
    [
        ("deposits", "欠了五万外债", Doubt("debt_not_amount", field="存款")),
        ("deposits", "欠了三万，存款就五千", Value(5000.0)),
        ("deposits", "没有存款，还欠了两万", Value(0.0)),
        ("medical_expense", "看病借了三万", Value(30000.0)),  # borrowed to pay: spent
    ],
)
def test_a_debt_is_not_savings_or_income(question: str, text: str, expected: object) -> None:
    assert answer(question, text) == expected


def test_last_years_income_is_a_yearly_amount() -> None:
    assert answer("household_income", "去年三万，今年还没算") == Value(2500.0)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("一套自己住，一套出租", Value(2)), ("一套，就一套", Value(1))],
)
def test_one_each_side_by_side_adds_up(text: str, expected: object) -> None:
    assert answer("houses", text) == expected


@pytest.mark.parametrize(
    ("question", "text", "expected"),
    [
        ("dangerous_house", "不是危房吧，我也说不好", DONT_KNOW),  # a guess is not stored
        ("vehicles", "有辆车，早报废了", Doubt("yes_and_no")),  # its own yes and no words
        ("registered_business", "有个小卖部，没执照", Doubt("yes_and_no")),
        ("member_veteran", "他当过民兵", Value(False)),  # militia is not military service
        ("member_veteran", "当过五年兵", Value(True)),
    ],
)
def test_hedged_and_contradicting_yes_no(question: str, text: str, expected: object) -> None:
    assert answer(question, text) == expected


@pytest.mark.parametrize(
    ("question", "text", "expected"),
    [
        ("household_size", "四口人，加上我妈五口", Value(5)),  # the total with the one added
        ("household_size", "原来四口，去年老伴走了", None),  # changed since: asked again
        ("member_age", "六十三，比我小五岁", Value(63)),  # the age, not the gap
        ("member_age", "他七十，我六十八", Value(70)),
        ("member_age", "比我小五岁", Doubt("relative_age")),
    ],
)
def test_totals_changes_and_ages_said_with_others(
    question: str, text: str, expected: object
) -> None:
    assert answer(question, text) == expected


def test_amounts_that_vary_and_daily_rates_are_estimates() -> None:
    varying = answer("household_income", "他们给的不固定，有时候五百有时候一千")
    assert isinstance(varying, Value) and varying.is_estimate and 500 <= varying.value <= 1000
    daily = answer("household_income", "一天能挣一百")
    assert isinstance(daily, Value) and daily.is_estimate


@pytest.mark.parametrize(
    ("question", "text", "expected"),
    [
        ("situations", "没有着火啥的，就是老伴病了", None),  # denied: not a fire
        ("situations", "着火了，还有车祸", Value(["fire", "traffic_accident"])),
        ("already_receives", "低保申请过没批", Value([])),  # asked for, not granted
        ("member_age", "今年七十", Value(70)),
    ],
)
def test_denied_choices_refused_items_and_months(
    question: str, text: str, expected: object
) -> None:
    assert answer(question, text) == expected


def test_a_hedged_refusal_of_the_check_is_a_refusal() -> None:
    assert parse_consent("不太想让你们查") is False
    assert parse_consent("你们查吧") is True


def test_a_month_after_this_year_is_no_age() -> None:
    assert find_ages("孙子今年九月上初中", TODAY) == []


@pytest.mark.parametrize(
    ("question", "text", "expected"),
    [
        ("medical_expense", "花了三万，报销了一万五", Value(15000.0)),
        ("medical_expense", "报销以后还花了八千", Value(8000.0)),
        ("medical_expense", "花了五万，报了一部分", Doubt("before_reimbursement")),
        ("rehabilitation_expense", "每个月康复得五百", Value(6000.0)),  # over 12 months
        ("has_residence_permit", "办过，过期了", Doubt("yes_and_no")),
    ],
)
def test_expenses_are_paid_after_reimbursement_over_a_year(
    question: str, text: str, expected: object
) -> None:
    assert answer(question, text) == expected


def test_half_reimbursed_and_a_semester() -> None:
    half = answer("medical_expense", "一万多，报了一半")
    assert isinstance(half, Value) and half.is_estimate and 5000 <= half.value <= 10000
    term = answer("education_expense", "一学期两千")
    assert isinstance(term, Value) and term.value == 4000.0


def test_houses_are_counted_by_their_own_unit_not_by_rooms() -> None:
    assert answer("houses", "两间瓦房一个院子") == Value(1)
    assert answer("houses", "三间") == Doubt("rooms_not_houses", "三")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("初中毕业就不上了", Value("none")),  # the stage said is over
        ("高中毕业了，没考上大学", Value("none")),
        ("大四，快毕业了", Value("college")),  # still at school
    ],
)
def test_a_school_stage_said_as_finished_is_not_the_current_one(
    text: str, expected: object
) -> None:
    assert answer("member_school_stage", text) == expected


@pytest.mark.parametrize(
    ("question", "text", "expected"),
    [
        ("deposits", "没有没有", Value(0.0)),  # a repeated no holds "有没有": not a question
        ("vehicles", "不是不是，没车", Value(False)),
        ("vehicles", "有没有车都要说吗", None),
    ],
)
def test_a_repeated_no_is_not_a_question(question: str, text: str, expected: object) -> None:
    assert answer(question, text) == expected


@pytest.mark.parametrize(
    ("question", "text", "expected"),
    [
        # the speaker mends what they just said: what follows the repair
        ("deposits", "三万，哦不，是三千", Value(3000.0)),
        ("member_age", "七十二，不对不对，七十三了", Value(73)),
        ("member_age", "八十有三了", Value(83)),  # the old way: eighty and three
        # what is left now, after the past: savings, not an expense
        ("deposits", "原来有两万，给老伴看病花得就剩五千了", Value(5000.0)),
        ("deposits", "看病花得就剩三千了", Value(3000.0)),
        ("medical_expense", "看病花得就剩三千了", None),
        # rhetorical and double negations, a past car sold
        ("vehicles", "没有没有，哪有车", Value(False)),
        ("vehicles", "以前有辆车，去年卖了", Value(False)),
        ("vehicles", "不是没有，有一辆旧车", Value(True)),
        # light work only; a certificate not yet got; a stage hoped for; not sure which grade
        ("member_labour_ability", "轻省活还能干点", Value("partial")),
        ("member_disability", "残疾是有，证还没办", Value(False)),
        ("member_school_stage", "高三，明年考大学", Value("senior_high")),
        ("member_school_stage", "孙子今年考上大学了", Value("college")),
        ("member_disability_grade", "三级还是四级来着，记不清", DONT_KNOW),
        # "，就是…" is "only that", not the 是 of a yes (看不起病 would leave it to the office)
        ("basic_living", "饭能吃上，就是穿的旧点", Value(False)),
        ("housing_area", "平房四间，每间十五平", Value(60.0)),
    ],
)
def test_repairs_leftovers_negations_and_qualifiers(
    question: str, text: str, expected: object
) -> None:
    assert answer(question, text) == expected


def test_a_hukou_in_another_province_is_not_local() -> None:
    question = question_bank().get("has_local_hukou")
    said = parse_answer(question, "俺是随儿子过来的，户口在山西", TODAY, region=RegionId.GANSU)
    assert said == Value(False)


@pytest.mark.parametrize(
    ("question", "text", "expected"),
    [
        # nothing of it, said as "never did" or rhetorically
        ("deposits", "哪有啥存款，欠一屁股债", Value(0.0)),
        ("member_serious_illness", "能有啥病，年轻着呢", Value(False)),
        ("member_veteran", "可不咋的，当了五年兵", Value(True)),
        ("dangerous_house", "墙上裂缝能伸进去手", Value(True)),
        ("household_size", "老的老小的小，一共六张嘴", Value(6)),
        ("member_living_source", "能有啥来源，地都种不动了", Value(False)),
        ("deposits", "没存下钱，都花在娃上学上了", Value(0.0)),
        ("securities", "股票基金啥的都没碰过", Value(0.0)),
        ("rehabilitation_expense", "没做过康复", Value(0.0)),
        ("situations", "没啥大事", Value([])),
        ("already_receives", "啥也没享受过", Value([])),
        # the paid share said with 还
        ("medical_expense", "报销完自己还出了八千", Value(8000.0)),
        # a "有" about a thing the question's own words rule out is no yes
        ("vehicles", "有个电动车，汽车没有", Value(False)),
        ("vehicles", "有一辆农用车，汽车没有", Value(False)),
        # everyday words for the options
        ("vehicles", "娃他爸开了个大车跑运输", Value(True)),
        ("member_employment", "在县城饭店当服务员", Value("employed")),
        ("member_employment", "退了休在家", Value("retired")),
        # the kind says there is a serious illness too
        (
            "member_serious_illness_kind",
            "大夫说是脑血栓",
            Value("cardio_cerebral", extra={"has_serious_illness": True}),
        ),
        ("member_school_stage", "上的技工学校", Value("secondary_vocational")),
        ("member_school_stage", "还小，没到上学的年纪", Value("none")),
        ("member_elder_ability", "瘫在炕上好几年了，屎尿都得人管", Value(3)),
        ("member_elder_ability", "生活自己能料理", Value(0)),
        ("member_labour_ability", "年轻力壮的，就是没活", Value("full")),
        ("basic_living", "还能糊口", Value(False)),
        ("situations", "孙子掉河里了，救上来了", Value(["drowning"])),
        ("relative_official", "俺兄弟在村上当会计", Value(True)),
        ("own_housing", "不是租的，是自己的", Value(True)),
        ("stable_income", "老伴有退休工资", Value(True)),
    ],
)
def test_everyday_words_and_never_did(question: str, text: str, expected: object) -> None:
    assert answer(question, text) == expected


@pytest.mark.parametrize(
    ("question", "text", "expected"),
    [
        ("member_disability_grade", "好像是三级，记不太清了", DONT_KNOW),  # a guess: unknown
        ("member_disability", "腿脚不好，但是没办残疾证", Value(False)),
        ("member_labour_ability", "只能干点轻省的", Value("partial")),
        ("houses", "村里有个老院子，四间土房", Value(1)),  # one home of four rooms
        ("member_employment", "早就退了", Value("retired")),
        ("member_employment", "在家种几亩地", Value("farming")),
        ("any_disability", "我自己没有，我男人有，三级", None),  # not everyone's no
        ("any_disability", "没有，都没有", Value(False)),
    ],
)
def test_batch_three_guesses_cards_and_mixed_answers(
    question: str, text: str, expected: object
) -> None:
    assert answer(question, text) == expected


@pytest.mark.parametrize(
    ("question", "text", "expected"),
    [
        ("household_income", "我的养老金一千三，老头子的九百", Value(2200.0)),  # 老头子的: his
        ("vehicles", "有个拖拉机", Value(False)),  # a farm vehicle is not a car
        ("vehicles", "有车，残疾人的那种代步车", Doubt("yes_and_no")),  # 有车, 代步车: asked
        ("own_housing", "住的是儿子的房子", None),  # 是 inside a clause says whose, not yes
        ("has_local_hukou", "就是本县的", Value(True)),  # 是 leading the clause still does
        ("current_housing", "租的公家的房子", Value("rented_public")),
        ("any_disability", "孙子智力有点问题，没办证", None),  # a no about one member
        ("any_disability", "孙子是自闭症，办了证", Value(True)),
        ("houses", "城里楼房一套，村里还有个老宅子", Value(2)),
    ],
)
def test_probe_whose_amount_which_vehicle_and_whose_no(
    question: str, text: str, expected: object
) -> None:
    assert answer(question, text) == expected


def test_an_amount_followed_by_not_even_is_just_under_it() -> None:
    said = parse_amount("一万不到")
    assert said is not None and said.is_estimate and 8000 <= said.value < 10000


@pytest.mark.parametrize(
    ("question", "text", "expected"),
    [
        ("household_income", "他一个月三千，我一千五", Value(4500.0)),  # 他 and 我: two people
        ("member_employment", "在家带孩子", None),  # caring for a child: not "under age"
        ("member_employment", "开出租车的", Value("flexible")),
    ],
)
def test_pronoun_amounts_and_minding_a_child(question: str, text: str, expected: object) -> None:
    assert answer(question, text) == expected


@pytest.mark.parametrize(
    ("question", "text", "expected"),
    [
        ("houses", "三套？没有，就一套", Value(1)),  # the echoed number is denied
        ("household_income", "老两口每月各一千", Value(2000.0)),  # each of two
        ("household_income", "每人每月三百多的养老金", None),  # how many people: unsaid
        ("dangerous_house", "还行吧，就是有点旧", Value(False)),  # the house is fine
        ("already_receives", "特困和低保都没有", Value([])),
        ("already_receives", "没有低保，有高龄补贴", Value(["elderly_subsidy"])),
    ],
)
def test_echoes_each_and_items_denied(question: str, text: str, expected: object) -> None:
    assert answer(question, text) == expected


def test_a_child_who_is_hard_up_is_no_capable_supporter() -> None:
    assert answer("member_supporter", "有个儿子，但是自己也过得紧巴") == Doubt("yes_and_no")
    assert answer("member_supporter", "儿子自己也过得紧巴") == Value(False)


@pytest.mark.parametrize(
    ("question", "text", "expected"),
    [
        # "no income, only…": the amount after 就 is the answer
        ("household_income", "没什么收入，就老伴一个月一百多块养老金", Value(150.0, True)),
        ("member_income", "她没有收入，就是一个月一百三的养老金", Value(130.0)),
        ("household_income", "没有收入，存款也花光了", Value(0.0)),
        ("basic_living", "还可以", Value(False)),  # it is all right: not very hard
    ],
)
def test_only_an_amount_after_none_and_all_right(
    question: str, text: str, expected: object
) -> None:
    assert answer(question, text) == expected


def test_money_said_to_be_borrowed_is_a_debt_not_savings() -> None:
    said = answer("deposits", "有三万，不过是借别人的")
    assert isinstance(said, Doubt) and said.kind == "debt_not_amount"


@pytest.mark.parametrize("text", ["没存款了，还欠着外债", "没有，还欠着账"])
def test_no_savings_beside_a_debt_is_none(text: str) -> None:
    assert answer("deposits", text) == Value(0.0)


@pytest.mark.parametrize(
    ("question", "text", "expected"),
    [
        (
            "member_disability",
            "原来没有，去年刚办的，三级",
            Value(True, extra={"disability_grade": 3}),
        ),
        ("dangerous_house", "原来是危房，去年改造了", None),  # renovated since: asked again
        ("current_housing", "自己家的，六十平", Value("own_private")),
    ],
)
def test_changed_since_and_own_home(question: str, text: str, expected: object) -> None:
    assert answer(question, text) == expected
