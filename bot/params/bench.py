"""Screening speed with parameters from the database: `python -m bot.params.bench [--rounds N]`.

Like `python -m guides.bench`, but screening gets its parameters through the per-worker cache of
the published database values (a temporary SQLite file seeded from parameters.yml), including
the periodic "did anything get published?" check a worker makes.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from bot.kb.db import make_sessions
from bot.params.service import ParameterService
from guides.bench import load_households, percentile
from guides.screening.engine import screen


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bot.params.bench")
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        sessions = make_sessions(f"sqlite:///{Path(tmp) / 'params.db'}")
        service = ParameterService(sessions, refresh_seconds=0.5)
        service.store.seed_if_empty()
        service.install()
        try:
            households = load_households()
            for household, on in households:
                screen(household, on=on)
            timings: list[int] = []
            started = time.perf_counter_ns()
            for _ in range(args.rounds):
                for household, on in households:
                    t0 = time.perf_counter_ns()
                    screen(household, on=on)
                    timings.append(time.perf_counter_ns() - t0)
            elapsed = time.perf_counter_ns() - started
        finally:
            service.uninstall()
            sessions.kw["bind"].dispose()
    timings.sort()
    print(f"parameters from the database (cached; checked every {service.refresh_seconds} s)")
    print(f"households: {len(households)} distinct, {len(timings)} screenings")
    print(f"throughput: {len(timings) / (elapsed / 1e9):,.0f} households/s")
    print(
        f"latency per screening: p50 {percentile(timings, 0.50):.0f} µs, "
        f"p99 {percentile(timings, 0.99):.0f} µs, max {timings[-1] / 1000:.0f} µs"
    )


if __name__ == "__main__":
    main()
