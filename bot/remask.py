"""Mask what was stored before masking existed (issue 17, D15): ID, phone and bank numbers in
session transcripts and kept replies in Redis, and personal data in the unanswered-questions
queue (which also holds agents' 工单) in SQL. The personal numbers a session keeps for the form
are not masked but sealed (dialogue.sealed), as every save does now.

Redis keeps every write in its append-only file: after rewriting, the pass asks Redis to
rewrite that file from the (now masked) data, so the raw writes leave the disk too. Replicas
keep their own file: run `redis-cli BGREWRITEAOF` on each (docs/DEPLOYMENT.md).

Idempotent: a second pass changes nothing. Each session is rewritten under its lock with its
version and expiry unchanged (cleaning must not make data live longer). Only counts are
reported, never the data. The command is `python -m api.remask` (it reads the service's
settings); this module is the work.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, fields
from typing import Any

from redis.exceptions import ResponseError
from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession
from sqlalchemy.orm import sessionmaker

from bot.kb.models import UnansweredRow
from bot.kb.unanswered import fingerprint_of, strip_personal_data
from dialogue.sealed import unsealed_numbers
from dialogue.store import SessionStore
from guides.errors import SessionNotFound
from nlu.privacy import mask_numbers

log = logging.getLogger(__name__)


@dataclass
class RemaskReport:
    sessions_scanned: int = 0
    sessions_rewritten: int = 0
    transcript_lines_masked: int = 0
    numbers_sealed: int = 0
    replies_masked: int = 0
    questions_scanned: int = 0
    questions_masked: int = 0
    questions_merged: int = 0  # two questions became the same once masked: counted as one
    aof_rewrites: int = 0  # the append-only file rewritten, so the old raw writes leave it

    def lines(self) -> list[str]:
        return [f"{f.name}: {getattr(self, f.name)}" for f in fields(self)]


def _mask_strings(value: Any) -> Any:
    """Every string in a JSON value with numbers masked (keys, numbers and structure kept)."""
    if isinstance(value, str):
        return mask_numbers(value)
    if isinstance(value, list):
        return [_mask_strings(v) for v in value]
    if isinstance(value, dict):
        return {k: _mask_strings(v) for k, v in value.items()}
    return value


async def remask_sessions(store: SessionStore, report: RemaskReport) -> None:
    for session_id in await store.all_session_ids():
        report.sessions_scanned += 1
        try:
            async with store.locked(session_id):
                await _remask_session(store, session_id, report)
        except SessionNotFound:
            continue  # expired during the pass
    if report.sessions_rewritten or report.replies_masked:
        try:  # the AOF still holds the raw writes until it is rewritten from the dataset
            await store.redis.bgrewriteaof()
            report.aof_rewrites += 1
        except ResponseError as exc:  # one already running, or the command is not allowed
            log.warning("BGREWRITEAOF refused (%s): run it on the server", exc)


async def _remask_session(store: SessionStore, session_id: str, report: RemaskReport) -> None:
    raw = await store.read_raw(session_id)
    if raw is None:
        return
    session = await store.load(session_id)  # with its transcript (a list of its own)
    masked = 0
    for line in session.transcript:
        text = mask_numbers(line.text)
        if text != line.text:
            line.text, masked = text, masked + 1
    unsealed = unsealed_numbers(raw) if store.sealer is not None else 0
    if (masked or unsealed) and await store.rewrite(session):
        report.sessions_rewritten += 1
        report.transcript_lines_masked += masked
        report.numbers_sealed += unsealed
    for message_id, kept in (await store.stored_replies(session_id)).items():
        data = json.loads(kept)
        cleaned = _mask_strings(data)
        if cleaned != data:
            await store.rewrite_reply(
                session_id,
                message_id,
                json.dumps(cleaned, ensure_ascii=False, separators=(",", ":")).encode(),
            )
            report.replies_masked += 1


def remask_questions(sessions: sessionmaker[DbSession], report: RemaskReport) -> None:
    """The unanswered queue and 工单: each text masked as `record` masks it now."""
    with sessions.begin() as db:
        rows = db.execute(select(UnansweredRow).order_by(UnansweredRow.id)).scalars().all()
        for row in rows:
            report.questions_scanned += 1
            clean = strip_personal_data(row.text).strip()
            if clean == row.text:
                continue
            report.questions_masked += 1
            fingerprint = fingerprint_of(clean, row.region)
            same = db.execute(
                select(UnansweredRow).where(
                    UnansweredRow.fingerprint == fingerprint, UnansweredRow.id != row.id
                )
            ).scalar_one_or_none()
            if same is not None:  # already asked in its masked form: one question, counted
                same.times_asked += row.times_asked
                same.last_asked_at = max(same.last_asked_at, row.last_asked_at)
                db.delete(row)
                db.flush()
                report.questions_merged += 1
                continue
            row.text, row.fingerprint = clean, fingerprint
            db.flush()
