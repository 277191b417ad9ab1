"""Fixed-window rate limits in Redis, shared by every worker: per account and per IP.

One round trip per request: a script increments each window's counter and sets its expiry
when the window opens (EVALSHA; redis-py loads the script on first use and after a failover).
A chat turn counts its windows inside the session's take instead (`quota`, dialogue.store).
A key found over its limit is remembered for the rest of its window in this worker (`over`):
a fixed window's count only grows, so its later requests are refused without a round trip.
"""

from __future__ import annotations

import time
from weakref import WeakKeyDictionary

from redis.asyncio import Redis
from redis.commands.core import AsyncScript

from dialogue.store import Quota

COUNT_IN_WINDOW = """
local counts = {}
for i, key in ipairs(KEYS) do
  counts[i] = redis.call('INCR', key)
  if counts[i] == 1 then redis.call('EXPIRE', key, ARGV[1]) end
end
return counts
"""

_scripts: WeakKeyDictionary[Redis, AsyncScript] = WeakKeyDictionary()
_over: dict[str, str] = {}  # counter key over its limit -> the window key it was over in
MAX_REMEMBERED = 10_000


def window_keys(keys: list[str], window_seconds: int = 60) -> list[str]:
    """The counter of each key for the window open now."""
    window = int(time.time() // window_seconds)
    return [f"rl:{k}:{window}" for k in keys]


def over(keys: list[str], windows: list[str]) -> bool:
    """Whether one of `keys` is known (in this worker) to be over its limit in `windows`."""
    return any(_over.get(k) == w for k, w in zip(keys, windows, strict=True))


def remember(keys: list[str], windows: list[str], counts: list[int], limits: list[int]) -> None:
    """Note the keys whose count in their window passed its limit."""
    if len(_over) > MAX_REMEMBERED:
        _over.clear()  # older windows' entries are useless anyway
    for key, window, count, limit in zip(keys, windows, counts, limits, strict=True):
        if count > limit:
            _over[key] = window


def quota(windows: list[str], limits: list[int], window_seconds: int = 60) -> Quota:
    """Counters for a chat turn's take to count (dialogue.store.Quota)."""
    return Quota(windows, limits, window_seconds * 2)


async def count_windows(redis: Redis, windows: list[str], window_seconds: int = 60) -> list[int]:
    """Each counter's count, this request included (`windows` from `window_keys`)."""
    script = _scripts.get(redis)
    if script is None:
        script = _scripts[redis] = redis.register_script(COUNT_IN_WINDOW)
    result = await script(keys=windows, args=[window_seconds * 2])
    return [int(c) for c in result]


async def counts(redis: Redis, keys: list[str], window_seconds: int = 60) -> list[int]:
    """This window's request count for each key, this request included."""
    return await count_windows(redis, window_keys(keys, window_seconds), window_seconds)


async def allow(redis: Redis, key: str, limit: int, window_seconds: int = 60) -> bool:
    (count,) = await counts(redis, [key], window_seconds)
    return count <= limit
