"""Fixed-window rate limits in Redis, shared by every worker: per account and per IP.

One round trip per request: a script increments each window's counter and sets its expiry
when the window opens (EVALSHA; redis-py loads the script on first use and after a failover).
"""

from __future__ import annotations

import time
from weakref import WeakKeyDictionary

from redis.asyncio import Redis
from redis.commands.core import AsyncScript

COUNT_IN_WINDOW = """
local counts = {}
for i, key in ipairs(KEYS) do
  counts[i] = redis.call('INCR', key)
  if counts[i] == 1 then redis.call('EXPIRE', key, ARGV[1]) end
end
return counts
"""

_scripts: WeakKeyDictionary[Redis, AsyncScript] = WeakKeyDictionary()


async def counts(redis: Redis, keys: list[str], window_seconds: int = 60) -> list[int]:
    """This window's request count for each key, this request included."""
    script = _scripts.get(redis)
    if script is None:
        script = _scripts[redis] = redis.register_script(COUNT_IN_WINDOW)
    window = int(time.time() // window_seconds)
    result = await script(keys=[f"rl:{k}:{window}" for k in keys], args=[window_seconds * 2])
    return [int(c) for c in result]


async def allow(redis: Redis, key: str, limit: int, window_seconds: int = 60) -> bool:
    (count,) = await counts(redis, [key], window_seconds)
    return count <= limit
