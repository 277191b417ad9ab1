"""`python -m guides.evaluate`: screening against a reviewer's held-out households.

Each set in guides/eval/ (households_heldout*.yml) was built by hand
from the clauses, with the reviewer's expected verdict per item. For each set this prints how many
item verdicts agree and how many times screening says 可能不符合 where the reviewer says 可能符合 or
或许符合 (the worst error). `--set NAME` scores one set only.
Only this module reads those files (tests/guides/test_heldout_isolation.py enforces it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from guides.errors import ShejiuError
from guides.household_input import parse_household
from guides.ids import OUTCOME_LABELS, Outcome
from guides.screening.engine import screen

EVAL_DIR = Path(__file__).parent / "eval"
HELDOUT = EVAL_DIR / "households_heldout.yml"
HELDOUT2 = EVAL_DIR / "households_heldout2.yml"
HELDOUT3 = EVAL_DIR / "households_heldout3.yml"
SETS: dict[str, Path] = {"heldout": HELDOUT, "heldout2": HELDOUT2, "heldout3": HELDOUT3}
SCREENING_DATE = dt.date(2025, 11, 1)
FAVOURABLE = (Outcome.LIKELY, Outcome.POSSIBLE)


@dataclass(frozen=True)
class Verdict:
    household: str
    item: str
    expected: Outcome
    got: Outcome | None  # None: the household could not be screened
    clause: str

    @property
    def agrees(self) -> bool:
        return self.got == self.expected

    @property
    def wrongly_unlikely(self) -> bool:
        return self.got == Outcome.UNLIKELY and self.expected in FAVOURABLE


def load(path: Path = HELDOUT) -> list[dict[str, Any]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    households: list[dict[str, Any]] = data["households"]
    return households


def evaluate(households: list[dict[str, Any]]) -> tuple[list[Verdict], list[str]]:
    verdicts: list[Verdict] = []
    unscreenable: list[str] = []
    for entry in households:
        got: dict[str, Outcome] = {}
        try:
            household = parse_household(entry["input"], region=entry["region"])
            result = screen(household, on=SCREENING_DATE)
            got = {str(r.item): r.outcome for r in result.items}
        except ShejiuError:
            unscreenable.append(entry["id"])
        for item, (expected, clause) in entry["expect"].items():
            verdicts.append(
                Verdict(entry["id"], item, Outcome(expected), got.get(item), str(clause))
            )
    return verdicts, unscreenable


def summary(verdicts: list[Verdict], unscreenable: list[str], households: int) -> str:
    agree = sum(v.agrees for v in verdicts)
    harmful = sum(v.wrongly_unlikely for v in verdicts)
    lines = [
        f"households: {households}, item verdicts: {len(verdicts)}",
        f"agreement: {agree}/{len(verdicts)} = {agree / len(verdicts):.1%}",
        f"可能不符合 where the reviewer says 可能符合/或许符合: {harmful}",
    ]
    if unscreenable:
        lines.append(
            f"households the model cannot express: {len(unscreenable)} ({', '.join(unscreenable)})"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m guides.evaluate")
    parser.add_argument("--show", action="store_true", help="list every disagreement")
    parser.add_argument("--set", choices=sorted(SETS), help="score one set only (default: all)")
    parser.add_argument(
        "--file", type=Path, help="score a development set instead (e.g. guides/dev/*.yml)"
    )
    args = parser.parse_args(argv)
    if args.file:
        households = load(args.file)
        verdicts, unscreenable = evaluate(households)
        print(f"== {args.file.name}")
        print(summary(verdicts, unscreenable, len(households)))
        if args.show:
            show_disagreements(verdicts)
        return 0
    names = [args.set] if args.set else list(SETS)
    for number, name in enumerate(names):
        if number:
            print()
        print(f"== {name} ({SETS[name].name})")
        households = load(SETS[name])
        verdicts, unscreenable = evaluate(households)
        print(summary(verdicts, unscreenable, len(households)))
        if args.show:
            show_disagreements(verdicts)
    return 0


def show_disagreements(verdicts: list[Verdict]) -> None:
    for v in verdicts:
        if not v.agrees:
            got = OUTCOME_LABELS[v.got] if v.got else "（无法筛查）"
            print(
                f"  {v.household} {v.item}: 期望 {OUTCOME_LABELS[v.expected]}，"
                f"得到 {got}  —  {v.clause}"
            )


if __name__ == "__main__":
    sys.exit(main())
