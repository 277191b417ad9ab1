"""Account tokens: a remembered (already verified) token still expires on time."""

from __future__ import annotations

import time

import pytest

from api import auth
from api.auth import Account, TokenError, Tokens


def test_a_remembered_token_expires_and_a_forged_one_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tokens = Tokens("secret", ttl_seconds=60)
    me = Account(id="guest:abc", kind="citizen")
    token = tokens.issue(me)
    assert tokens.verify(token) == me
    assert tokens.verify(token) == me  # remembered
    with pytest.raises(TokenError):
        tokens.verify(token[:-2] + ("AA" if not token.endswith("AA") else "BB"))
    with pytest.raises(TokenError):
        Tokens("another secret", ttl_seconds=60).verify(token)
    later = time.time() + 61
    monkeypatch.setattr(auth.time, "time", lambda: later)
    with pytest.raises(TokenError):
        tokens.verify(token)
