"""In-page notices for editors: entries of theirs that a reviewer sent back, with the note.

Shown on the list and queue pages; opening the entry clears them (api/pages/editor.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bot.kb.service import KnowledgeService
from guides.errors import EntryNotFound


@dataclass(frozen=True)
class NoticeLine:
    entry_id: str
    question: str
    reviewer: str
    note: str | None
    at: dt.datetime


def notices_for(service: KnowledgeService, username: str) -> list[NoticeLine]:
    """Unread "sent back" notices of an editor, with each entry's question."""
    lines = []
    for notice in service.notices.unread(username):
        try:
            question = service.kb.get(notice.entry_id).content.question
        except EntryNotFound:
            continue
        lines.append(
            NoticeLine(notice.entry_id, question, notice.actor, notice.note, notice.created_at)
        )
    return lines
