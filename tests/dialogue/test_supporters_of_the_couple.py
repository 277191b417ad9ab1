"""A child named as the supporter of one of an elderly couple supports both (民法典 第一千零六十七条):
the answer about the speaker holds for the spouse, and going back undoes both."""

from __future__ import annotations

import datetime as dt

from dialogue.answers import parse_answer
from dialogue.apply import apply_answer, go_back
from dialogue.questions import question_bank
from dialogue.state import Session
from guides.household import Member

TODAY = dt.date(2026, 12, 6)


def couple() -> Session:
    session = Session.new("s", "guest:t", "ningxia", "h5")
    session.household.size = 2
    session.household.members = [Member(relation="self", age=70), Member(relation="spouse", age=70)]
    return session


def test_a_son_named_for_the_speaker_is_the_spouses_too() -> None:
    session = couple()
    question = question_bank().get("member_legal_supporter")
    said = parse_answer(question, "就一个儿子，在西安", TODAY)
    assert apply_answer(session, question, 0, said)
    assert [m.has_legal_supporter for m in session.household.members] == [True, True]
    go_back(session)
    assert [m.has_legal_supporter for m in session.household.members] == [None, None]


def test_a_yes_that_names_no_child_is_the_members_own() -> None:
    session = couple()
    question = question_bank().get("member_supporter")
    said = parse_answer(question, "有", TODAY)
    assert apply_answer(session, question, 0, said)
    assert [m.has_capable_supporter for m in session.household.members] == [True, None]


def test_a_no_is_never_shared() -> None:
    session = couple()
    question = question_bank().get("member_supporter")
    said = parse_answer(question, "儿子自己都顾不上", TODAY)
    assert apply_answer(session, question, 0, said)
    assert [m.has_capable_supporter for m in session.household.members] == [False, None]
