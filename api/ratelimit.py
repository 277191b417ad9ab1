"""Fixed-window rate limits in Redis, shared by every worker: per account and per IP.

One round trip per check: a script increments the window's counter and sets its expiry when
the window opens (EVALSHA; redis-py loads the script on first use and after a failover).
"""

from __future__ import annotations

import time
from weakref import WeakKeyDictionary

from redis.asyncio import Redis
from redis.commands.core import AsyncScript

COUNT_IN_WINDOW = """
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return count
"""


_scripts: WeakKeyDictionary[Redis, AsyncScript] = WeakKeyDictionary()


async def allow(redis: Redis, key: str, limit: int, window_seconds: int = 60) -> bool:
    script = _scripts.get(redis)
    if script is None:
        script = _scripts[redis] = redis.register_script(COUNT_IN_WINDOW)
    window = int(time.time() // window_seconds)
    count = await script(keys=[f"rl:{key}:{window}"], args=[window_seconds * 2])
    return int(count) <= limit
