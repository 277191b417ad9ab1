"""How the answer tests parse one reply to one pending question."""

from __future__ import annotations

import datetime as dt

from dialogue.answers import parse_answer
from dialogue.questions import question_bank

ANSWERED_ON = dt.date(2025, 6, 1)


def answer(question: str, text: str, today: dt.date = ANSWERED_ON) -> object:
    return parse_answer(question_bank().get(question), text, today)
