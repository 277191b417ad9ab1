"""Question choice over every item of the region (issue 12): ask only what can change an
outcome, keep screening the items nobody named, and a progress hint that never rises on its own."""

from __future__ import annotations

import datetime as dt

from dialogue.choosing import QUESTION_BUDGET, update_hint
from dialogue.engine import DialogueEngine, IntentParser, screen_session
from dialogue.lookahead import Lookahead
from dialogue.questions import question_bank
from dialogue.replies import reply_text
from dialogue.scripting import load_scripts, persona_answer
from dialogue.state import Session, member_key
from guides.household import House, Member
from guides.ids import ItemId, Outcome, RegionId
from tests.dialogue.sessions import next_question_id

TODAY = dt.date(2026, 12, 4)
MEANS = {"deposits", "securities", "vehicles", "houses", "registered_business"}


def _single_adult(region: RegionId = RegionId.GANSU) -> Session:
    """A 45-year-old living alone, local rural hukou, consent given, the household-wide
    situations all answered "no"."""
    session = Session.new("t", "wx:test", region)
    household = session.household
    household.size = 1
    household.members = [
        Member(
            relation="self", age=45, has_disability=False, has_serious_illness=False,
            school_stage="none", wants_job=False, wants_training=False, is_veteran=False,
        )
    ]  # fmt: skip
    household.hukou_type = "rural"
    household.has_local_hukou = True
    session.consent = True
    return session


def test_a_question_none_of_whose_answers_changes_an_outcome_is_not_asked() -> None:
    # Deposits said "不知道": 低保 and the items beside it stay open whatever the car, house or
    # business answer is (screening lists those facts still). Asking them changes nothing.
    session = _single_adult()
    session.household.monthly_income_total = 300.0
    session.mark_unknown("assets.deposits")
    result = screen_session(session, TODAY)
    assert "assets.vehicles" in result.item(ItemId.DIBAO).missing_facts
    asked = []
    for _ in range(QUESTION_BUDGET):
        question = next_question_id(session, TODAY)
        if question is None:
            break
        asked.append(question)
        session.mark_unknown(_fact_of(question))  # whatever it was, nothing more is known
    assert asked, "the items not about means (临时救助, 公租房, 医疗救助) still have questions"
    assert not MEANS & set(asked)


def _fact_of(question_id: str) -> str:
    return question_bank().get(question_id).fills[0]


def test_naming_dibao_still_screens_and_asks_about_temporary_and_medical_aid() -> None:
    session = _single_adult()
    session.items = [ItemId.DIBAO]
    household = session.household
    household.monthly_income_total = 300.0
    household.assets.deposits = 0
    household.assets.securities = 0
    household.assets.vehicles = []
    household.assets.houses = []
    household.assets.has_registered_business = False
    result = screen_session(session, TODAY)
    assert result.items[0].item == ItemId.DIBAO and result.items[0].outcome != Outcome.NEED_INFO
    question = next_question_id(session, TODAY)
    assert question is not None  # 低保 is decided; the others are still worth asking about
    open_items = {i.item for i in result.items if i.outcome == Outcome.NEED_INFO}
    assert {ItemId.TEMPORARY_AID} <= open_items
    household.situations = ["fire"]
    household.basic_living_in_severe_difficulty = True
    result = screen_session(session, TODAY)
    assert result.item(ItemId.TEMPORARY_AID).outcome != Outcome.NEED_INFO


def test_a_dibao_household_is_not_asked_its_means_again() -> None:
    # The short path: already on 低保, what else it gets; the office has its means on file.
    session = Session.new("t", "wx:test", RegionId.NINGXIA)
    session.household.already_receives = [ItemId.DIBAO]
    asked = []
    for _ in range(QUESTION_BUDGET):
        question = next_question_id(session, TODAY)
        if question is None:
            break
        asked.append(question)
        if question == "consent":
            session.consent = True
        elif question == "member_more":
            session.members_closed = True  # "没有了"
        else:
            session.mark_unknown(_fact_of(question))
    assert asked and "consent" not in asked and not MEANS & set(asked)
    assert "household_income" not in asked


def test_the_hint_rises_only_with_new_members_and_says_why() -> None:
    session = Session.new("t", "wx:test", RegionId.GANSU)
    assert update_hint(session, 8) == [] and session.questions_remaining == 8
    assert update_hint(session, 11) == [] and session.questions_remaining == 8
    session.household.members = [Member(relation="self"), Member(), Member()]
    said = update_hint(session, 11)
    assert said and session.questions_remaining == 11


def test_a_household_of_one_is_never_told_it_is_large() -> None:
    session = Session.new("t", "wx:test", RegionId.GANSU)
    assert update_hint(session, 6) == []
    session.household.members = [Member(relation="self")]  # "就额一个" to 几口人
    assert update_hint(session, 9) == [] and session.questions_remaining == 6


def test_the_hint_never_rises_without_a_new_member_in_a_whole_conversation(
    nlu_backend: IntentParser,
) -> None:
    from dialogue.scripting import SCRIPTS

    for script in load_scripts(SCRIPTS):
        if script.start is None or not script.persona:
            continue
        engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
        session = Session.new("s", "wx:test", script.region)
        engine.open(session, script.start)
        seen: list[tuple[int | None, int]] = []
        for _ in range(30):
            if session.pending is None:
                break
            seen.append((session.questions_remaining, len(session.household.members)))
            answer = persona_answer(script, session.pending)
            said = " ".join(reply_text(r) for r in engine.turn(session, text=str(answer)))
            (before, members), now = seen[-1], session.questions_remaining
            if before is not None and now is not None and now > before:
                assert len(session.household.members) > members, script.name
                assert "还要问几个关于家人的问题" in said, script.name
        assert session.questions_asked <= QUESTION_BUDGET, script.name


def test_supporters_are_asked_only_after_the_members_own_condition() -> None:
    # 特困: a 45-year-old may be 特困 only if disabled; that is asked first, and once "no",
    # who supports them is never asked.
    session = Session.new("t", "wx:test", RegionId.GANSU)
    session.items = [ItemId.TEKUN]
    household = session.household
    household.size = 1
    household.members = [Member(relation="self", age=45)]
    household.hukou_type = "rural"
    household.has_local_hukou = True
    session.consent = True
    household.monthly_income_total = 0
    asked = []
    for _ in range(QUESTION_BUDGET):
        question = next_question_id(session, TODAY)
        if question is None:
            break
        asked.append(question)
        if question in ("any_disability", "member_disability"):
            household.members[0].has_disability = False
        else:  # "不知道" to every fact it asks
            for fact in question_bank().get(question).fills:
                session.mark_unknown(member_key(fact, 0) if fact.startswith("members.") else fact)
    assert {"any_disability", "member_disability"} & set(asked)
    assert "member_legal_supporter" not in asked and "member_supporter" not in asked


def test_job_seeking_is_not_asked_of_a_member_who_cannot_work() -> None:
    bank = question_bank()
    session = _single_adult()
    member = session.household.members[0]
    member.labour_ability = "lost"
    for question_id in ("member_wants_job", "member_unemployment_registered"):
        assert not bank.get(question_id).applies(session.household, member)
    member.labour_ability = "full"
    assert bank.get("member_wants_job").applies(session.household, member)


def test_the_result_lists_every_item_asked_first_and_says_what_the_office_will_check() -> None:
    from dialogue.ending import result_reply
    from guides.catalog import guide_for

    session = _single_adult()
    session.items = [ItemId.TEMPORARY_AID]
    session.household.monthly_income_total = 300.0
    reply = result_reply(session, screen_session(session, TODAY), question_bank())
    assert reply.items[0].item == ItemId.TEMPORARY_AID
    assert {line.item for line in reply.items} == set(guide_for(RegionId.GANSU).item_ids)
    open_lines = [line for line in reply.items if line.outcome == Outcome.NEED_INFO]
    assert open_lines and all(any("还要了解的：" in n for n in line.notes) for line in open_lines)
    assert any("存款" in n for line in open_lines for n in line.notes)


def test_a_dibao_household_hears_what_else_it_gets() -> None:
    from dialogue.ending import result_reply

    session = Session.new("t", "wx:test", RegionId.NINGXIA)
    session.household.already_receives = [ItemId.DIBAO]
    reply = result_reply(session, screen_session(session, TODAY), question_bank())
    assert reply.text.startswith("您家已经在领")
    assert "医疗救助" in reply.text.split("。", 1)[1]  # 医疗救助 follows from 低保


def test_a_tried_value_leaves_the_household_as_it_was() -> None:
    import pytest
    from pydantic import ValidationError

    from dialogue.lookahead import with_fact

    session = _single_adult()
    household = session.household
    tried = with_fact(household, "assets.deposits", 5000.0)
    assert tried.assets.deposits == 5000.0 and household.assets.deposits is None
    older = with_fact(household, "members.0.age", 70)
    assert older.members[0].age == 70 and household.members[0].age == 45
    with pytest.raises(ValidationError):
        with_fact(household, "members.0.age", 500)  # validated as an answer would be


def test_the_hint_is_close_to_the_questions_that_follow(nlu_backend: IntentParser) -> None:
    """An elderly citizen reads "还有大约N个问题": on every script, no hint promises fewer
    than two questions short of what follows, and on average it is within two."""
    from dialogue.scripting import SCRIPTS

    gaps: list[int] = []
    for script in load_scripts(SCRIPTS):
        if script.start is None or not script.persona:
            continue
        engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
        session = Session.new("s", "wx:test", script.region)
        engine.open(session, script.start)
        hints: list[tuple[int, int]] = []  # (questions asked so far, hint)
        for _ in range(30):
            if session.pending is None:
                break
            if session.questions_remaining:
                hints.append((session.questions_asked, session.questions_remaining))
            answer = persona_answer(script, session.pending)
            engine.turn(session, text=str(answer))
        for asked, hint in hints:
            still_to_come = session.questions_asked - asked + 1  # the one on screen counts
            gaps.append(hint - still_to_come)
    assert gaps and min(gaps) >= -2
    assert sum(abs(g) for g in gaps) / len(gaps) <= 2.0


def _ill_family_above_the_line() -> Session:
    """Ningxia, urban, four people on 5000 a month (above the 低保边缘 line), the husband 45,
    neither disabled nor ill (so nobody here is 特困: 第四条, 第八条), the wife with cancer, a son
    at college; means and consent all told; no expense said yet."""
    session = Session.new("t", "wx:test", RegionId.NINGXIA)
    household = session.household
    household.size = 4
    household.hukou_type = "urban"
    household.members = [
        Member(relation="self", age=45, has_disability=False, has_serious_illness=False),
        Member(relation="spouse", has_serious_illness=True, serious_illness_kind="tumor"),
        Member(relation="son", school_stage="college"),
        Member(relation="daughter"),
    ]
    household.monthly_income_total = 5000.0
    household.assets.deposits = 0.0
    household.assets.vehicles = []
    household.assets.houses = [House()]
    household.assets.has_registered_business = False
    household.housing.has_own_housing = True
    session.consent = True
    return session


def test_past_the_typical_length_one_question_that_settles_an_item_is_still_asked() -> None:
    # Twelve questions in, 低保 and 特困 have nothing left worth asking; 刚性支出 is open and
    # one answer (a year's medical bills of 80 000 against 60 000 income) settles it: ask that
    # rather than end with it 还需了解.
    session = _ill_family_above_the_line()
    session.questions_asked = 12
    result = screen_session(session, TODAY)
    rigid = next(i for i in result.items if i.item == ItemId("rigid_expense"))
    assert rigid.outcome == Outcome.NEED_INFO
    assert next_question_id(session, TODAY) == "medical_expense"


def test_the_question_that_settles_an_item_alone_is_not_asked_past_the_hard_stretch() -> None:
    session = _ill_family_above_the_line()
    session.questions_asked = 13
    assert next_question_id(session, TODAY) is None


def test_decides_counts_only_the_outcomes_asked_for() -> None:
    session = _ill_family_above_the_line()
    bank = question_bank()
    rigid = [ItemId("rigid_expense")]
    trial = Lookahead().begin(session, TODAY)
    assert trial.decides(bank, ("medical_expense", None), rigid, 16, (Outcome.POSSIBLE,)) == {
        ItemId("rigid_expense")
    }
    assert trial.decides(bank, ("medical_expense", None), rigid, 16, (Outcome.UNLIKELY,)) == set()
    assert trial.decides(bank, ("member_age", 0), rigid) is None  # ages are not tried
