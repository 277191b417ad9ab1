"""Sessions the dialogue tests start from."""

from __future__ import annotations

from dialogue.state import Session
from guides.household import Member
from guides.ids import RegionId


def elder_alone(session_id: str, owner: str = "guest:test") -> Session:
    """A Gansu session of a 70-year-old living alone with a rural hukou, nothing else told."""
    session = Session.new(session_id, owner, RegionId.GANSU)
    session.household.size = 1
    session.household.hukou_type = "rural"
    session.household.members = [Member(relation="self", age=70)]
    return session
