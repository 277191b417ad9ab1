"""Our own signed, expiring account tokens (bound to a mini-program openid or a guest id)."""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass

from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

SALT = "shejiu-account-token"


@dataclass(frozen=True)
class Account:
    id: str  # "wx:<openid>", "guest:<random>", or "agent:<username>"
    kind: str  # citizen | agent

    @property
    def is_agent(self) -> bool:
        return self.kind == "agent"


class TokenError(Exception):
    pass


class Tokens:
    """Issue and verify tokens. A verified token is remembered (with its signing time) so the
    next requests skip the signature check and the JSON; its age is checked every time."""

    CACHE_SIZE = 4096

    def __init__(self, secret_key: str, ttl_seconds: int) -> None:
        self._serializer = URLSafeTimedSerializer(secret_key, salt=SALT)
        self._ttl = ttl_seconds
        self._verified: dict[str, tuple[Account, float]] = {}

    def issue(self, account: Account) -> str:
        return self._serializer.dumps({"sub": account.id, "kind": account.kind})

    def verify(self, token: str) -> Account:
        known = self._verified.get(token)
        if known is not None:
            account, signed_at = known
            if time.time() - signed_at <= self._ttl:
                return account
            del self._verified[token]
            raise TokenError("expired")
        try:
            data, signed = self._serializer.loads(token, max_age=self._ttl, return_timestamp=True)
        except SignatureExpired as exc:
            raise TokenError("expired") from exc
        except BadSignature as exc:
            raise TokenError("invalid") from exc
        account = Account(id=str(data["sub"]), kind=str(data["kind"]))
        if len(self._verified) >= self.CACHE_SIZE:
            self._verified.clear()
        self._verified[token] = (account, signed.timestamp())
        return account


def guest_account() -> Account:
    return Account(id=f"guest:{secrets.token_urlsafe(12)}", kind="citizen")


def wechat_account(openid: str) -> Account:
    return Account(id=f"wx:{openid}", kind="citizen")
