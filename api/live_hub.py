"""One Redis subscription per worker for every live event stream (转人工), fanned out in-process.

An event stream holding its own Redis connection would drain the shared pool; here one
connection (its own client, outside the pool) pattern-subscribes to `live:*` and hands each
message to the streams listening on that channel. If Redis goes away the hub reconnects and
sends every stream RESYNC, so it replays what it missed from the session's transcript.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import defaultdict
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from redis.asyncio import Redis

from dialogue.redis_client import async_client

log = logging.getLogger(__name__)

RESYNC = b""  # put on every queue after a reconnect: reload and replay from the transcript
QUEUE_LIMIT = 256


class LiveHub:
    def __init__(self, redis_url: str, pattern: str = "live:*") -> None:
        # its own small pool (a plain or a Sentinel URL), apart from the requests' pool
        self.client: Redis = async_client(redis_url, max_connections=4)
        self.pattern = pattern
        self.listeners: defaultdict[str, set[asyncio.Queue[bytes]]] = defaultdict(set)
        self.subscribed = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._run())

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        await self.client.aclose()

    @asynccontextmanager
    async def listen(self, channel: str) -> AsyncIterator[asyncio.Queue[bytes]]:
        queue: asyncio.Queue[bytes] = asyncio.Queue(QUEUE_LIMIT)
        self.listeners[channel].add(queue)
        try:
            yield queue
        finally:
            self.listeners[channel].discard(queue)
            if not self.listeners[channel]:
                del self.listeners[channel]

    def _deliver(self, channel: str, data: bytes) -> None:
        for queue in list(self.listeners.get(channel, ())):
            try:
                queue.put_nowait(data)
            except asyncio.QueueFull:  # a stalled reader: it resyncs from the transcript
                queue.get_nowait()
                queue.put_nowait(RESYNC)

    async def _run(self) -> None:
        delay = 0.1
        first = True
        while True:
            pubsub = self.client.pubsub()
            try:
                await pubsub.psubscribe(self.pattern)
                self.subscribed.set()
                if not first:
                    for channel in list(self.listeners):
                        self._deliver(channel, RESYNC)
                first, delay = False, 0.1
                async for message in pubsub.listen():
                    if message["type"] != "pmessage":
                        continue
                    channel = message["channel"]
                    name = channel.decode() if isinstance(channel, bytes) else str(channel)
                    data = message["data"]
                    self._deliver(name, data if isinstance(data, bytes) else str(data).encode())
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # Redis restarted or unreachable: try again, slowly
                self.subscribed.clear()
                log.warning("live hub lost its subscription (%s); retrying", type(exc).__name__)
                await asyncio.sleep(delay)
                delay = min(delay * 2, 5.0)
            finally:
                with contextlib.suppress(Exception):
                    await pubsub.aclose()
