"""Our own signed, expiring account tokens (bound to a mini-program openid or a guest id)."""

from __future__ import annotations

import secrets
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
    def __init__(self, secret_key: str, ttl_seconds: int) -> None:
        self._serializer = URLSafeTimedSerializer(secret_key, salt=SALT)
        self._ttl = ttl_seconds

    def issue(self, account: Account) -> str:
        return self._serializer.dumps({"sub": account.id, "kind": account.kind})

    def verify(self, token: str) -> Account:
        try:
            data = self._serializer.loads(token, max_age=self._ttl)
        except SignatureExpired as exc:
            raise TokenError("expired") from exc
        except BadSignature as exc:
            raise TokenError("invalid") from exc
        return Account(id=str(data["sub"]), kind=str(data["kind"]))


def guest_account() -> Account:
    return Account(id=f"guest:{secrets.token_urlsafe(12)}", kind="citizen")


def wechat_account(openid: str) -> Account:
    return Account(id=f"wx:{openid}", kind="citizen")
