"""Answers stored wrongly or missed on dev set 17 (session 45), each by its cause: answers that
say more than was asked (another member's pay, a relative's 低保 or wife), mend themselves
("二级，不对，是三级"), tell what was before a change ("以前有个面包车，去年卖了"), guess (好像)
or deny one of two options ("没有城镇户口，都是农村的")."""

from __future__ import annotations

from dialogue.answers import Doubt, Value
from dialogue.engine import IntentParser
from guides.ids import RegionId
from nlu.clauses import superseded
from nlu.facts import read_facts
from tests.dialogue.answering import ANSWERED_ON as TODAY
from tests.dialogue.answering import parsed, told, value


def test_what_the_answer_takes_back_is_not_stored(nlu_backend: IntentParser) -> None:
    # sold since: no car now, though 有个面包车 is said
    sold = told(nlu_backend, "vehicles", None, "以前有个面包车，去年卖了给老伴看病")
    assert not sold.household.assets.vehicles
    # the grade mended inside the answer is the one kept
    mended = told(
        nlu_backend, "any_disability", None, "我有残疾证，二级，不对，是三级，上个月刚换的证"
    )
    assert mended.household.members[0].disability_grade == 3
    text = "以前有个面包车，去年卖了"
    assert [text[lo:hi] for lo, hi in superseded(text)] == ["以前有个面包车"]
    assert superseded("有辆面包车，儿子开着") == []


def test_an_amount_said_of_another_member_is_not_the_asked_ones(
    nlu_backend: IntentParser,
) -> None:
    session = told(nlu_backend, "member_income", 1, "她没收入，儿子在厂里一个月四千")
    assert session.household.members[1].monthly_income == 0
    # said of the one asked about, it is theirs
    assert float(value("member_income", "儿子在厂里一个月四千", asked="son")) == 4000


def test_his_wife_said_of_the_son_asked_about_is_not_the_speakers(
    nlu_backend: IntentParser,
) -> None:
    session = told(nlu_backend, "member_serious_illness", 2, "他没有，他媳妇得了癌症")
    assert session.household.members[1].has_serious_illness is None
    assert session.household.members[2].has_serious_illness is False


def test_one_of_two_options_denied_with_meiyou_is_the_other() -> None:
    assert value("hukou_type", "么得城镇户口，都是农村的") == "rural"
    assert value("hukou_type", "没有，农村的") == "rural"


def test_everyday_words_of_the_questions_own_facts() -> None:
    assert value("situations", "暴雨把房子冲了，地也淹了") == ["natural_disaster"]
    assert value("situations", "孙子掉河里差点淹了，救回来了") == ["drowning"]
    assert value("basic_living", "难是难，还能撑着") is False
    assert value("member_wants_training", "娃还上学呢，培训啥") is False
    assert value("member_graduating", "去年就毕业了") is False
    assert value("member_graduating", "今年六月就毕业了") is True
    assert value("member_health", "不咋好，老是喘") == "fair"
    assert value("member_health", "娃身体没啥，就是学习不好") == "good"
    assert value("member_elder_ability", "偶尔要人搭把手，大部分能自己来") == 1


def test_a_serious_illness_named_is_the_health_said() -> None:
    assert value("member_health", "不好，她得了乳腺癌，刚做完化疗") == "serious_illness"
    # another member's illness is not the asked member's health
    said = parsed("member_health", "还凑合，老伴身体不行，心脏搭了支架")
    assert not (isinstance(said, Value) and said.value == "serious_illness")


def test_a_bare_amount_after_another_topic_is_that_topics() -> None:
    assert float(value("securities", "没有，钱都存在信用社了，三万多")) == 0
    assert float(value("housing_area", "房子不大，也就三十来平")) == 30


def test_a_guess_is_confirmed_never_stored() -> None:
    for question, text in [
        ("relapse_monitoring", "好像是吧，村干部来登记过"),
        ("place", "张掖的，好像是甘州区吧"),
    ]:
        said = parsed(question, text, region=RegionId.GANSU)
        assert isinstance(said, Doubt) and said.kind == "guessed", text
    assert value("place", "张掖甘州区", region=RegionId.GANSU) == "620702"


def test_not_knowing_it_was_needed_is_why_it_was_not_done() -> None:
    assert value("has_residence_permit", "莫办，俺都不知道要办那个") is False


def test_a_relatives_households_aid_is_not_ours() -> None:
    assert value("already_receives", "俺闺女家吃低保，俺们家没有") == []
    received = read_facts("三四百，就靠低保", TODAY).facts
    assert [f.value for f in received if f.name == "already_receives"] == [["dibao"]]


def test_a_relative_who_died_is_not_counted_in_the_size() -> None:
    assert value("household_size", "俺和俺娘，俺爹前年没了") == 2
    # a job lost is no death: who else lives there is not known
    assert parsed("household_size", "我和老伴，儿子没了工作在家") is None
