"""A child whose sex is never said (孩子, 娃): "孩子，我的孩子" to 是您的什么人 is the applicant's
child ("child"), not asked three times; the form leaves 子/婿 or 女/媳 to the office, and 特困
weighs the parents living here as their obligors (no 有没有法定抚养人 asked of an eight-year-old).
And a daughter asking for her father: her "俺在超市上班" is not his, and "俺俩轮着给点" answers
有能养活、照顾他的子女吗 (dev batch K)."""

from __future__ import annotations

import datetime as dt

import pytest

from dialogue.answer_values import Value
from dialogue.answers import parse_answer
from dialogue.engine import DialogueEngine, IntentParser
from dialogue.questions import question_bank
from dialogue.state import Pending, Session
from guides.forms.fields import MEMBER_FIELDS
from guides.household import Household, Member
from guides.ids import RegionId
from guides.screening.engine import screen
from nlu.commands import is_command
from nlu.lexicon import own_child_said

TODAY = dt.date(2026, 12, 4)


@pytest.mark.parametrize(
    "text",
    # with the age said alongside (played conversation, session 48: "孩子十七" was asked back)
    [
        "孩子 我的孩子",
        "孩子",
        "娃",
        "大娃",
        "我家娃",
        "娃，我们的娃",
        "是俺家的娃",
        "孩子十七",
        "孩子，十七了",
        "俺家娃 12岁",
    ],
)
def test_my_child_is_said(text: str) -> None:
    assert own_child_said(text)


@pytest.mark.parametrize(
    "text", ["孙子", "孩子他爸", "我闺女", "侄子的孩子", "老大", "不知道", "十七", "孩子他爸五十"]
)
def test_other_words_are_not_my_child(text: str) -> None:
    assert not own_child_said(text)


def test_the_relation_answer_is_kept(nlu_backend: IntentParser) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = Session.new("s", "wx:test", RegionId.GANSU)
    engine.open(session, "我离婚了，孩子跟我，今年八岁上二年级，想问问能办啥")
    engine.turn(session, text="两个 我跟孩子")
    child = next(i for i, m in enumerate(session.household.members) if i > 0)
    session.pending = Pending(question_id="member_relation", member=child)
    engine.turn(session, text="孩子 我的孩子")
    assert session.household.members[child].relation == "child"
    assert session.pending is None or session.pending != Pending(
        question_id="member_relation", member=child
    )


def test_the_form_leaves_the_sex_to_the_office() -> None:
    assert MEMBER_FIELDS["relation"](Member(relation="child")) is None
    assert MEMBER_FIELDS["relation"](Member(relation="son")) == "son"


def _mother_and_child(relation: str | None) -> Household:
    return Household(
        region=RegionId.GANSU,
        size=2,
        hukou_type="urban",
        members=[
            Member(relation="self", age=34, labour_ability="full", has_disability=False),
            Member(relation=relation, age=8, has_disability=False),
        ],
    )


def test_the_parent_here_is_the_childs_obligor() -> None:
    result = screen(_mother_and_child("child")).item("tekun")
    assert "members.1.has_legal_supporter" not in result.missing_facts
    assert result.outcome == "unlikely"


def test_a_member_of_unsaid_relation_is_still_asked() -> None:
    result = screen(_mother_and_child(None)).item("tekun")
    assert result.outcome == "need_info"


def _for_father(nlu: IntentParser) -> tuple[DialogueEngine, Session]:
    engine = DialogueEngine(nlu, today=lambda: TODAY)
    session = Session.new("s", "wx:test", RegionId.JINAN_LICHENG)
    engine.open(
        session,
        "俺想替俺爹问问 俺爹七十六了 一个人在村里住 每个月就一百六七的养老金 "
        "俺跟俺弟都成家了不在一块住",
    )
    return engine, session


def test_the_speakers_own_job_is_not_the_fathers(nlu_backend: IntentParser) -> None:
    engine, session = _for_father(nlu_backend)
    assert session.speaking_for  # the questions are about him
    session.pending = Pending(question_id="member_supporter", member=0)
    engine.turn(session, text="俺弟开车送货一个月五六千 俺在超市上班 俺俩轮着给点")
    father = session.household.members[0]
    assert father.employment is None
    assert father.has_capable_supporter is True


def test_a_speaker_for_herself_still_owns_her_job(nlu_backend: IntentParser) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = Session.new("s", "wx:test", RegionId.JINAN_LICHENG)
    engine.open(session, "我今年五十了，一个人过，想问问低保")
    session.pending = Pending(question_id="household_income", member=None)
    engine.turn(session, text="一千五 我在超市上班")
    assert session.household.members[0].employment is not None


_FOR_PARENTS = (
    "俺替俺爹娘问问 俺爹八十三了 俺娘八十了 俺娘老年痴呆四五年了 全靠俺爹伺候 "
    "他俩在村里住 就那点养老金 俺在天桥上班 一礼拜回去一趟"
)


def test_the_speakers_husband_is_not_the_mother(nlu_backend: IntentParser) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = Session.new("s", "wx:test", RegionId.JINAN_LICHENG)
    engine.open(session, _FOR_PARENTS)
    members = session.household.members
    assert [m.relation for m in members] == ["self", "spouse"]
    assert members[0].employment is None  # 俺在天桥上班: the daughter's job
    session.pending = Pending(question_id="member_supporter", member=0)
    engine.turn(session, text="就俺 俺在超市理货一个月两千三 对象退休了三千 俺还帮着看孙子")
    assert members[1].employment is None  # 对象退休了: her husband, not her mother
    assert members[0].has_capable_supporter is True  # 就俺: the daughter is the one
    # the couple's children are both parents' obligors: not asked again of the mother
    assert members[1].has_capable_supporter is True


def test_an_old_couples_son_answers_for_both(nlu_backend: IntentParser) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = Session.new("s", "wx:test", RegionId.NINGXIA)
    engine.open(session, "我跟老伴都七十了，儿子在西安，我们老两口能吃低保不？")
    engine.turn(session, text="两口")
    members = session.household.members
    session.pending = Pending(question_id="member_legal_supporter", member=0)
    engine.turn(session, text="就一个儿子，在西安")
    assert [m.has_legal_supporter for m in members] == [True, True]


def test_a_bare_yes_of_one_spouse_is_not_the_others(nlu_backend: IntentParser) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = Session.new("s", "wx:test", RegionId.NINGXIA)
    engine.open(session, "我跟老伴都七十了，我们老两口能吃低保不？")
    engine.turn(session, text="两口")
    members = session.household.members
    session.pending = Pending(question_id="member_legal_supporter", member=0)
    engine.turn(session, text="有")  # the spouse may be the one meant
    assert members[0].has_legal_supporter is True
    assert members[1].has_legal_supporter is None


@pytest.mark.parametrize(
    "text",
    [
        "俺一礼拜回去一趟",
        "就俺爹伺候着 俺一礼拜回去一趟",
        "回去看看他",
        "俺每个礼拜回去送点吃的",  # a trip home with food, to 有能养活照顾他的子女吗
        "隔几天回去给她做顿饭",
    ],
)
def test_a_trip_home_is_no_go_back(text: str) -> None:
    assert not is_command("go_back", text)


@pytest.mark.parametrize("text", ["回去", "我要回去", "回到上一个问题"])
def test_go_back_still_goes_back(text: str) -> None:
    assert is_command("go_back", text)


def test_the_child_kept_as_child_takes_its_age(nlu_backend: IntentParser) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = Session.new("s", "wx:test", RegionId.GANSU)
    engine.open(session, "我们家娃在兰州上大二，今年的助学贷款还没办，去哪办")
    engine.turn(session, text="三口 我 我男人 还有娃")
    members = session.household.members
    child = next(i for i, m in enumerate(members) if m.school_stage == "college")
    session.pending = Pending(question_id="member_relation", member=child)
    engine.turn(session, text="娃 我们的娃")
    assert members[child].relation == "child"
    session.pending = Pending(question_id="member_ages", member=None)
    engine.turn(session, text="我四十六，我男人四十八，娃十九岁")
    assert members[child].age == 19
    assert len(members) == 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [("去年贷了 今年还没办", False), ("去年贷了，今年也贷了", True), ("今年办了", True)],
)
def test_this_years_loan_is_this_years(text: str, expected: bool) -> None:
    question = question_bank().get("member_student_loan")
    answer = parse_answer(question, text, TODAY)
    assert isinstance(answer, Value) and answer.value is expected


def test_last_years_loan_is_not_this_years(nlu_backend: IntentParser) -> None:
    question = question_bank().get("member_student_loan")
    assert parse_answer(question, "去年办过", TODAY) is None
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = Session.new("s", "wx:test", RegionId.GANSU)
    engine.open(session, "我们家娃在兰州上大二，助学贷款去哪办")
    engine.turn(session, text="三口")
    child = next(i for i, m in enumerate(session.household.members) if m.school_stage)
    session.pending = Pending(question_id="member_student_loan", member=child)
    engine.turn(session, text="去年办过")
    assert session.household.members[child].has_student_loan_this_year is None


def test_a_ten_year_old_is_not_the_husband_listed(nlu_backend: IntentParser) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = Session.new("s", "wx:test", RegionId.NINGXIA)
    engine.open(
        session,
        "我们两口子是甘肃平凉的 在银川打工六年了 三个月前我男人在工地从架子上摔下来 腿摔断了 "
        "现在在家养着干不了活 我在小区做保洁一个月两千 两个娃在银川上学 大的十岁小的六岁",
    )
    engine.turn(session, text="农村的")
    session.pending = Pending(question_id="household_size", member=None)
    engine.turn(session, text="四口 我们俩加两个娃")
    members = session.household.members
    spouse = [m for m in members if m.relation == "spouse"]
    assert len(spouse) == 1 and spouse[0].age != 10
    assert sorted(m.age for m in members if m.age is not None and m.age < 18) == [6, 10]


@pytest.mark.parametrize("child", ["两个娃", "两个儿子"])
def test_a_stage_said_again_in_the_question_is_the_same_childs(
    nlu_backend: IntentParser, child: str
) -> None:
    """ "大的上大学，小的上初中…娃上大学能不能贷款": three stages of two children, the third a
    repeat, still go to the two in turn."""
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = Session.new("s", "wx:test", RegionId.GANSU)
    engine.open(session)
    engine.turn(
        session,
        f"家里四口人 我跟老婆 还有{child} 大的在兰州上大学 小的上初中 我想问问娃上大学能不能贷款",
    )
    stages = [m.school_stage for m in session.household.members if m.school_stage]
    assert stages == ["college", "junior_high"]  # no third child at college


@pytest.mark.parametrize(
    "text", ["就一个儿 二级残疾 自己吃低保 管不了", "他自己也吃着低保 管不了我"]
)
def test_what_an_answer_about_the_supporter_says_is_not_the_households(
    nlu_backend: IntentParser, text: str
) -> None:
    """The son described to 有能养活、照顾自己的子女吗: his disability and his 低保 are his."""
    session = _supporter_answered(nlu_backend, [Member(relation="self", age=81)], text, size=1)
    me = session.household.members[0]
    assert me.has_capable_supporter is False
    assert me.has_disability is None and me.disability_grade is None
    assert not session.household.already_receives


def test_just_the_two_of_us_to_the_supporter_question_is_no_size(
    nlu_backend: IntentParser,
) -> None:
    members = [Member(relation="self", age=78), Member(relation="son")]
    session = _supporter_answered(nlu_backend, members, "就我们俩 我们也老了")
    assert session.household.size is None


def _supporter_answered(
    nlu_backend: IntentParser, members: list[Member], text: str, size: int | None = None
) -> Session:
    """`text` answered to 有能养活、照顾自己的子女吗, asked of the first of `members`."""
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = Session.new("s", "wx:test", RegionId.GANSU)
    engine.open(session)
    session.household.size = size
    session.household.members = members
    session.pending = Pending(question_id="member_supporter", member=0)
    engine.turn(session, text=text)
    return session
