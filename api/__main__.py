"""`python -m api`: start the service on config.yml + environment, embedded defaults included."""

from __future__ import annotations

import argparse
import os
import signal
import sys
from types import FrameType

import uvicorn

from api.embedded import ensure_redis
from api.logs import setup_logging
from api.settings import EVENT_LOOP, load_settings


def _exit_on_sigterm(signum: int, frame: FrameType | None) -> None:
    sys.exit(128 + signum)


def main() -> None:
    parser = argparse.ArgumentParser(description="社会救助“一件事” assistant service")
    parser.add_argument("--host")
    parser.add_argument("--port", type=int)
    parser.add_argument("--workers", type=int, help="default: one per CPU core")
    args = parser.parse_args()
    settings = load_settings()
    setup_logging()
    # uvicorn shuts down gracefully on SIGTERM, then re-raises it: exit through `finally` so the
    # embedded redis-server stops too (kill PID, systemd and docker stop send SIGTERM).
    signal.signal(signal.SIGTERM, _exit_on_sigterm)
    embedded = ensure_redis(settings)
    # Workers are separate processes: hand them the resolved Redis URL through the environment.
    assert settings.redis_url is not None
    os.environ["REDIS_URL"] = settings.redis_url
    os.environ.setdefault("SECRET_KEY", settings.secret_key)
    try:
        uvicorn.run(
            "api.asgi:app",
            host=args.host or settings.host,
            port=args.port or settings.port,
            workers=args.workers or settings.worker_count,
            log_config=None,
            # X-Forwarded-For is read by api.deps.client_ip, only from settings.trusted_proxies;
            # uvicorn's own handling would believe it from 127.0.0.1.
            proxy_headers=False,
            # Open event streams (转人工) never finish by themselves: cut them after a few
            # seconds on shutdown; the pages reconnect to another worker and replay by seq.
            timeout_graceful_shutdown=5,
            loop=EVENT_LOOP,
        )
    finally:
        if embedded is not None:
            embedded.stop()


if __name__ == "__main__":
    main()
