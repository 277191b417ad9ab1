"""Embedded defaults: with no REDIS_URL, run a private redis-server beside the service."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from pathlib import Path

from api.settings import Settings
from guides.datadir import under_data_dir


class EmbeddedRedis:
    def __init__(self, directory: Path, port: int) -> None:
        self.directory = directory
        self.port = port
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def _answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                return True
        except OSError:
            return False

    def command(self, binary: str = "redis-server") -> list[str]:
        """Sessions survive a restart: every write goes to the append-only file, synced to disk
        every second (at most a second of writes lost to a power cut), plus a snapshot."""
        return [
            binary, "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.directory),
            "--appendonly", "yes", "--appendfsync", "everysec", "--save", "60 1",
        ]  # fmt: skip

    def start(self) -> str:
        if self._answers():  # already running (another worker, or a previous run)
            return self.url
        binary = shutil.which("redis-server")
        if binary is None:
            raise RuntimeError("redis-server is not installed: run ./run setup")
        self.directory.mkdir(parents=True, exist_ok=True)
        self.proc = subprocess.Popen(
            [*self.command(binary)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self._answers():
                return self.url
            time.sleep(0.05)
        raise RuntimeError("embedded redis-server did not start")

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait(timeout=10)
            self.proc = None


def ensure_redis(settings: Settings) -> EmbeddedRedis | None:
    """Start the embedded Redis when none is configured; set settings.redis_url."""
    if settings.redis_url:
        return None
    embedded = EmbeddedRedis(
        under_data_dir(settings.embedded_redis_dir), settings.embedded_redis_port
    )
    settings.redis_url = embedded.start()
    return embedded
