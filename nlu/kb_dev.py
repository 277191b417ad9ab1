"""`python -m nlu.kb_dev`: the KB on the team's development set of long citizen messages
(nlu/dev/kb_long_dev.yml), for work on request finding and story handling.

A development set is read freely: it prints every miss (message, expected entry, what the
index made of it), which the held-out sets never do. It is not fitting data either: the
reranker and the calibration (`python -m nlu.calibrate_kb`) never read it, so its figures are
out of sample for the weights, though not for rules written while looking at it.
Prints answered precision / coverage / declines (nlu.evaluate_kb), the share of messages whose
right entry is the top hit and among the suggestions offered when declined, then the misses.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

from nlu.evaluate_kb import (
    Case,
    load_realistic_cases,
    load_seed_documents,
    outcome,
    print_outcome,
)
from nlu.retrieval import KnowledgeIndex

DEV_FILE = Path(__file__).parent / "dev" / "kb_long_dev.yml"


def load_dev_cases(path: Path = DEV_FILE) -> list[Case]:
    """The development messages: the same format as the realistic fitting set."""
    return load_realistic_cases(path)


@dataclass(frozen=True)
class Seen:
    """What a caller is shown for one development message."""

    case: Case
    top: str | None  # the top hit `answer` weighs (None: none, or another place's question)
    confidence: float
    answered: str | None  # the entry answered with (None: declined)
    offered: tuple[str, ...]  # the suggestions when declined


def see(index: KnowledgeIndex, case: Case) -> Seen:
    answer = index.answer(case.q, case.region)
    hit = index.top(case.q, case.region)
    answered = answer.entry.entry_id if answer.status == "answered" and answer.entry else None
    return Seen(
        case,
        hit.entry_id if hit else None,
        hit.confidence if hit else 0.0,
        answered,
        tuple(h.entry_id for h in answer.suggestions),
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--file", type=Path, default=DEV_FILE)
    parser.add_argument("--quiet", action="store_true", help="figures only, no misses")
    args = parser.parse_args(argv)
    index = KnowledgeIndex.build(load_seed_documents())
    cases = load_dev_cases(args.file)
    print(f"== development set {args.file.name}: answered precision / coverage / declines")
    print_outcome("all", outcome(index, cases))
    seen = [see(index, c) for c in cases]
    inside = [s for s in seen if s.case.expected is not None]
    top1 = sum(s.top == s.case.expected for s in inside)
    declined = [s for s in inside if s.answered is None]
    offered = sum(s.case.expected in s.offered for s in declined)
    print(f"top hit right {top1}/{len(inside)} ({top1 / max(len(inside), 1):.1%})")
    print(f"declined with the right entry suggested {offered}/{len(declined)}")
    if args.quiet:
        return
    print("-- misses: expected | top (confidence) | answered | suggested | message")
    for s in seen:
        if s.answered == s.case.expected:
            continue
        print(
            f"{s.case.expected} | {s.top} ({s.confidence:.2f}) | {s.answered} | "
            f"{','.join(s.offered)} | {s.case.q}"
        )


if __name__ == "__main__":
    main()
