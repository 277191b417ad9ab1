"""Redis clients from one URL: a single server (`redis://`, `rediss://`, `unix://`) or a
Sentinel-managed master (`redis+sentinel://`).

A Sentinel URL names the sentinels, the monitored master's service name and the database:

    redis+sentinel://[:password@]host1:26379,host2:26379,host3:26379/mymaster/0
        ?sentinel_password=...&socket_timeout=2

The password in the URL is the data nodes' password (`requirepass` / `masterauth`);
`sentinel_password` is the sentinels' own, when they have one. Every client asks the sentinels
for the current master before it connects and again when a connection drops or the master
answers READONLY (it was demoted): after a failover, the next command goes to the new master.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import redis
import redis.asyncio as aredis
from redis.asyncio.retry import Retry as AsyncRetry
from redis.asyncio.sentinel import Sentinel as AsyncSentinel
from redis.asyncio.sentinel import SentinelConnectionPool as AsyncSentinelPool
from redis.asyncio.sentinel import SentinelManagedConnection as AsyncSentinelConnection
from redis.backoff import ExponentialBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError
from redis.retry import Retry
from redis.sentinel import Sentinel
from redis.sentinel import SentinelManagedConnection as SentinelConnection

SENTINEL_SCHEMES = ("redis+sentinel", "rediss+sentinel")
# A failover takes a few seconds (down-after-milliseconds, then the election): commands in
# flight retry across it instead of failing. Waits of 0.1, 0.2, 0.4, 0.8, then 1 s: 13.5 s in
# all, enough for down-after-milliseconds 5000 (docs/DEPLOYMENT.md) and an election.
SENTINEL_RETRIES = 16
DIRECT_RETRIES = 3


class RedisUrlError(ValueError):
    """A REDIS_URL this module cannot read."""


@dataclass(frozen=True)
class SentinelTarget:
    sentinels: tuple[tuple[str, int], ...]
    service_name: str
    db: int = 0
    password: str | None = None
    username: str | None = None
    sentinel_password: str | None = None
    socket_timeout: float = 2.0
    ssl: bool = False

    def connection_kwargs(self) -> dict[str, Any]:
        kwargs: dict[str, Any] = {"db": self.db, "socket_timeout": self.socket_timeout}
        if self.password:
            kwargs["password"] = self.password
        if self.username:
            kwargs["username"] = self.username
        if self.ssl:
            kwargs["ssl"] = True
        return kwargs

    def sentinel_kwargs(self) -> dict[str, Any]:
        kwargs: dict[str, Any] = {"socket_timeout": self.socket_timeout}
        if self.sentinel_password:
            kwargs["password"] = self.sentinel_password
        return kwargs


def is_sentinel_url(url: str) -> bool:
    return url.split("://", 1)[0].lower() in SENTINEL_SCHEMES


def parse_sentinel_url(url: str) -> SentinelTarget:
    parts = urlsplit(url)
    if parts.scheme.lower() not in SENTINEL_SCHEMES:
        raise RedisUrlError(f"not a sentinel URL: {parts.scheme}://")
    userinfo, _, hosts = parts.netloc.rpartition("@")
    username, _, password = userinfo.partition(":") if userinfo else ("", "", "")
    sentinels: list[tuple[str, int]] = []
    for host in filter(None, hosts.split(",")):
        name, _, port = host.rpartition(":") if ":" in host else (host, "", "26379")
        if not name or not port.isdigit():
            raise RedisUrlError(f"sentinel address must be host:port, not {host!r}")
        sentinels.append((name.strip("[]"), int(port)))
    if not sentinels:
        raise RedisUrlError("a sentinel URL names at least one sentinel host:port")
    path = [p for p in parts.path.split("/") if p]
    if not path or len(path) > 2:
        raise RedisUrlError("a sentinel URL's path is /<service name>[/<db>]")
    if len(path) == 2 and not path[1].isdigit():
        raise RedisUrlError(f"database must be a number, not {path[1]!r}")
    query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
    return SentinelTarget(
        sentinels=tuple(sentinels),
        service_name=unquote(path[0]),
        db=int(path[1]) if len(path) == 2 else 0,
        password=unquote(password) or None,
        username=unquote(username) or None,
        sentinel_password=query.get("sentinel_password"),
        socket_timeout=float(query.get("socket_timeout", 2.0)),
        ssl=parts.scheme.lower().startswith("rediss"),
    )


class FailoverAwareConnection(AsyncSentinelConnection):
    """Reconnects through the sentinels. redis-py 8.1 reconnects a dropped connection inside a
    command's retry loop by `connect_check_health()`, which goes back to the address it had
    (the dead master) and skips the sentinel lookup in `connect()`: every retry then fails
    until the budget runs out. Connecting through `connect()` asks for the current master."""

    async def send_packed_command(self, command: Any, check_health: bool = True) -> None:
        if not self.is_connected:
            await self.connect()
        await super().send_packed_command(command, check_health)


class SyncFailoverAwareConnection(SentinelConnection):
    """The same for the blocking client."""

    def send_packed_command(self, command: Any, check_health: bool = True) -> None:
        if not self._sock:
            self.connect()
        super().send_packed_command(command, check_health)


class BlockingSentinelPool(AsyncSentinelPool, aredis.BlockingConnectionPool):
    """Sentinel discovery with the blocking pool's behaviour under a burst: a request waits
    briefly for a free connection instead of failing."""


def async_client(
    url: str, *, max_connections: int = 64, wait_seconds: float = 10, **kwargs: Any
) -> aredis.Redis:
    """The service's shared client: a bounded pool, health checks and retries on both kinds."""
    retries = SENTINEL_RETRIES if is_sentinel_url(url) else DIRECT_RETRIES
    common: dict[str, Any] = {
        # A connection opened before a Redis restart or failover is checked and retried.
        "health_check_interval": 15,
        "retry": AsyncRetry(ExponentialBackoff(cap=1.0, base=0.05), retries),
        "retry_on_error": [RedisConnectionError, RedisTimeoutError],
        **kwargs,
    }
    if not is_sentinel_url(url):
        pool = aredis.BlockingConnectionPool.from_url(
            url, max_connections=max_connections, timeout=wait_seconds, **common
        )
        return aredis.Redis(connection_pool=pool)
    target = parse_sentinel_url(url)
    sentinel = AsyncSentinel(list(target.sentinels), sentinel_kwargs=target.sentinel_kwargs())
    client: aredis.Redis = sentinel.master_for(
        target.service_name,
        connection_pool_class=BlockingSentinelPool,
        connection_class=FailoverAwareConnection,
        max_connections=max_connections,
        timeout=wait_seconds,
        **target.connection_kwargs(),
        **common,
    )
    return client


def sync_client(url: str, **kwargs: Any) -> redis.Redis:
    """A blocking client (background threads, tools) for the same URL."""
    if not is_sentinel_url(url):
        return redis.Redis.from_url(url, **kwargs)
    target = parse_sentinel_url(url)
    sentinel = Sentinel(list(target.sentinels), sentinel_kwargs=target.sentinel_kwargs())
    client: redis.Redis = sentinel.master_for(
        target.service_name,
        connection_class=SyncFailoverAwareConnection,
        retry=Retry(ExponentialBackoff(cap=1.0, base=0.05), SENTINEL_RETRIES),
        retry_on_error=[RedisConnectionError, RedisTimeoutError],
        **target.connection_kwargs(),
        **kwargs,
    )
    return client
