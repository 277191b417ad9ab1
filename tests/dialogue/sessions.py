"""Sessions the dialogue tests start from."""

from __future__ import annotations

import datetime as dt

from dialogue.choosing import Next, plan
from dialogue.engine import screen_session
from dialogue.lookahead import Lookahead
from dialogue.questions import question_bank
from dialogue.state import Pending, Session
from guides.household import Member
from guides.ids import RegionId


def elder_alone(session_id: str, owner: str = "guest:test") -> Session:
    """A Gansu session of a 70-year-old living alone with a rural hukou, nothing else told."""
    session = Session.new(session_id, owner, RegionId.GANSU)
    session.household.size = 1
    session.household.hukou_type = "rural"
    session.household.members = [Member(relation="self", age=70)]
    return session


def family(relations: list[str], pending: Pending) -> Session:
    """A Gansu session whose members are closed with these relations (the first one "self"),
    nothing else told, `pending` asked."""
    session = Session.new("s", "wx:test", RegionId.GANSU)
    session.household.size = len(relations)
    session.household.members = [Member(relation=r) for r in relations]  # type: ignore[arg-type]
    session.members_closed = True
    session.pending = pending
    return session


def next_step(session: Session, today: dt.date) -> Next | None:
    """What the question choice asks next of this session, as of `today` (None: nothing)."""
    trial = Lookahead().begin(session, today)
    return plan(session, screen_session(session, today), question_bank(), trial).next


def next_question_id(session: Session, today: dt.date) -> str | None:
    step = next_step(session, today)
    return step.question_id if step else None
