"""The personal numbers a session must keep for the form (ID numbers, phone, bank account, a
call-back number) are sealed before the session goes to Redis and its append-only file.

Keys come from configuration (SESSION_KEYS, comma-separated; the first seals, all open), so a
key is rotated by putting the new one first: sessions sealed with the old one still open, and
are sealed with the new one the next time they are saved. Fernet (AES-128-CBC + HMAC-SHA256)
from the `cryptography` package; any secret string is stretched to a Fernet key with SHA-256.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable, Sequence
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

from dialogue.state import Session

PREFIX = "sealed:"


def _fernet(secret: str) -> Fernet:
    return Fernet(base64.urlsafe_b64encode(hashlib.sha256(secret.encode()).digest()))


class SessionSealer:
    def __init__(self, keys: Sequence[str]) -> None:
        if not keys or not all(keys):
            raise ValueError("SESSION_KEYS needs at least one non-empty key")
        self._cipher = MultiFernet([_fernet(k) for k in keys])

    def seal(self, value: str) -> str:
        return PREFIX + self._cipher.encrypt(value.encode()).decode()

    def open(self, value: str) -> str:
        if not value.startswith(PREFIX):
            return value  # saved before sealing existed: read as it is, sealed on the next save
        try:
            return self._cipher.decrypt(value.removeprefix(PREFIX).encode()).decode()
        except InvalidToken as exc:
            raise ValueError("a sealed session field opens with none of SESSION_KEYS") from exc

    def dump(
        self, session: Session, exclude: set[str] | None = None, exclude_none: bool = False
    ) -> str:
        sealed = _with_personal(session, self.seal)
        return sealed.model_dump_json(exclude=exclude, exclude_none=exclude_none)

    def load(self, raw: str | bytes) -> Session:
        return _with_personal(Session.model_validate_json(raw), self.open)


def unsealed_numbers(raw: str | bytes) -> int:
    """How many personal numbers a stored session holds in the clear (saved before sealing)."""
    found = 0

    def count(value: str) -> str:
        nonlocal found
        found += not value.startswith(PREFIX)
        return value

    _with_personal(Session.model_validate_json(raw), count)
    return found


def _with_personal(session: Session, change: Callable[[str], str]) -> Session:
    """`session` with `change` applied to every personal number: a shallow copy where one
    changes (the session itself is left as it is), so the JSON is read and written once."""
    household = session.household
    update: dict[str, Any] = {
        key: change(value)
        for key in ("phone", "bank_account")
        if (value := getattr(household, key))
    }
    if any(m.id_number for m in household.members):
        update["members"] = [
            m.model_copy(update={"id_number": change(m.id_number)}) if m.id_number else m
            for m in household.members
        ]
    if update:
        household = household.model_copy(update=update)
    if household is session.household and not session.callback_phone:
        return session
    callback = change(session.callback_phone) if session.callback_phone else None
    return session.model_copy(update={"household": household, "callback_phone": callback})
