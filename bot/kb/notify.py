"""Optional Redis pub/sub hint that the KB index changed. The DB counter stays the truth.

Publishing workers call `publish(version)` after a commit; every service instance holds a
subscription and checks the DB counter at once when a message is pending, instead of waiting
for its next periodic check. A lost message only delays the refresh to the next check.
"""

from __future__ import annotations

import logging
import threading

import redis

from dialogue.redis_client import sync_client

CHANNEL = "kb:index_version"
log = logging.getLogger(__name__)


class RedisIndexNotifier:
    def __init__(self, url: str, channel: str = CHANNEL) -> None:
        self._client = sync_client(url)
        self._channel = channel
        self._pubsub = self._client.pubsub(ignore_subscribe_messages=True)
        self._pubsub.subscribe(channel)
        self._reading = threading.Lock()

    def publish(self, version: int) -> None:
        self._client.publish(self._channel, str(version))

    def changed(self) -> bool:
        """True when at least one change message arrived since the last call (non-blocking)."""
        # Turns run in worker threads: one reader at a time on the subscription's socket. A
        # thread that finds it busy reports no change; the reader holding it sees the message.
        if not self._reading.acquire(blocking=False):
            return False
        seen, empty = False, 0
        try:
            while empty < 2:  # a swallowed subscribe confirmation also reads as None
                if self._pubsub.get_message(timeout=0.0) is None:
                    empty += 1
                else:
                    seen, empty = True, 0
        except redis.RedisError:
            log.warning("KB change channel unavailable; relying on the periodic check")
        finally:
            self._reading.release()
        return seen

    def close(self) -> None:
        self._pubsub.close()
        self._client.close()
