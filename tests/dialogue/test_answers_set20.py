"""Answers stored wrongly or missed on dev set 20 (session 48), each by its cause: a repair
inside the answer ("不同意，哦不是，同意"), a guess offered after "不知道" ("不知道，一千多吧"),
a rhetorical question meaning no ("咋可能有车", "咋能过不去"), a question back ("啥叫城镇户口"),
a farm income said without its period, a number of another unit taken as the area ("住了二十年了"),
a relative's expense set against the household's none, and one member's words taken for
another's ("我还行，老伴不行，常年吃药")."""

from __future__ import annotations

from dialogue.answers import Doubt, Value
from dialogue.engine import IntentParser
from nlu.dialect import of_course
from tests.dialogue.answering import parsed, told, value


def test_a_repair_inside_the_consent_keeps_what_follows(nlu_backend: IntentParser) -> None:
    assert told(nlu_backend, "consent", None, "不同意，哦不是，同意同意，按错了").consent is True
    assert told(nlu_backend, "consent", None, "同意，哦不对，不同意").consent is False


def test_a_guess_after_not_knowing_is_the_answer() -> None:
    assert value("member_age", "不知道具体的，六十五六吧") == 65
    income = parsed("member_income", "不知道，一千多吧")
    assert isinstance(income, Value) and income.is_estimate and 1000 <= income.value <= 2000
    assert 100 <= value("member_basic_pension", "不知道，一百多吧") <= 200
    # far too loose a figure is still not stored
    assert parsed("deposits", "好几万，具体记不清了") != Value(60000.0)


def test_a_rhetorical_question_is_a_no() -> None:
    assert value("vehicles", "咋可能有车") is False
    assert value("basic_living", "咋能过不去，将就着过呗") is False
    assert value("member_labour_ability", "腿坏了，咋能干活") == "lost"
    assert of_course("咋能申请低保") == "咋能申请低保"  # a question, not rhetorical
    assert of_course("咋不难") == "当然难"


def test_a_question_back_stores_nothing(nlu_backend: IntentParser) -> None:
    assert parsed("hukou_type", "啥叫城镇户口") is None
    assert told(nlu_backend, "hukou_type", None, "啥叫城镇户口").household.hukou_type is None
    registered = told(nlu_backend, "member_unemployment_registered", 0, "去哪登记")
    assert registered.household.members[0].is_unemployment_registered is None
    # the question back, then the answer
    assert value("member_unemployment_registered", "啥叫失业登记？没弄过") is False


def test_a_farm_income_without_its_period_is_asked_back() -> None:
    assert parsed("household_income", "种地收入五千") == Doubt("farm_period")
    assert value("household_income", "种地一年五千") == 416.67
    assert value("household_income", "一年两季庄稼，一季卖三千") == 500
    # given at the new year: once a year
    assert 41 <= value("household_income", "就闺女过年给个五六百，别的么得") <= 50


def test_a_number_of_another_unit_is_no_area() -> None:
    assert parsed("housing_area", "住了二十年了") is None
    assert value("housing_area", "八十平，三间") == 80


def test_the_households_none_against_a_relatives_cost() -> None:
    assert value("medical_expense", "闺女住院花了三万，俺们没花啥") == 0


def test_irregular_work_is_no_stable_income() -> None:
    assert value("stable_income", "儿子跑出租，有一天没一天的") is False


def test_the_speakers_own_state_not_the_spouses(nlu_backend: IntentParser) -> None:
    session = told(nlu_backend, "member_health", 0, "我还行，老伴不行，常年吃药")
    assert session.household.members[0].health == "good"
    # a member named inside a clause is no subject
    assert (
        told(nlu_backend, "member_employment", 1, "在家看孙子，没上班")
        .household.members[1]
        .employment
        == "unable_to_work"
    )


def test_a_hardly_said_is_no_ability() -> None:
    assert parsed("member_labour_ability", "不咋能干，眼睛看不见") is None
    assert value("member_health", "不咋好，腰疼腿疼") == "fair"


def test_an_everyday_complaint_beside_everyone_else_is_no_serious_illness() -> None:
    assert parsed("any_serious_illness", "我腰椎间盘突出，别的没啥") != Value(True, others_no=True)
    assert value("member_elder_ability", "眼睛看不见了，咋自理，啥都得人照顾") == 3


def test_everyday_words_of_set20(nlu_backend: IntentParser) -> None:
    assert value("has_residence_permit", "以前办过，早过期了") is False
    assert value("any_job_seeker", "都老了，干不了了") is False
    assert value("member_health", "耳朵背，别的还凑合") == "fair"
    assert value("dangerous_house", "前年改造过了，现在好着") is False
    assert value("relative_official", "俺兄弟以前当过村主任，早不干了") is False
    assert value("member_legal_supporter", "原来有个儿子，前年出车祸没了，老伴也早走了") is False
    assert value("own_housing", "住在俺哥家") is False
    assert value("member_wants_job", "他在县城饭馆打工呢") is False
    assert value("member_wants_training", "眼睛看不见了，学不了") is False
    assert value("vehicles", "儿子跑出租那个车是自己的") is True
    assert value("vehicles", "儿子跑出租，车是公司的") is False


def test_voice_slips_and_illness_words_of_set20(nlu_backend: IntentParser) -> None:
    blood = told(nlu_backend, "any_serious_illness", None, "孙子白雪病").household.members[3]
    assert blood.serious_illness_kind == "blood"
    assert value("any_veteran", "儿子当过病，在新疆") is True
    assert value("formerly_poor", "以前是贫困护，一八年脱的") is True
    # diabetes with its complications is serious; plain diabetes is not
    assert value("member_serious_illness_kind", "糖尿病并发症") == "endocrine"
    plain = told(nlu_backend, "member_health", 1, "老伴身体不咋地，高血压糖尿病都有")
    assert plain.household.members[1].has_serious_illness is not True


def test_none_spent_and_none_yet(nlu_backend: IntentParser) -> None:
    assert value("rehabilitation_expense", "康复？残联给免了，自己没花") == 0
    assert value("member_basic_pension", "她还莫到领的时候") == 0
    # a cost paid by a loan is still a cost: not none
    assert parsed("education_expense", "上大学贷的款交的学费，自己没掏钱") != Value(0.0)


def test_a_school_stage_to_come_is_not_the_stage_now(nlu_backend: IntentParser) -> None:
    later = told(nlu_backend, "any_student", None, "孙子明年才上幼儿园").household.members[3]
    assert later.school_stage != "preschool"
    now = told(nlu_backend, "any_student", None, "孙子上幼儿园").household.members[3]
    assert now.school_stage == "preschool"
