"""In-page notices to editors: "your entry was sent back", with the reviewer's note.

A notice is written in the same transaction as the rejection (`add_rejection`), shown on the
editor's pages until they open the entry (`mark_read`), and never deleted (it is cheap history).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, sessionmaker

from bot.kb.models import NoticeRow, utcnow

REJECTED = "rejected"


@dataclass(frozen=True)
class Notice:
    id: int
    kind: str
    entry_id: str
    version: int
    actor: str
    note: str | None
    created_at: dt.datetime


def add_rejection(
    session: Session, recipient: str, entry_id: str, version: int, actor: str, note: str | None
) -> None:
    session.add(
        NoticeRow(
            recipient=recipient,
            kind=REJECTED,
            entry_id=entry_id,
            version=version,
            actor=actor,
            note=note,
        )
    )


class Notices:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def unread(self, recipient: str, limit: int = 20) -> list[Notice]:
        """Unread notices of `recipient`, newest first."""
        stmt = (
            select(NoticeRow)
            .where(NoticeRow.recipient == recipient, NoticeRow.read_at.is_(None))
            .order_by(NoticeRow.id.desc())
            .limit(limit)
        )
        with self._sessions() as s:
            return [
                Notice(r.id, r.kind, r.entry_id, r.version, r.actor, r.note, r.created_at)
                for r in s.execute(stmt).scalars()
            ]

    def count_unread(self, recipient: str) -> int:
        stmt = select(func.count()).where(
            NoticeRow.recipient == recipient, NoticeRow.read_at.is_(None)
        )
        with self._sessions() as s:
            return int(s.execute(stmt).scalar_one())

    def mark_read(self, recipient: str, entry_id: str) -> int:
        """Clear `recipient`'s notices about one entry (they opened it); returns how many."""
        with self._sessions.begin() as s:
            result = s.execute(
                update(NoticeRow)
                .where(
                    NoticeRow.recipient == recipient,
                    NoticeRow.entry_id == entry_id,
                    NoticeRow.read_at.is_(None),
                )
                .values(read_at=utcnow())
            )
            return int(result.rowcount)  # type: ignore[attr-defined]
