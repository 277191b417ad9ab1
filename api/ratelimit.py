"""Fixed-window rate limits in Redis, shared by every worker: per account and per IP."""

from __future__ import annotations

import time

from redis.asyncio import Redis


async def allow(redis: Redis, key: str, limit: int, window_seconds: int = 60) -> bool:
    window = int(time.time() // window_seconds)
    name = f"rl:{key}:{window}"
    async with redis.pipeline(transaction=True) as pipe:
        pipe.incr(name)
        pipe.expire(name, window_seconds * 2)
        count, _ = await pipe.execute()
    return int(count) <= limit
