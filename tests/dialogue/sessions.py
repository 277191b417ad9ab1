"""Sessions the dialogue tests start from."""

from __future__ import annotations

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
