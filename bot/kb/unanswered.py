"""The queue of questions the bot could not answer, for editors to review.

Text is stored only after personal data is masked by `nlu.privacy.mask_free_text` (ID numbers,
phones, bank cards, amounts, self-introduced names, addresses, birth dates, diagnoses); the
local number patterns below run after it as a second net.
The same question (after stripping and normalising) in the same region is counted, not repeated.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from bot.kb.models import UnansweredRow, utcnow
from bot.kb.repository import audit
from guides.errors import EntryNotFound
from nlu.privacy import mask_free_text

MAX_TEXT = 500
_ID_NUMBER = re.compile(r"(?<![0-9])[1-9][0-9]{5}(?:19|20)[0-9]{2}[0-9]{7}[0-9xX](?![0-9])")
_BANK_CARD = re.compile(r"(?<![0-9])[0-9](?:[ -]?[0-9]){11,18}(?![0-9])")
_MOBILE = re.compile(r"(?<![0-9])(?:\+?86[ -]?)?1[3-9][0-9](?:[ -]?[0-9]){8}(?![0-9])")
_LANDLINE = re.compile(r"(?<![0-9])0[0-9]{2,3}[ -]?[0-9]{7,8}(?![0-9])")
_AMOUNT = re.compile(r"[0-9][0-9,，.]*\s*(?:元|块|万元|万)")


def _fallback_strip(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = _ID_NUMBER.sub("[身份证号]", text)
    text = _MOBILE.sub("[电话]", text)
    text = _BANK_CARD.sub("[银行卡号]", text)
    text = _LANDLINE.sub("[电话]", text)
    return _AMOUNT.sub("[金额]", text)


def strip_personal_data(text: str) -> str:
    """Personal data masked; the local number patterns run after it as a second net."""
    return _fallback_strip(mask_free_text(text))[:MAX_TEXT]


@dataclass(frozen=True)
class UnansweredQuestion:
    id: int
    text: str
    region: str | None
    times_asked: int
    status: str
    resolved_entry_id: str | None
    created_at: dt.datetime
    last_asked_at: dt.datetime


def _view(row: UnansweredRow) -> UnansweredQuestion:
    return UnansweredQuestion(
        row.id,
        row.text,
        row.region,
        row.times_asked,
        row.status,
        row.resolved_entry_id,
        row.created_at,
        row.last_asked_at,
    )


def fingerprint_of(text: str, region: str | None) -> str:
    key = "".join(ch for ch in text.lower() if ch.isalnum() or ch in "[]") + "|" + (region or "")
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


class UnansweredQueue:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def record(self, text: str, region: str | None) -> UnansweredQuestion:
        clean = strip_personal_data(text).strip()
        fingerprint = fingerprint_of(clean, region)
        for _ in range(3):  # two workers may insert the same question at once
            try:
                with self._sessions.begin() as s:
                    bumped = s.execute(
                        update(UnansweredRow)
                        .where(UnansweredRow.fingerprint == fingerprint)
                        .values(times_asked=UnansweredRow.times_asked + 1, last_asked_at=utcnow())
                    )
                    if bumped.rowcount == 0:  # type: ignore[attr-defined]
                        s.add(UnansweredRow(fingerprint=fingerprint, text=clean, region=region))
                    s.flush()
                    row = s.execute(
                        select(UnansweredRow).where(UnansweredRow.fingerprint == fingerprint)
                    ).scalar_one()
                    return _view(row)
            except IntegrityError:
                continue
        raise RuntimeError("could not record the unanswered question")

    def list_questions(
        self, status: str | None = "open", limit: int = 100
    ) -> list[UnansweredQuestion]:
        stmt = select(UnansweredRow).order_by(UnansweredRow.times_asked.desc(), UnansweredRow.id)
        if status:
            stmt = stmt.where(UnansweredRow.status == status)
        with self._sessions() as s:
            return [_view(r) for r in s.execute(stmt.limit(limit)).scalars()]

    def resolve(self, question_id: int, actor: str, entry_id: str | None = None) -> None:
        with self._sessions.begin() as s:
            row = s.get(UnansweredRow, question_id)
            if row is None:
                raise EntryNotFound(f"unanswered:{question_id}")
            row.status, row.resolved_entry_id = "resolved", entry_id
            audit(s, actor, "resolve_unanswered", entry_id, None, f"未答问题 #{question_id}")
