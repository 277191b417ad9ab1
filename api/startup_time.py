"""`python -m api.startup_time`: seconds from `python -m api` to /readyz 200, cold and warm.

Cold: an empty model cache and a new database, as on a fresh checkout (the intent model is
trained during start-up). Warm: the same data directory again, as on every later start. Each run
gets its own port, and a temporary data directory (SHEJIU_DATA_DIR) for everything it writes.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

PROJECT = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def seconds_to_ready(data_dir: Path, timeout: float) -> float:
    """Start the service on `data_dir`, wait for /readyz 200, stop it with SIGTERM."""
    port = _free_port()
    env = {
        **os.environ,
        "SHEJIU_DATA_DIR": str(data_dir),
        "EMBEDDED_REDIS_PORT": str(_free_port()),
    }
    for inherited in ("REDIS_URL", "DATABASE_URL", "SHEJIU_MODEL_DIR", "EMBEDDED_REDIS_DIR"):
        env.pop(inherited, None)
    log = (data_dir / "service.log").open("ab")
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "api", "--port", str(port)],
        cwd=PROJECT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        while time.perf_counter() - started < timeout:
            if proc.poll() is not None:
                raise SystemExit(f"the service exited with {proc.returncode}; see {log.name}")
            try:
                if httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=1).status_code == 200:
                    return time.perf_counter() - started
            except httpx.TransportError:
                pass
            time.sleep(0.05)
        raise SystemExit(f"not ready after {timeout:.0f} s; see {log.name}")
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
        log.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--timeout", type=float, default=180.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="shejiu-start-") as tmp:
        data_dir = Path(tmp)
        cold = seconds_to_ready(data_dir, args.timeout)
        warm = seconds_to_ready(data_dir, args.timeout)
    print(f"cores: {os.cpu_count()}")
    print(f"start to /readyz 200, cold (trains the intent model, new database): {cold:.1f} s")
    print(f"start to /readyz 200, warm (cached model, existing database): {warm:.1f} s")


if __name__ == "__main__":
    main()
