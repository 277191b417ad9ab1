"""The question bank covers every fact screening can ask for, and reads plainly."""

from __future__ import annotations

import ast
import itertools
import re
from pathlib import Path

from dialogue.questions import question_bank
from dialogue.state import fact_name, member_key
from guides.catalog import all_guides
from guides.household import Household, Member
from guides.screening.engine import screen

CHECKS_DIR = Path(__file__).resolve().parents[2] / "guides" / "screening" / "checks"
MEMBER_FIELDS = set(Member.model_fields)
HOUSEHOLD_FIELDS = set(Household.model_fields)


def _literal_fact_names() -> set[str]:
    """String constants in the check modules that name a household fact path."""
    names: set[str] = set()
    for path in CHECKS_DIR.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                text = node.value
                head = text.split(".")[0]
                tail = text.split(".")[-1]
                if "." in text and head in HOUSEHOLD_FIELDS and tail and " " not in text:
                    names.add(text)
                elif text in MEMBER_FIELDS:
                    names.add(f"members.{text}")
                elif text in HOUSEHOLD_FIELDS and text != "region":
                    names.add(text)
    return names


def _sample_households(region: str) -> list[Household]:
    """Households at several stages of a questionnaire, to see what screening asks for."""
    samples = [Household(region=region)]
    for size, hukou, income in itertools.product((1, 3), ("urban", "rural"), (None, 0.0, 9000.0)):
        others = [Member(age=a) for a in (40, 19)][: size - 1]
        members = [Member(relation="self", age=70), *others]
        samples.append(
            Household(
                region=region,
                size=size,
                hukou_type=hukou,
                monthly_income_total=income,
                members=members,
            )
        )
        samples.append(Household(region=region, size=size, members=[Member() for _ in range(size)]))
    return samples


def _reported_fact_names() -> set[str]:
    names: set[str] = set()
    for region in all_guides():
        for household in _sample_households(region.value):
            # "members.2.age" is the member fact "members.age", needed for member 2 only
            names.update(fact_name(f) for f in screen(household).missing_facts)
    return names


def test_every_fact_screening_asks_for_has_a_question() -> None:
    bank = question_bank()
    covered = bank.askable_facts | set(bank.department_facts) | {"members"}
    reported = _reported_fact_names() | _literal_fact_names()
    without_question = sorted(f for f in reported if f not in covered)
    assert without_question == []


def test_every_question_fills_a_real_fact_and_has_an_example() -> None:
    bank = question_bank()
    for question in bank.questions:
        assert "比如" in question.text, question.id
        assert "比如" in question.reask or "请" in question.reask, question.id
        assert len(question.text) <= 80, question.id


def test_member_keys_round_trip() -> None:
    assert member_key("members.age", 2) == "members.2.age"


SCREENING_CODE = [
    *(Path(__file__).resolve().parents[2] / "guides" / "screening").rglob("*.py"),
    Path(__file__).resolve().parents[2] / "guides" / "household.py",  # derived facts
    Path(__file__).resolve().parents[2] / "guides" / "materials.py",  # which materials apply
]


def _names_screening_reads() -> set[str]:
    """Every attribute and string constant in the screening code: a fact it reads is among them."""
    names: set[str] = set()
    for path in SCREENING_CODE:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute):
                names.add(node.attr)
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                names.add(node.value.split(".")[-1])
    return names


def test_every_fact_the_questionnaire_asks_is_read_by_a_rule() -> None:
    """Issue 11: a question that screening never reads is a question the citizen answers for
    nothing. Only 申请表 fields (form_field) are exempt, and screening never asks for those."""
    read = _names_screening_reads()
    unread = sorted(
        f"{q.id}: {fact}"
        for q in question_bank().questions
        if not q.form_field
        for fact in q.fills
        if fact.split(".")[-1] not in read
    )
    assert unread == []


def test_form_fields_are_never_wanted_by_screening() -> None:
    form_facts = {f for q in question_bank().questions if q.form_field for f in q.fills}
    assert form_facts
    assert not form_facts & (_reported_fact_names() | _literal_fact_names())


def test_a_students_questions_are_not_asked_of_a_parent() -> None:
    """ "您家老人现在是在读，还是已经毕业了？" was asked of a parent whose school stage was unknown
    (dev3 conversations): the student's questions skip parents and grandparents, as
    member_school_stage does."""
    bank = question_bank()
    household = Household(
        region="ningxia", members=[Member(relation="self"), Member(relation="parent")]
    )
    parent = household.members[1]
    for qid in ("member_school_stage", "member_study_status", "member_new_admission",
                "member_student_loan"):  # fmt: skip
        assert not bank.get(qid).applies(household, parent), qid
    at_college = Member(relation="daughter", school_stage="college")
    assert bank.get("member_study_status").applies(household, at_college)
    # a follow-up of where they study: nobody is asked whether they are enrolled before that
    assert not bank.get("member_study_status").applies(household, Member(relation="daughter"))


def test_questions_of_whether_there_is_are_flagged() -> None:
    # the answer parsers read "有个三轮车", "别的没有" and "不能" by this flag: a question
    # asking 有没有…/有…吗 (before its example) carries it, and no other question does
    for question in question_bank().questions:
        asked = question.text.split("比如")[0]
        asks_there_is = question.answer == "yes_no" and "有" in asked
        assert question.asks_whether_there_is == asks_there_is, question.id


def test_no_space_between_chinese_words() -> None:
    # a folded YAML block put a space at each line end ("授权书》， 同意…"), seen on the phone
    # page (session 49)
    from dialogue.prompts import prompts

    between = re.compile(r"[\u4e00-\u9fff，。：；？！》”] +[\u4e00-\u9fff“《]")
    bank = question_bank()
    texts = [bank.consent.text, bank.consent.refused, bank.consent.unsure]
    texts += [t for q in bank.questions for t in (q.text, q.reask)]
    texts += [v for v in prompts().model_dump().values() if isinstance(v, str)]
    assert [t for t in texts if between.search(t)] == []
