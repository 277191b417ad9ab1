"""Helpers for API tests: signed WeChat query strings, requests counted in one rate window."""

from __future__ import annotations

import hashlib
import secrets
import time
from collections.abc import Iterator
from contextlib import contextmanager

RATE_WINDOW_SECONDS = 60  # api.ratelimit: fixed windows, one per clock minute


def wechat_query(token: str, timestamp: int | None = None) -> dict[str, str]:
    ts = str(timestamp if timestamp is not None else int(time.time()))
    nonce = secrets.token_hex(6)
    signature = hashlib.sha1("".join(sorted([token, ts, nonce])).encode()).hexdigest()
    return {"signature": signature, "timestamp": ts, "nonce": nonce}


@contextmanager
def one_rate_window(needs_seconds: float) -> Iterator[None]:
    """The requests sent inside are counted in one window of the rate limits. The counts start
    again at each clock minute: requests that straddle one are counted in two windows, and a
    limit the test means to reach is not. Starts in the next window when fewer than
    `needs_seconds` are left in this one (a loaded machine sends slowly), and fails if the
    requests took longer than that anyway: that run could not show the limit."""
    left = RATE_WINDOW_SECONDS - time.time() % RATE_WINDOW_SECONDS
    if left < needs_seconds:
        time.sleep(left + 0.2)
    window, started = time.time() // RATE_WINDOW_SECONDS, time.monotonic()
    try:
        yield
    finally:
        if time.time() // RATE_WINDOW_SECONDS != window:
            took = time.monotonic() - started
            raise AssertionError(
                f"the requests took {took:.1f} s and crossed into the next rate window "
                f"({needs_seconds} s were allowed for them)"
            )
