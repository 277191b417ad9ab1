"""Screening speed: `python -m guides.bench [--rounds N]`.

Screens every example household (guides/examples/*.json) and every case household
(tests/guides/cases/*.yml, when present) many times and prints households screened per second
and the p50 / p99 / max latency of one screening, measured with time.perf_counter_ns.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import time
from pathlib import Path

import yaml

from guides.household import Household
from guides.household_input import parse_household
from guides.screening.engine import screen

ROOT = Path(__file__).resolve().parent
EXAMPLES = ROOT / "examples"
CASES = ROOT.parent / "tests" / "guides" / "cases"


def load_households() -> list[tuple[Household, dt.date | None]]:
    households: list[tuple[Household, dt.date | None]] = []
    for path in sorted(EXAMPLES.glob("*.json")):
        households.append((parse_household(json.loads(path.read_text(encoding="utf-8"))), None))
    for path in sorted(CASES.glob("*.yml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            on = case["date"]
            on = on if isinstance(on, dt.date) else dt.date.fromisoformat(str(on))
            households.append((parse_household(case["input"], region=case["region"]), on))
    return households


def percentile(sorted_ns: list[int], share: float) -> float:
    index = min(len(sorted_ns) - 1, round(share * (len(sorted_ns) - 1)))
    return sorted_ns[index] / 1000  # microseconds


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m guides.bench")
    parser.add_argument("--rounds", type=int, default=200, help="passes over all households")
    args = parser.parse_args(argv)
    report(*time_screenings(args.rounds))


def time_screenings(rounds: int) -> tuple[int, list[int], int]:
    """(distinct households, sorted nanoseconds per screening, total nanoseconds)."""
    households = load_households()
    for household, on in households:  # warm caches: guides, parameters, dependency order
        screen(household, on=on)
    timings: list[int] = []
    started = time.perf_counter_ns()
    for _ in range(rounds):
        for household, on in households:
            t0 = time.perf_counter_ns()
            screen(household, on=on)
            timings.append(time.perf_counter_ns() - t0)
    elapsed = time.perf_counter_ns() - started
    return len(households), sorted(timings), elapsed


def report(households: int, timings: list[int], elapsed: int) -> None:
    print(f"households: {households} distinct, {len(timings)} screenings")
    print(f"throughput: {len(timings) / (elapsed / 1e9):,.0f} households/s")
    print(
        f"latency per screening: p50 {percentile(timings, 0.50):.0f} µs, "
        f"p99 {percentile(timings, 0.99):.0f} µs, max {timings[-1] / 1000:.0f} µs"
    )


if __name__ == "__main__":
    main()
