"""Dev batch 5 conversations (session 29): consent given for the parents asked about, a
widow's two children placed in turn, one room is one home, no certificate yet is a no."""

from __future__ import annotations

import datetime as dt

import pytest

from dialogue.answer_values import Value
from dialogue.apply import apply_answer
from dialogue.choosing import plan
from dialogue.engine import DialogueEngine, IntentParser
from dialogue.replies import reply_text
from dialogue.state import Pending, Session
from guides.household import Member
from guides.ids import ItemId
from nlu.answers import parse_consent
from nlu.lexicon import parse_relation
from tests.dialogue.answering import answer

TODAY = dt.date(2026, 12, 5)


@pytest.fixture
def engine(nlu_backend: IntentParser) -> DialogueEngine:
    return DialogueEngine(nlu_backend, today=lambda: TODAY)


def test_consent_said_for_the_parents() -> None:
    assert parse_consent("我爸妈都同意") is True
    assert parse_consent("我妈同意了") is True
    assert parse_consent("我爸不同意") is False
    assert parse_consent("我不太同意") is False
    assert parse_consent("同意，不过别查我儿子") is None  # a part is no consent


def test_one_room_is_one_home_not_a_doubt() -> None:
    said = answer("houses", "一间老土房")
    assert getattr(said, "value", None) == 1
    assert getattr(answer("houses", "三间土坯房"), "kind", None) == "rooms_not_houses"


def test_no_certificate_yet_is_a_no() -> None:
    assert getattr(answer("any_disability", "证还没办"), "value", None) is False


def test_the_widows_children_get_their_own_school(engine: DialogueEngine) -> None:
    session = Session.new("s", "guest:t", "shanxi", "h5")
    engine.open(
        session, "孩子他爸前年车祸没了，我一个人带俩孩子，大的上初中小的上小学，日子过不下去了"
    )
    household = session.household
    assert household.size == 3
    assert [m.school_stage for m in household.members[1:]] == ["junior_high", "primary"]


def test_the_old_are_not_asked_about_registering_unemployment(engine: DialogueEngine) -> None:
    session = Session.new("s", "guest:t", "jinan-licheng", "h5")
    session.household.size = 1
    session.household.members = [Member(relation="self", age=82)]
    session.household.already_receives = ["dibao"]  # type: ignore[list-item]
    engine.open(session)
    asked = []
    for _ in range(6):
        if session.pending is None:
            break
        asked.append(session.pending.question_id)
        engine.turn(session, "不知道")
    assert asked  # the questionnaire went on
    assert "member_unemployment_registered" not in asked


def test_the_rooms_of_the_home_they_live_in_are_one_home() -> None:
    assert getattr(answer("houses", "就住的那三间老房子"), "value", None) == 1
    assert getattr(answer("houses", "两套"), "value", None) == 2


def test_a_pupil_has_no_labour_ability_on_the_form() -> None:
    assert getattr(answer("member_labour_ability", "上学"), "value", None) == "none"
    assert getattr(answer("member_labour_ability", "能干"), "value", None) == "full"


def test_duixiang_is_a_spouse_but_not_the_people_a_policy_is_for() -> None:
    assert parse_relation("对象") == "spouse"
    assert parse_relation("俺对象") == "spouse"
    assert parse_relation("低保对象") is None
    assert parse_relation("她在处对象") is None


def test_the_asked_item_keeps_its_members_questions_in_turn(engine: DialogueEngine) -> None:
    """失业登记 asked about: whether she can work comes before whether she registered; one
    answer alone decides nothing, the two together do, so neither is dropped. The husband's
    and the son's ages come first, once for everyone, before either is asked about work."""
    session = Session.new("s", "guest:t", "jinan-licheng", "h5")
    session.items = [ItemId.UNEMPLOYMENT_REGISTRATION]
    session.questions_asked = 8
    household = session.household
    household.size, household.hukou_type, household.has_local_hukou = 3, "urban", True
    household.members = [
        Member(relation="self", age=42, wants_job=True),
        Member(relation="spouse", labour_ability="full"),
        Member(relation="son", labour_ability="none"),
    ]
    # "家里有人想找工作吗" was answered "我想找工作": the spouse's wish stays unknown
    apply_answer(session, engine.bank.get("any_job_seeker"), None, Value(True))
    result = engine.screen(session, detail=False)
    chosen = plan(session, result, engine.bank, engine.lookahead.begin(session, TODAY))
    assert chosen.next is not None and chosen.next.question_id == "member_ages"
    household.members[1].age, household.members[2].age = 45, 19
    result = engine.screen(session, detail=False)
    chosen = plan(session, result, engine.bank, engine.lookahead.begin(session, TODAY))
    assert chosen.next is not None
    assert chosen.next.question_id in {"member_labour_ability", "member_unemployment_registered"}


def test_no_certificate_said_of_one_member_is_theirs_and_said_back_as_a_no(
    engine: DialogueEngine,
) -> None:
    """ "老伴腿脚不好，但是没办证" to 家里有人有残疾证吗 was asked again three times: the one named
    has none (yet), said back as such; the others are not said of."""
    session = Session.new("s", "guest:t", "gansu", "h5")
    engine.open(session, "我和老伴两个人过")
    session.household.members = [Member(relation="self"), Member(relation="spouse")]
    session.pending = Pending(question_id="any_disability")
    said = "\n".join(reply_text(r) for r in engine.turn(session, "老伴腿脚不好，但是没办证"))
    assert session.household.members[1].has_disability is False
    assert session.household.members[0].has_disability is None
    assert "没有领到残疾证" in said and "老伴有残疾证" not in said
    assert session.pending is None or session.pending.question_id != "any_disability"
