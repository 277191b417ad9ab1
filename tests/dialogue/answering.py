"""How the answer tests parse one reply to one pending question."""

from __future__ import annotations

import datetime as dt
from typing import Any

from dialogue.answers import Value, parse_answer
from dialogue.engine import DialogueEngine, IntentParser
from dialogue.questions import question_bank
from dialogue.state import Pending, Session
from tests.dialogue.sessions import family

ANSWERED_ON = dt.date(2025, 6, 1)
FAMILY = ["self", "spouse", "son", "grandchild"]


def answer(question: str, text: str, today: dt.date = ANSWERED_ON) -> object:
    return parse_answer(question_bank().get(question), text, today)


def parsed(question_id: str, text: str, **kwargs: Any) -> object:
    return parse_answer(question_bank().get(question_id), text, ANSWERED_ON, **kwargs)


def value(question_id: str, text: str, **kwargs: Any) -> Any:
    said = parsed(question_id, text, **kwargs)
    assert isinstance(said, Value), (question_id, text, said)
    return said.value


def told(nlu: IntentParser, question: str, member: int | None, text: str) -> Session:
    """The session after `text` answers `question` (of `member`) in a family of FAMILY."""
    session = family(FAMILY, Pending(question_id=question, member=member))
    DialogueEngine(nlu, today=lambda: ANSWERED_ON).turn(session, text=text)
    return session
