"""Answers stored wrongly or missed on dev set 18 (session 46), each by its cause: short phone
answers ("能", "娃才八岁"), a gap between ages taken as an age ("她小我三岁"), a question back
taken as a yes ("你们查了会不会把低保取消了？"), a relative's money, 五保 or car taken as the
household's ("俺哥…，俺们家…", "俺闺女家有车"), the member asked about said not to be the one
("不是我老伴，我说的是我儿子…"), and everyday words for an illness, a disability or work."""

from __future__ import annotations

import pytest

from dialogue.answers import Doubt, Value
from dialogue.engine import IntentParser
from guides.ids import RegionId
from nlu.answers import parse_consent
from tests.dialogue.answering import parsed, told, value


def test_a_gap_between_ages_is_no_age() -> None:
    # "小我三岁" compares, like "比我小三岁": the age itself is asked again
    assert parsed("member_age", "她小我三岁") == Doubt("relative_age")
    assert parsed("member_age", "大我两岁") == Doubt("relative_age")
    # the age said beside the gap is the answer
    assert value("member_age", "六十三，她小我三岁") == 63


def test_an_age_told_beside_an_amount_is_not_the_amount() -> None:
    # "娃才十二" tells the child's age; "哪来的钱" is the answer: none
    assert value("member_income", "娃才十二，哪来的钱") == 0
    assert value("member_income", "他都七十了，没收入") == 0
    # a period or money before the number: an amount ("一个月才八百")
    assert value("household_income", "一个月才八百，够干啥") == 800


def test_a_question_back_is_no_consent() -> None:
    assert parse_consent("你们查了会不会把低保取消了？") is None
    assert parse_consent("会不会查出啥来") is None
    # the question echoed back, then the answer
    assert parse_consent("查银行卡啊？查吧") is True
    assert parse_consent("查银行卡？那不行") is False
    assert parse_consent("同意么") is True  # 么 ends a yes too: no question back


def test_what_a_clause_asking_back_supposes_is_not_stored(nlu_backend: IntentParser) -> None:
    session = told(nlu_backend, "hukou_type", None, "儿子在外地上班算不算")
    assert session.household.members[2].employment is None


def test_the_households_own_clause_answers_not_a_relatives(nlu_backend: IntentParser) -> None:
    income = told(nlu_backend, "household_income", None, "俺哥一个月挣好几千，俺们家就靠低保四百多")
    assert income.household.monthly_income_total is not None
    assert 400 <= income.household.monthly_income_total <= 500
    mother = told(nlu_backend, "already_receives", None, "俺娘吃的五保，俺们啥也么有")
    assert mother.household.already_receives == []
    # the couple set against the son (a member) is no household: the son's pay counts
    assert value("household_income", "儿子在县城上班一个月三千，我们老两口没收入，就这些") == 3000


def test_a_relatives_home_is_not_the_households(nlu_backend: IntentParser) -> None:
    assert parsed("vehicles", "俺闺女家有车") is None
    assert told(nlu_backend, "vehicles", None, "俺闺女家有车").household.assets.vehicles is None
    assert parsed("already_receives", "俺闺女家吃低保") is None
    assert value("already_receives", "俺闺女家吃低保，俺们家没有") == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("俺在临夏县", "622921"),  # named in full: not 临夏市
        ("甘谷县，俺闺女在兰州七里河", "620523"),  # the daughter's district is hers
        ("我闺女在兰州城关区，我在永登", "620121"),
    ],
)
def test_the_households_place_of_several_named(text: str, code: str) -> None:
    assert value("place", text, region=RegionId.GANSU) == code


def test_another_member_said_instead_of_the_one_asked(nlu_backend: IntentParser) -> None:
    text = "不是我老伴，我说的是我儿子，一个月四千"
    assert parsed("member_income", text, asked="spouse", of_another=True) is None
    session = told(nlu_backend, "member_income", 1, text)
    assert session.household.members[1].monthly_income is None
    assert parsed("member_income", "不是我，是我老伴一个月八百", asked="self") is None


def test_one_members_pay_with_the_rest_unknown_is_no_total() -> None:
    said = parsed("household_income", "俺儿子一个月挣五千，别的不清楚")
    assert isinstance(said, Doubt) and said.kind == "only_part"


def test_short_answers_to_choice_questions() -> None:
    assert value("member_labour_ability", "娃才八岁") == "none"  # under sixteen
    assert value("member_labour_ability", "他四十五，能干") == "full"
    assert value("member_elder_ability", "能") == 0
    assert value("member_elder_ability", "半身不遂，吃饭都得人喂") == 3
    assert value("member_labour_ability", "不行了，脑梗以后半身不遂") == "lost"


@pytest.mark.parametrize(
    ("question", "text", "expected"),
    [
        ("member_disability_kind", "傻，从小就傻", "intellectual"),
        ("member_disability_kind", "半身不遂", "physical"),
        ("member_disability_kind", "只体", "physical"),  # voice slip
        ("member_serious_illness_kind", "脑更", "cardio_cerebral"),  # voice slip
        ("member_serious_illness_kind", "糖尿病并发症", "endocrine"),
        ("member_employment", "打临工", "flexible"),  # voice slip
        ("member_employment", "念书", "student"),
        ("member_health", "不咋行，老是头晕", "fair"),
        ("member_wants_job", "他在上班呢，找啥", False),  # asks back: no
        ("member_wants_job", "他有工作，在厂里呢", False),  # has one
        ("member_unemployment_registered", "登了，三月份登的", True),
        ("relapse_monitoring", "去年纳入了，今年说消除了", False),
    ],
)
def test_everyday_words(question: str, text: str, expected: object) -> None:
    assert value(question, text) == expected


def test_a_sudden_illnesss_bill_at_once() -> None:
    said = value("situations", "孙子突然查出白血病，一下要二十万")
    assert said == ["sudden_serious_illness", "sudden_medical_expense"]
    # a cost said per year is a regular one, not a sudden bill
    assert value("situations", "老伴突然脑出血，一年药钱得三四万") == ["sudden_serious_illness"]


def test_a_birth_year_said_after_a_person_is_their_age(nlu_backend: IntentParser) -> None:
    text = "我1960年的，老伴1962年的，儿子88年的，孙子2012年的"
    session = told(nlu_backend, "member_ages", None, text)
    assert [m.age for m in session.household.members] == [65, 63, 37, 13]
    # a year of something else is nobody's age
    assert not told(nlu_backend, "member_ages", None, "房子是1990年的").household.members[0].age


def test_what_holds_now_when_two_years_are_told() -> None:
    assert value("has_residence_permit", "去年办过，今年过期了还没续") is False
    assert value("has_residence_permit", "居住证去年就办下来了") is True


def test_the_certificates_kind_and_grade_say_it_is_held() -> None:
    said = parsed("member_disability", "去年三月份办的，肢体三级")
    assert said == Value(True, extra={"disability_grade": 3, "disability_kind": "physical"})


@pytest.mark.parametrize(
    ("question", "text", "expected"),
    [
        ("member_school_stage", "没", "none"),  # a bare no to 现在上学吗
        ("dangerous_house", "房子没麻达", False),  # Gansu 没麻达: 没问题
        ("member_employment", "在家，啥也干不了，她瘫了", "unable_to_work"),
        ("member_living_source", "就靠低保", False),  # under the 低保 line: 无生活来源
        ("relative_official", "俺闺女在民政局管低保", True),
    ],
)
def test_more_everyday_answers(question: str, text: str, expected: object) -> None:
    assert value(question, text) == expected


def test_living_in_ones_own_house_is_a_home_of_ones_own(nlu_backend: IntentParser) -> None:
    session = told(nlu_backend, "current_housing", None, "自己的")
    assert session.household.housing.current_housing == "own_private"
    assert session.household.housing.has_own_housing is True
