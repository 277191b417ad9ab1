"""Who they are, then how old, before anything else about a member: a parent's son is not asked
"还能干活挣钱吗" while nobody knows he is fourteen (issue 12: questions that fit the person)."""

from __future__ import annotations

import datetime as dt

from dialogue.engine import DialogueEngine, IntentParser
from dialogue.state import Session
from guides.ids import RegionId

TODAY = dt.date(2026, 12, 7)
AGE_QUESTIONS = {"member_age", "member_ages", "member_relation"}
ANSWERS: dict[tuple[str, int | None], str] = {
    ("consent", None): "同意",
    ("hukou_type", None): "城镇",
    ("has_local_hukou", None): "在",
    ("household_size", None): "两口，我跟儿子",
    ("household_income", None): "打零工，一个月一千来块",
    ("any_job_seeker", None): "我想找工作",
    ("member_relation", 1): "儿子",
    ("member_ages", None): "我四十五，儿子十四",
    ("member_age", 0): "四十五",
    ("member_age", 1): "十四岁",
    ("member_labour_ability", 0): "能干",
    ("member_labour_ability", 1): "上学呢",
}


def test_a_members_age_is_asked_before_other_questions_about_them(
    nlu_backend: IntentParser,
) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = Session.new("t", "t", RegionId.JINAN_LICHENG)
    engine.open(
        session, "我在物流公司干了八年，上个月被裁了，一个人带着儿子过，能办低保吗，失业登记在哪办"
    )
    asked: list[tuple[str, int | None]] = []
    while session.pending is not None and len(asked) < 25:
        pending = session.pending
        asked.append((pending.question_id, pending.member))
        if pending.member is not None and pending.question_id not in AGE_QUESTIONS:
            member = session.household.members[pending.member]
            assert member.age is not None, (pending, asked)
        engine.turn(session, text=ANSWERS.get((pending.question_id, pending.member), "没有"))
    assert [m.age for m in session.household.members] == [45, 14], asked
