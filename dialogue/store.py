"""Sessions in Redis (redis.asyncio): JSON under session:{id} with a TTL, one lock per session.

Writes happen only under the session's lock (SET NX PX with a token, released only while the
token is still ours), so two messages to one session are applied one after the other and
neither answer is lost. A chat turn uses `checked_out(session_id, message_id)`: the lock, the
session and the reply kept for that message id are taken in one script call (which also counts
the request's rate limits when given a `Quota`), and the session (with the turn's reply) is
written together with the lock's release in another, so a turn costs two round trips. The other writers use `locked` with `load` and `save`.
Indexes (sets, refreshed with the session's TTL):
- `sessions:handoff`        sessions that asked for a person (the agent console)
- `account:{owner}:sessions` the sessions of one account
Beside each session, `replies:{id}` (a hash, same TTL, written in the same transaction) keeps the
replies to its latest client message ids: a message sent again gets its first reply back, and
`transcript:{id}` (a list, same TTL, capped at TRANSCRIPT_LIMIT) its transcript: a save appends
the new lines, so a turn neither reads nor rewrites the lines before. `load` returns the whole
transcript; a chat turn's checkout only the lines it adds. A session stored before the list
existed holds its transcript inside: read from there, and moved to the list by its next save.
Listing uses SSCAN / SCAN, never KEYS.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import redis.asyncio as redis
import yaml
from pydantic import ValidationError
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import LockError
from redis.exceptions import TimeoutError as RedisTimeoutError

from dialogue.redis_client import async_client
from dialogue.sealed import SessionSealer
from dialogue.state import TRANSCRIPT_LIMIT, Session, TranscriptLine
from dialogue.store_scripts import (
    APPEND_TRANSCRIPT,
    RELEASE,
    SAVE_AND_RELEASE,
    TAKE_AND_GET,
    Quota,
)
from guides.errors import RateLimited, SessionConflict, SessionNotFound

CONFIG = Path(__file__).resolve().parent.parent / "config.yml"
HANDOFF_INDEX = "sessions:handoff"
RECENT_MESSAGES = 20  # client message ids remembered per session
log = logging.getLogger("dialogue.store")
LOCK_POLL_SECONDS = 0.002
NOT_IN_SESSION = {"transcript"}  # kept in `transcript:{id}`


@dataclass(frozen=True)
class StoreConfig:
    session_ttl_seconds: int = 30 * 24 * 3600
    lock_timeout_seconds: float = 5.0
    lock_wait_seconds: float = 10.0

    @classmethod
    def load(cls, path: Path = CONFIG) -> StoreConfig:
        if not path.is_file():
            return cls()
        with path.open(encoding="utf-8") as f:
            data = (yaml.safe_load(f) or {}).get("dialogue") or {}
        return cls(
            session_ttl_seconds=int(data.get("session_ttl_seconds", cls.session_ttl_seconds)),
            lock_timeout_seconds=float(data.get("lock_timeout_seconds", cls.lock_timeout_seconds)),
            lock_wait_seconds=float(data.get("lock_wait_seconds", cls.lock_wait_seconds)),
        )


def _key(session_id: str) -> str:
    return f"session:{session_id}"


def _replies_key(session_id: str) -> str:
    return f"replies:{session_id}"


def _transcript_key(session_id: str) -> str:
    return f"transcript:{session_id}"


def _lock_key(session_id: str) -> str:
    return f"{_key(session_id)}:lock"


def _account_key(owner: str) -> str:
    return f"account:{owner}:sessions"


def _bytes(raw: str | bytes | None) -> bytes | None:
    if raw is None:
        return None
    return raw.encode() if isinstance(raw, str) else bytes(raw)


def _not_released() -> None:
    # The work is saved (or failed on its own); the lock expires by its timeout. Failing here
    # would report a saved turn as lost, and its retry would be applied again.
    log.warning("session lock not released; it expires by itself")


class Checkout:
    """A session taken under its lock for one turn (`SessionStore.checked_out`)."""

    def __init__(
        self, store: SessionStore, session: Session, stored_reply: bytes | None, lock: str,
        token: str,
    ) -> None:  # fmt: skip
        self.session = session
        self.stored_reply = stored_reply  # the reply kept for the message id asked about
        self.saved = False
        self._store, self._lock, self._token = store, lock, token

    async def save(self, reply: tuple[str, bytes] | None = None) -> None:
        """Write the session (and `reply`, as `SessionStore.save` does) and unlock it."""
        await self._store._save_and_unlock(self.session, reply, self._lock, self._token)
        self.saved = True  # and unlocked; after a failure the lock is released (if still ours)


class SessionStore:
    def __init__(
        self,
        client: redis.Redis,
        config: StoreConfig | None = None,
        sealer: SessionSealer | None = None,
    ) -> None:
        self.redis = client
        self.config = config or StoreConfig.load()
        self.sealer = sealer  # seals the personal numbers kept for the form (dialogue.sealed)
        self._take_and_get = client.register_script(TAKE_AND_GET)
        self._save_and_release = client.register_script(SAVE_AND_RELEASE)
        self._release = client.register_script(RELEASE)
        self._append_transcript = client.register_script(APPEND_TRANSCRIPT)

    @classmethod
    def from_url(cls, url: str, config: StoreConfig | None = None) -> SessionStore:
        return cls(async_client(url), config)

    async def close(self) -> None:
        await self.redis.aclose()

    def _dump(self, session: Session) -> str:
        """The session without its transcript (stored in its own list), and without the fields
        that are None: every such field's default is None (tests/dialogue/test_store_encoding.py),
        so they load back as they were; a third of the JSON to write, send and parse on every
        turn. Sessions stored with them still load (and stay readable by older workers)."""
        if self.sealer:
            return self.sealer.dump(session, exclude=NOT_IN_SESSION, exclude_none=True)
        return session.model_dump_json(exclude=NOT_IN_SESSION, exclude_none=True)

    def _load(self, raw: str | bytes, lines: list[bytes] | None = None) -> Session:
        """The session from its data, with `lines` (its transcript list) when read. A session
        stored before the list existed has its transcript inside: kept as not yet stored, so
        the next save moves it to the list."""
        session = self.sealer.load(raw) if self.sealer else Session.model_validate_json(raw)
        listed = [TranscriptLine.model_validate_json(line) for line in lines or []]
        if not session.transcript:
            session.mark_stored(session.transcript_seq)
            session.transcript = listed
            return session
        # The old layout (or a save by a worker still running the old code): the lines inside
        # that are newer than the list are written to it by the next save.
        stored = listed[-1].seq if listed else 0
        session.transcript = [*listed, *(ln for ln in session.transcript if ln.seq > stored)]
        del session.transcript[:-TRANSCRIPT_LIMIT]
        session.mark_stored(stored)
        return session

    @staticmethod
    def _new_lines(session: Session) -> list[str | int]:
        """The first new transcript line's seq, then the new lines ([] when none)."""
        lines = session.unsaved_lines()
        return [lines[0].seq, *(line.model_dump_json() for line in lines)] if lines else []

    @staticmethod
    def new_id() -> str:
        return secrets.token_urlsafe(16)

    async def load(self, session_id: str) -> Session:
        """The session with its whole transcript."""
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.get(_key(session_id))
            pipe.lrange(_transcript_key(session_id), 0, -1)
            raw, lines = await pipe.execute()
        if raw is None:
            raise SessionNotFound(f"no session {session_id}")
        return self._loaded(session_id, raw, lines)

    def _loaded(
        self, session_id: str, raw: str | bytes, lines: list[bytes] | None = None
    ) -> Session:
        """`_load`, for a read by id: a session stored by a fault or by older code, that no
        longer loads, is gone (SessionNotFound), not a server error on every later read (the
        id only is logged: no personal data)."""
        try:
            return self._load(raw, lines)
        except ValidationError:
            log.warning("stored session %s does not load: treated as gone", session_id)
            raise SessionNotFound(f"session {session_id} does not load") from None

    async def exists(self, session_id: str) -> bool:
        return bool(await self.redis.exists(_key(session_id)))

    def _remember(self, session: Session, reply: tuple[str, bytes] | None) -> list[str]:
        """Before a save: the next version, and the message id remembered; returns the ids
        no longer remembered (their replies are dropped with the save)."""
        session.version += 1
        if reply is None:
            return []
        session.recent_messages.append(reply[0])
        forgotten = session.recent_messages[:-RECENT_MESSAGES]
        del session.recent_messages[:-RECENT_MESSAGES]
        return forgotten

    async def save(self, session: Session, reply: tuple[str, bytes] | None = None) -> None:
        """Write the session and its index entries in one transaction (call under the lock).

        `reply` is (client message id, the reply to it): kept with the session, so the turn
        and the reply that reports it are saved together or not at all."""
        ttl = self.config.session_ttl_seconds
        forgotten = self._remember(session, reply)
        lines = self._new_lines(session)
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.set(_key(session.id), self._dump(session), ex=ttl)
            if lines:
                await self._append_transcript(
                    keys=[_transcript_key(session.id)],
                    args=[TRANSCRIPT_LIMIT, ttl, *lines],
                    client=pipe,
                )
            else:
                pipe.expire(_transcript_key(session.id), ttl)
            if reply is not None:
                pipe.hset(_replies_key(session.id), reply[0], reply[1])
                if forgotten:
                    pipe.hdel(_replies_key(session.id), *forgotten)
                pipe.expire(_replies_key(session.id), ttl)
            pipe.sadd(_account_key(session.owner), session.id)
            pipe.expire(_account_key(session.owner), ttl)
            if session.handoff:
                pipe.sadd(HANDOFF_INDEX, session.id)
            else:
                pipe.srem(HANDOFF_INDEX, session.id)
            await pipe.execute()
        session.mark_stored(session.transcript_seq)

    @asynccontextmanager
    async def locked(self, session_id: str) -> AsyncIterator[None]:
        lock = self.redis.lock(
            _lock_key(session_id),
            timeout=self.config.lock_timeout_seconds,
            blocking_timeout=self.config.lock_wait_seconds,
            sleep=LOCK_POLL_SECONDS,
        )
        if not await lock.acquire():
            raise SessionConflict(f"session {session_id} is busy")
        try:
            yield
        finally:
            try:
                await lock.release()
            except LockError:
                pass  # expired while we worked: the next writer already holds it
            except (RedisConnectionError, RedisTimeoutError):
                _not_released()

    @asynccontextmanager
    async def checked_out(
        self, session_id: str, message_id: str | None = None, quota: Quota | None = None
    ) -> AsyncIterator[Checkout]:
        """The session under its lock (the same lock as `locked`), with the reply kept for
        `message_id` if there is one; its transcript holds only the lines this turn logs (the
        rest stay in the list). `Checkout.save` writes it and unlocks in one call; a
        block that does not save (or raises) only unlocks. `quota` is counted by the first
        attempt (not again while waiting for the lock); over it, `RateLimited`."""
        lock, token = _lock_key(session_id), secrets.token_hex(16)
        keys = [lock, _key(session_id), _replies_key(session_id)]
        args: list[str | int] = [
            token,
            int(self.config.lock_timeout_seconds * 1000),
            message_id or "",
        ]
        first_keys, first_args = keys, args
        if quota is not None and quota.counts is None:
            first_keys = [*keys, *quota.keys]
            first_args = [*args, quota.expire_seconds, *quota.limits]
        taken = await self._take_and_get(keys=first_keys, args=first_args)
        if int(taken[0]) == 2 and quota is not None:
            quota.counts = [int(c) for c in taken[1:]]
            raise RateLimited(f"session {session_id}: over a request limit")
        if quota is not None and quota.counts is None:
            quota.counts = []  # counted, none over its limit
        loop = asyncio.get_running_loop()
        give_up = loop.time() + self.config.lock_wait_seconds
        while not int(taken[0]):
            if loop.time() >= give_up:
                raise SessionConflict(f"session {session_id} is busy")
            await asyncio.sleep(LOCK_POLL_SECONDS)
            taken = await self._take_and_get(keys=keys, args=args)
        checkout: Checkout | None = None
        try:
            if not taken[1]:
                raise SessionNotFound(f"no session {session_id}")
            loaded = self._loaded(session_id, taken[1])  # unreadable: the citizen starts again
            checkout = Checkout(self, loaded, _bytes(taken[2]), lock, token)
            yield checkout
        finally:
            if checkout is None or not checkout.saved:
                try:
                    await self._release(keys=[lock], args=[token])
                except (RedisConnectionError, RedisTimeoutError):
                    _not_released()

    async def _save_and_unlock(
        self, session: Session, reply: tuple[str, bytes] | None, lock: str, token: str
    ) -> None:
        forgotten = self._remember(session, reply)
        message_id, reply_body = reply if reply is not None else ("", b"")
        lines = self._new_lines(session)
        saved = await self._save_and_release(
            keys=[_key(session.id), _account_key(session.owner), HANDOFF_INDEX, lock,
                  _replies_key(session.id), _transcript_key(session.id)],
            args=[self._dump(session), self.config.session_ttl_seconds, session.id,
                  "1" if session.handoff else "0", token, message_id, reply_body,
                  TRANSCRIPT_LIMIT, max(len(lines) - 1, 0), *(lines or [0]), *forgotten],
        )  # fmt: skip
        if not int(saved):
            # Our lock expired and another turn holds it now: its write must not be lost
            # under ours. The client resends; a turn already saved is found by its message id.
            raise SessionConflict(f"session {session.id} is busy")
        session.mark_stored(session.transcript_seq)

    async def read_raw(self, session_id: str) -> bytes | None:
        """The session as stored (sealed fields still sealed); None when it has expired."""
        raw = await self.redis.get(_key(session_id))
        return None if raw is None else (raw.encode() if isinstance(raw, str) else bytes(raw))

    def parse(self, raw: str | bytes) -> Session:
        return self._load(raw)

    async def rewrite(self, session: Session) -> bool:
        """Write the session (as `load` read it, whole transcript included) back unchanged in
        version and expiry (a maintenance pass such as bot.remask, under the lock): it must not
        live longer for being cleaned. False when it expired meanwhile."""
        ttl_ms = await self.redis.pttl(_key(session.id))
        if ttl_ms is None or int(ttl_ms) < 0:
            return False
        lines = [line.model_dump_json() for line in session.transcript]
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.set(_key(session.id), self._dump(session), keepttl=True, xx=True)
            pipe.delete(_transcript_key(session.id))
            if lines:
                pipe.rpush(_transcript_key(session.id), *lines)
                pipe.pexpire(_transcript_key(session.id), int(ttl_ms))
            written, *_ = await pipe.execute()
        session.mark_stored(session.transcript_seq)
        return bool(written)

    async def stored_replies(self, session_id: str) -> dict[str, bytes]:
        """Every reply kept beside the session, by client message id."""
        found = await self.redis.hgetall(_replies_key(session_id))
        return {
            (k.decode() if isinstance(k, bytes) else str(k)): (
                v.encode() if isinstance(v, str) else bytes(v)
            )
            for k, v in found.items()
        }

    async def rewrite_reply(self, session_id: str, message_id: str, raw: bytes) -> None:
        """Replace one kept reply (its hash keeps its expiry)."""
        await self.redis.hset(_replies_key(session_id), message_id, raw)

    async def delete(self, session_id: str) -> None:
        async with self.locked(session_id):
            raw = await self.redis.get(_key(session_id))
            if raw is None:
                return
            session = self._load(raw)
            async with self.redis.pipeline(transaction=True) as pipe:
                pipe.delete(_key(session_id), _replies_key(session_id), _transcript_key(session_id))
                pipe.srem(_account_key(session.owner), session_id)
                pipe.srem(HANDOFF_INDEX, session_id)
                await pipe.execute()

    async def _members(self, index: str) -> list[str]:
        ids: list[str] = []
        async for raw in self.redis.sscan_iter(index, count=200):
            ids.append(raw.decode() if isinstance(raw, bytes) else str(raw))
        return ids

    async def _live(self, index: str) -> list[str]:
        """Ids in an index whose session still exists; stale ids are removed."""
        live: list[str] = []
        for session_id in sorted(await self._members(index)):
            if await self.exists(session_id):
                live.append(session_id)
            else:
                await self.redis.srem(index, session_id)
        return live

    async def handoff_sessions(self) -> list[str]:
        """Sessions waiting for a person (the agent console's queue)."""
        return await self._live(HANDOFF_INDEX)

    async def sessions_of(self, owner: str) -> list[str]:
        return await self._live(_account_key(owner))

    async def all_session_ids(self) -> list[str]:
        ids: list[str] = []
        async for raw in self.redis.scan_iter(match="session:*", count=500):
            key = raw.decode() if isinstance(raw, bytes) else str(raw)
            if not key.endswith(":lock"):
                ids.append(key.removeprefix("session:"))
        return sorted(ids)
