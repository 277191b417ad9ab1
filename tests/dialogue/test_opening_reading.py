"""The opening is read in full (issue 12): each general rule of nlu.facts / nlu.mentions and the
read-back, on sentences written for these tests (not taken from any evaluation set)."""

from __future__ import annotations

import datetime as dt

from dialogue import prompts
from dialogue.engine import DialogueEngine, IntentParser, PolicyAnswer
from dialogue.replies import reply_text
from dialogue.state import Session
from guides.ids import RegionId
from nlu.facts import read_facts

TODAY = dt.date(2025, 6, 1)


def _facts(text: str, opening: bool = True) -> set[tuple[str, object, str | None]]:
    return {
        (f.name, tuple(f.value) if isinstance(f.value, list) else f.value, f.who)
        for f in read_facts(text, TODAY, opening=opening).facts
    }


def _names(text: str) -> set[str]:
    return {f.name for f in read_facts(text, TODAY, opening=True).facts}


def test_a_sentence_without_a_subject_goes_on_about_the_member_before() -> None:
    facts = _facts("我女儿今年十九岁，前年得了白血病。现在在家养病，想找个工作")
    assert ("members.wants_job", True, "daughter") in facts
    assert ("members.wants_job", True, None) not in facts


def test_an_age_after_dou_is_each_named_members() -> None:
    facts = _facts("家里就我和老伴，都七十多了")
    assert ("members.age", 75, "self") in facts
    assert ("members.age", 75, "spouse") in facts
    couple = _facts("俺们老两口都八十好几了")
    assert {("members.age", 86, "self"), ("members.age", 86, "spouse")} <= couple  # 好几: 83..89


def test_a_bare_number_after_a_member_is_its_age() -> None:
    facts = _facts("我老伴六十三，我六十，都种地")
    assert ("members.age", 63, "spouse") in facts
    assert ("members.age", 60, "self") in facts
    assert not [f for f in _facts("我两千，老伴一千五") if f[0] == "members.age"]


def test_nearly_an_age_is_an_estimate_just_under_it() -> None:
    ages = [
        f
        for f in read_facts("我奶奶快九十岁了", TODAY, opening=True).facts
        if f.name == "members.age"
    ]
    assert [(a.value, a.estimate) for a in ages] == [(89, True)]


def test_the_same_words_name_the_same_departed_person() -> None:
    names = _names("村里说我女儿有车，不给办，可我女儿早就嫁人了")
    assert "assets.vehicles" not in names


def test_what_somebody_else_has_is_not_ours() -> None:
    reading = read_facts("我们村有人开着小轿车还领着低保，我家揭不开锅了却办不下来", TODAY)
    names = {f.name for f in reading.facts}
    assert "assets.vehicles" not in names and "already_receives" not in names
    assert "basic_living_in_severe_difficulty" in names
    assert "dibao" in reading.items


def test_a_pronoun_skips_members_who_left() -> None:
    facts = _facts("外孙女跟着我过，她爸妈都不在了，她今年上初二")
    assert ("members.school_stage", "junior_high", "grandchild#外孙女") in facts
    assert not [f for f in facts if f[0] == "members.school_stage" and f[2] == "parent"]


def test_a_long_past_accident_is_not_a_recent_situation() -> None:
    assert "situations" not in _names("我老伴五年前出过车祸，腿不好")
    assert ("situations", ("traffic_accident",), None) in _facts("上个月老伴出了车祸")


def test_household_income_said_over_two_clauses_or_as_income() -> None:
    facts = _facts("家里全靠我老伴打零工，一个月八百来块")
    assert [f for f in facts if f[0] == "monthly_income_total" and 700 <= f[1] <= 900]  # type: ignore[operator]
    yearly = _facts("一年到头收入也就两万四")
    assert ("monthly_income_total", 2000, None) in yearly


def test_a_sum_wins_over_its_parts() -> None:
    incomes = [
        f.value
        for f in read_facts(
            "就靠每个月一百多块的养老金，两个人一个月加起来三百来块", TODAY, opening=True
        ).facts
        if f.name == "monthly_income_total"
    ]
    assert incomes and all(250 <= v <= 350 for v in incomes)


def test_no_income_for_the_household() -> None:
    assert ("monthly_income_total", 0, None) in _facts("现在老两口都没有收入，存款没有")
    assert ("assets.deposits", 0, None) in _facts("现在老两口都没有收入，存款没有")


def test_household_sizes_said_in_other_words() -> None:
    for text, size in (
        ("我们家五口，都在村里", 5),
        ("三口之家", 3),
        ("现在就剩我和三个娃", 4),
        ("我和老伴还有孙子三个人过", 3),
    ):
        reading = read_facts(text, TODAY, opening=True)
        assert reading.size is not None and reading.size.value == size, text


def test_people_coming_over_are_not_a_household_size() -> None:
    assert read_facts("他们三个人过来找过我", TODAY, opening=True).size is None


def test_an_item_already_received_is_not_asked_about() -> None:
    assert read_facts("我家是农村低保户，想申请临时救助", TODAY, opening=True).items == [
        "temporary_aid"
    ]


def test_the_first_illness_said_decides_the_kind() -> None:
    facts = _facts("老伴得了淋巴瘤，化疗了八次")
    assert ("members.serious_illness_kind", "blood", "spouse") in facts
    assert ("members.serious_illness_kind", "tumor", "spouse") not in facts


def test_dialect_spouse_words_and_the_speaker_describing_themself() -> None:
    assert ("members.serious_illness_kind", "liver", "spouse") in _facts("俺男人得了肝硬化")
    facts = _facts("我一个老头子，今年七十了")
    assert ("members.age", 70, "self") in facts


def test_hospital_and_item_names_are_not_facts() -> None:
    assert "members.school_stage" not in _names("老伴在医大二院住院")
    assert "housing.is_dangerous_house" not in _names("想问问危房改造怎么申请")


def test_disability_named_by_kind_and_grade() -> None:
    facts = _facts("我孙子是听力残疾，二级")
    assert ("members.has_disability", True, "grandchild#孙子") in facts
    assert ("members.disability_grade", 2, "grandchild#孙子") in facts


def _open(nlu: IntentParser, text: str) -> tuple[list[str], list[str]]:
    asked: list[str] = []

    def answerer(question: str, region: object, place: object) -> PolicyAnswer:
        asked.append(question)
        return PolicyAnswer(text="（政策回答）")

    engine = DialogueEngine(nlu, answer_policy=answerer, today=lambda: TODAY)
    session = Session.new("t", "t", RegionId.GANSU)
    return [reply_text(r) for r in engine.open(session, text)], asked


def test_policy_questions_in_an_opening_are_answered(nlu_backend: IntentParser) -> None:
    for text in ("老伴尿毒症，低保边缘是啥", "想办助学贷款，要啥手续", "临时救助能给多少"):
        _, asked = _open(nlu_backend, text)
        assert asked, text


def test_how_or_whether_to_apply_is_the_application(nlu_backend: IntentParser) -> None:
    """ "怎么申请" is answered by the screening, which ends with where and how to apply."""
    for text in ("老伴尿毒症，想问问医疗救助怎么申请", "我这样能不能办低保"):
        _, asked = _open(nlu_backend, text)
        assert not asked, text


def test_a_complaint_told_as_a_report_is_routed(nlu_backend: IntentParser) -> None:
    replies, _ = _open(nlu_backend, "我要反映一下，去镇上问低保，窗口的人态度还很差")
    assert prompts.COMPLAINT in replies


def test_the_read_back_says_size_illness_once_and_no_savings(nlu_backend: IntentParser) -> None:
    replies, _ = _open(nlu_backend, "我家三口人，老伴得了尿毒症，存款早花光了，想申请低保")
    said = next(r for r in replies if r.startswith("我听到的是"))
    assert "家里3口人" in said
    assert "您老伴得了肾病类重病" in said and "您老伴得了重病" not in said
    assert "家里没有存款" in said and "0元" not in said


def test_spaces_between_words_separate_clauses() -> None:
    facts = _facts("你好 我家是农村户口 老伴有尿毒症 想问问能不能申请低保")
    assert ("hukou_type", "rural", None) in facts
    assert ("members.serious_illness_kind", "kidney", "spouse") in facts


def test_a_flag_after_dou_is_each_named_members_and_grades_follow_their_member() -> None:
    facts = _facts("我和老伴都有残疾证，我是三级，她是一级")
    assert {
        ("members.has_disability", True, "self"),
        ("members.has_disability", True, "spouse"),
    } <= facts
    assert ("members.disability_grade", 3, "self") in facts
    assert ("members.disability_grade", 1, "spouse") in facts


def test_no_income_said_alone_is_the_households_only_after_several_members() -> None:
    assert ("monthly_income_total", 0, None) in _facts("我和老伴都病着，干不了活，没有收入")
    assert "monthly_income_total" not in _names("我在家照顾两个老人，没有收入")


def test_a_speaker_living_alone_gets_the_household_income() -> None:
    facts = _facts("老伴走了，现在我一个人过，养老金一个月八百")
    assert ("monthly_income_total", 800, None) in facts
    assert "monthly_income_total" not in _names("我们家四口人，我养老金一个月八百")


def test_an_amount_asked_back_is_not_stored() -> None:
    assert "assets.deposits" not in _names("你说存款有二十多万？哪有那么多")


def test_savings_spent_are_none() -> None:
    assert ("assets.deposits", 0, None) in _facts("看病花光了家里的积蓄")


def test_a_stage_before_de_belongs_to_the_member_after_it() -> None:
    facts = _facts("家里有我、老伴、婆婆，还有一个上高中的闺女")
    assert ("members.school_stage", "senior_high", "daughter") in facts


def test_his_father_after_our_child_is_our_spouse() -> None:
    facts = _facts("我女儿住院了，我和她爸都五十多了")
    assert ("members.age", 55, "spouse") in facts
    assert not [f for f in facts if f[2] in ("parent", "daughter") and f[0] == "members.age"]


def test_leaving_is_said_near_the_member_not_by_a_later_subject() -> None:
    facts = _facts("老伴七十了，前天被车撞了，在医院抢救，花了好几万，肇事司机跑了")
    assert ("members.age", 70, "spouse") in facts
    assert ("situations", ("traffic_accident",), None) in facts


def test_a_pension_or_wage_without_a_period_is_monthly() -> None:
    assert ("monthly_income_total", 3000, None) in _facts("我们老两口退休金加起来三千")


def test_sizes_of_a_parent_with_children_and_of_somebody_else_alone() -> None:
    reading = read_facts("我一个人带着两个孩子过", TODAY)
    assert reading.size is not None and reading.size.value == 3
    assert read_facts("我舅舅今年八十了，她一个人住", TODAY, opening=True).size is None
    assert read_facts("就我和老伴，还有儿子儿媳", TODAY, opening=True).size is None


def test_a_status_naming_an_item_is_not_a_request() -> None:
    reading = read_facts("我家是防返贫监测户，前几年脱贫了", TODAY)
    assert reading.items == []
    assert "is_formerly_poor" in {f.name for f in reading.facts}


def test_still_looking_for_work_and_a_house_not_safe_to_live_in() -> None:
    assert ("members.wants_job", True, None) in _facts("毕业半年了还没找到工作")
    assert ("housing.is_dangerous_house", True, None) in _facts("房子裂了，现在不敢住了")


def test_more_policy_questions_in_an_opening(nlu_backend: IntentParser) -> None:
    for text in ("失业登记了有什么用", "低保和低保边缘有啥区别", "申请五保需要什么证明"):
        _, asked = _open(nlu_backend, text)
        assert asked, text


def test_an_answer_states_only_what_it_says() -> None:
    """What a story implies is read in the opening only: an answer to one question does not
    turn a pension said without 一个月 or a bare age into facts."""
    assert ("monthly_income_total", 3000, None) not in _facts("老两口就靠退休金三千", opening=False)
    assert "members.age" not in {f[0] for f in _facts("女，四十九岁", opening=False)}
    assert ("members.age", 49, None) in _facts("女，四十九岁")


def test_an_elder_named_later_in_the_sentence_is_that_member() -> None:
    assert ("members.age", 88, "grandparent#外婆") in _facts("家里老人今年八十八了，是我姥姥")


def test_somebody_else_named_in_an_earlier_clause_keeps_the_facts() -> None:
    reading = read_facts("隔壁有户人家，家里有三套房，还领着低保", TODAY, opening=True)
    names = {f.name for f in reading.facts}
    assert "housing.has_own_housing" not in names and "already_receives" not in names


def test_a_total_said_with_yigong_wins_and_a_parent_with_one_child() -> None:
    reading = read_facts("我们三口人，加上婆婆一共四口", TODAY, opening=True)
    assert reading.size is not None and reading.size.value == 4
    alone = read_facts("老公走了，我带着儿子过", TODAY, opening=True)
    assert alone.size is not None and alone.size.value == 2


def test_more_ways_to_say_dibao_is_already_received() -> None:
    assert ("already_receives", ("dibao",), None) in _facts("我们家吃了三年低保了")
    assert ("already_receives", ("dibao",), None) in _facts("老两口靠低保过日子")


def test_the_speaker_goes_on_in_the_next_sentence() -> None:
    assert ("members.age", 40, "self") in _facts("我是个残疾人。现在四十岁了")


def test_no_news_for_a_year_is_a_complaint(nlu_backend: IntentParser) -> None:
    replies, _ = _open(nlu_backend, "去年报了危房改造，一年了也没有动静")
    assert prompts.COMPLAINT in replies


def test_a_hukou_in_another_province_is_not_local() -> None:
    def local(text: str, region: str) -> set[object]:
        facts = read_facts(text, TODAY, opening=True, region=region).facts
        return {f.value for f in facts if f.name == "has_local_hukou"}

    assert local("我俩户口在陕西，在兰州打工好几年了", "gansu") == {False}
    assert local("户口在吴忠，来太原打工", "shanxi") == {False}
    assert local("户口在银川", "ningxia") == set()


def test_a_part_of_the_income_is_not_the_total() -> None:
    names = _names("一个人过，就靠每月两百块养老金和儿子给的一点钱过日子")
    assert "monthly_income_total" not in names


def test_no_income_of_a_speaker_living_alone_is_the_households() -> None:
    assert ("monthly_income_total", 0, None) in _facts("我一个人生活，有残疾证，没有任何收入来源")


def test_admitted_to_a_university_and_no_residence_permit() -> None:
    assert ("members.school_stage", "college", "son") in _facts("我儿子今年被兰州理工大学录取了")
    assert ("has_residence_permit", False, None) in _facts("户口在外地，我们没有居住证")


def test_a_drought_and_wanting_training() -> None:
    assert ("situations", ("natural_disaster",), None) in _facts("今年遭了旱灾，庄稼绝收")
    assert ("members.wants_training", True, "son") in _facts("想让我儿子参加就业培训")


def test_no_housing_stock_is_not_no_house() -> None:
    assert "assets.houses" not in _names("申请公租房两年了，一直说没有房源")
    assert ("assets.houses", 0, None) in _facts("我们没有房子，租房住")


def test_questions_of_when_how_much_and_what_it_means(nlu_backend: IntentParser) -> None:
    """Asking what a term means, when or how fast, how old, how much a subsidy pays, whether it
    comes by itself, signing for a parent, or replacing a lost card: a question to answer
    first, not the start of a questionnaire."""
    for text in (
        "特困供养是个什么意思",
        "残疾人两项补贴啥时候能发",
        "医疗救助交上去几天能批",
        "多大年纪能领高龄津贴",
        "护理补贴一个月能领多少？",
        "住院花的钱医疗救助还能报多少",
        "城市低保跟农村低保一样吗",
        "高龄补贴是自动发吗",
        "我妈的低保材料我能代签不",
        "残疾证丢了怎么补办",
        "住养老院要交钱不",
    ):
        _, asked = _open(nlu_backend, text)
        assert asked, text
    for text in ("我这样能不能办低保", "我想申请临时救助，我家是低保户"):
        _, asked = _open(nlu_backend, text)
        assert not asked, text
