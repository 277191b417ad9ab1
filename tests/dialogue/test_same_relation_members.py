"""Several members of the same relation (issue 12): "我爸八十，我妈有心脏病" is two parents, each
with their own facts, and the read-back names them apart. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

from dialogue.engine import DialogueEngine, IntentParser
from dialogue.replies import reply_text
from dialogue.state import Session
from guides.ids import RegionId
from nlu.facts import read_facts

TODAY = dt.date(2025, 6, 1)


def _open(nlu: IntentParser, text: str) -> tuple[Session, list[str]]:
    engine = DialogueEngine(nlu, today=lambda: TODAY)
    session = Session.new("s", "o", RegionId("shanxi"))
    return session, [reply_text(r) for r in engine.open(session, text)]


def _by_relation(session: Session, relation: str, name: str) -> list[object]:
    return [getattr(m, name) for m in session.household.members if m.relation == relation]


def test_father_and_mother_are_two_members_with_their_own_facts(nlu_backend: IntentParser) -> None:
    session, _ = _open(nlu_backend, "我爸今年八十了，我妈七十八，有心脏病，都跟着我过")
    assert _by_relation(session, "parent", "age") == [80, 78]
    assert _by_relation(session, "parent", "serious_illness_kind") == [None, "heart"]


def test_two_sons_told_apart_by_elder_and_younger(nlu_backend: IntentParser) -> None:
    session, _ = _open(
        nlu_backend, "我有两个儿子，大儿子三十二了，办了残疾证三级；小儿子二十五，在外打工"
    )
    assert _by_relation(session, "son", "age") == [32, 25]
    assert _by_relation(session, "son", "disability_grade") == [3, None]


def test_grandchildren_by_sex_and_by_ordinal() -> None:
    reading = read_facts("孙子十二岁上六年级，孙女九岁上三年级", TODAY, opening=True)
    ages = {(f.who, f.value) for f in reading.facts if f.name == "members.age"}
    assert ages == {("grandchild#孙子", 12), ("grandchild#孙女", 9)}
    reading = read_facts("大孙子考上了大学，二孙子上初二", TODAY, opening=True)
    stages = {(f.who, f.value) for f in reading.facts if f.name == "members.school_stage"}
    assert stages == {("grandchild#大孙子", "college"), ("grandchild#二孙子", "junior_high")}


def test_a_fact_about_one_of_two_unnamed_apart_is_not_stored(nlu_backend: IntentParser) -> None:
    """ "儿子" after 大儿子 and 小儿子: which one is unsaid, so nothing is guessed."""
    session, _ = _open(nlu_backend, "大儿子三十了，小儿子二十五。儿子有尿毒症")
    assert _by_relation(session, "son", "age") == [30, 25]
    assert _by_relation(session, "son", "has_serious_illness") == [None, None]


def test_a_later_answer_naming_one_parent_goes_to_that_parent(nlu_backend: IntentParser) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = Session.new("s", "o", RegionId("shanxi"))
    engine.open(session, "我爸今年八十了，我妈七十八，都跟着我过，想申请低保")
    engine.turn(session, text="我妈有尿毒症，一周透析三次")
    assert _by_relation(session, "parent", "serious_illness_kind") == [None, "kidney"]


def test_a_session_stored_before_the_person_key_still_loads() -> None:
    stored = Session.new("s", "o", RegionId("shanxi")).model_dump(mode="json")
    del stored["persons"]
    assert Session.model_validate(stored).persons == {}


def test_the_read_back_names_each_parent(nlu_backend: IntentParser) -> None:
    _, replies = _open(nlu_backend, "我爸今年八十了，我妈七十八，有心脏病，都跟着我过")
    said = next(r for r in replies if r.startswith("我听到的是"))
    assert "您父亲80岁" in said and "您母亲78岁" in said, said
    assert "您母亲得了心脏病类重病" in said or "您母亲得了" in said, said
    assert "第" not in said, said


def _said(text: str) -> set[tuple[str, object, str | None]]:
    return {(f.name, f.value, f.who) for f in read_facts(text, TODAY, opening=True).facts}


def test_ages_said_without_punctuation_after_each_parent() -> None:
    facts = _said("我爸今年八十三我妈七十八都跟我住")
    assert ("members.age", 83, "parent#父亲") in facts
    assert ("members.age", 78, "parent#母亲") in facts


def test_an_exact_age_wins_over_the_estimate_said_of_both() -> None:
    ages = {
        (f[1], f[2])
        for f in _said("爷爷奶奶都九十多了，爷爷九十三，奶奶九十一")
        if f[0] == "members.age"
    }
    assert ages == {(93, "grandparent#爷爷"), (91, "grandparent#奶奶")}


def test_money_given_or_one_of_several_sources_is_not_the_income() -> None:
    assert "monthly_income_total" not in {
        f[0] for f in _said("我和老伴就靠种地和一个月一百多的养老金过日子")
    }
    assert "monthly_income_total" not in {
        f[0] for f in _said("我妈一个人住，每个月就靠我给她的八百块钱生活")
    }


def test_somebody_else_living_alone_is_not_the_household_size() -> None:
    """A pronoun after 人家 still names the mother; a spouse who died leaves the speaker alone."""
    reading = read_facts("替我妈问的，人家都嫌她年纪大。她一个人住", TODAY, opening=True)
    assert reading.size is None
    reading = read_facts("老伴前年走了，一个人住在村里", TODAY, opening=True)
    assert reading.size is not None and reading.size.value == 1


def test_a_count_of_disabled_people_is_nobodys_disability_and_a_son_moved_out() -> None:
    facts = _said("我们家有两个残疾人，我大儿子智力残疾一级，小儿子肢体残疾三级")
    assert not [f for f in facts if f[2] in (None, "self")]
    assert ("members.disability_grade", 1, "son#大儿子") in facts
    assert "assets.vehicles" not in {f[0] for f in _said("那车是我儿子的，他早就结婚分出去了")}


def test_a_relative_said_not_to_exist_is_nobody_a_pronoun_names(nlu_backend: IntentParser) -> None:
    """ "也没有孩子，她放了个支架": 她 is the aunt, not a child the text says there is not."""
    reading = read_facts("我姑姑七十四了，也没有孩子。她身体不好，放了个支架", TODAY, opening=True)
    assert {f.who for f in reading.facts if f.name == "members.serious_illness_kind"} == {"other"}


def test_the_read_back_calls_one_child_of_unsaid_sex_your_child(nlu_backend: IntentParser) -> None:
    _, replies = _open(nlu_backend, "我们家是城镇户口，老公得了尿毒症，孩子上初三")
    said = next(r for r in replies if r.startswith("我听到的是"))
    assert "您孩子在上初中" in said and "第" not in said, said


def test_the_childs_grandmother_is_our_parent() -> None:
    facts = _said("俺娃他奶奶八十了，还跟着俺们过")
    assert ("members.age", 80, "parent") in facts


def test_more_policy_questions_asked_in_an_opening() -> None:
    for text in ("特困的是不是全报？", "要带什么证件？", "我父母能领吗？一个月给多少？"):
        assert read_facts(text, TODAY, opening=True).policy_question, text
