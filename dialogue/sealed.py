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
import json
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

    def dump(self, session: Session) -> str:
        data = session.model_dump(mode="json")
        _each_personal(data, self.seal)
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))

    def load(self, raw: str | bytes) -> Session:
        data = json.loads(raw)
        _each_personal(data, self.open)
        return Session.model_validate(data)


def _each_personal(data: dict[str, Any], change: Callable[[str], str]) -> None:
    """Apply `change` to every personal number in a dumped session, in place."""

    def visit(holder: dict[str, Any] | None, key: str) -> None:
        if holder is not None and isinstance(holder.get(key), str) and holder[key]:
            holder[key] = change(holder[key])

    visit(data, "callback_phone")
    household = data.get("household") or {}
    for key in ("phone", "bank_account"):
        visit(household, key)
    for member in household.get("members") or []:
        visit(member, "id_number")


def unsealed_numbers(raw: str | bytes) -> int:
    """How many personal numbers a stored session holds in the clear (saved before sealing)."""
    found = 0

    def count(value: str) -> str:
        nonlocal found
        found += not value.startswith(PREFIX)
        return value

    _each_personal(json.loads(raw), count)
    return found
