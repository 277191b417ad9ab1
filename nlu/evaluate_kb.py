"""`python -m nlu.evaluate_kb`: how well the KB retrieval answers, and declines, questions.

Builds the index from the seed files (bot/kb/seed/*.yml, read as data), then runs
nlu/data/kb_eval/paraphrases.yml (each question with its region) and out_of_scope.yml.
Prints top-1 / top-3 accuracy, MRR, the share of out-of-scope questions correctly declined,
the share of in-scope questions wrongly declined, and the worst misses.

Questions are split by a stable hash into a tuning half and a check half: weights and synonyms
are tuned looking at `--split tune` only; `--split check` is the final check. The confidence is
fitted on the seed alone (`python -m nlu.calibrate_kb`), never on these files.
"""

from __future__ import annotations

import argparse
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from guides.yamlio import read_yaml
from nlu.retrieval import ALL, KbDocument, KnowledgeIndex

ROOT = Path(__file__).resolve().parent.parent
SEED_DIR = ROOT / "bot" / "kb" / "seed"
EVAL_DIR = Path(__file__).parent / "data" / "kb_eval"
CITIZEN_FILE = Path(__file__).parent / "data" / "kb_citizen" / "heldout.yml"
REALISTIC_FILE = Path(__file__).parent / "data" / "kb_realistic.yml"
LONG = 60  # characters: a "long question" in the figures


def load_seed_documents(directory: Path = SEED_DIR) -> list[KbDocument]:
    docs: list[KbDocument] = []
    for path in sorted(directory.glob("*.yml")):
        for e in read_yaml(path)["entries"]:
            docs.append(
                KbDocument(
                    entry_id=e["id"],
                    question=e["question"],
                    similar=tuple(e.get("similar") or ()),
                    answer=e["answer"],
                    regions=tuple(e.get("regions") or (ALL,)),
                    items=tuple(e.get("items") or ()),
                    tags=tuple(e.get("tags") or ()),
                )
            )
    return docs


def split_of(question: str) -> str:
    return "tune" if hashlib.md5(question.encode("utf-8")).digest()[0] % 2 == 0 else "check"


@dataclass(frozen=True)
class Case:
    q: str
    expected: str | None  # None: out of scope
    region: str | None
    also: tuple[str, ...] = ()  # a message asking two things: its other request's entry

    def right(self, got: str | None) -> bool:
        """Answered with an entry the message asks for."""
        return got is not None and (got == self.expected or got in self.also)


def _case(c: dict[str, Any]) -> Case:
    """A labelled question; `expected` may list the entries of a message's two requests."""
    expected = c.get("expected")
    if isinstance(expected, list):
        first, *rest = (str(e) for e in expected)
        return Case(str(c["q"]), first, c.get("region"), tuple(rest))
    return Case(str(c["q"]), expected and str(expected), c.get("region"))


def load_cases(directory: Path = EVAL_DIR, split: str = "all") -> list[Case]:
    cases = [
        Case(str(c["q"]), str(c["expected"]), c.get("region"))
        for c in read_yaml(directory / "paraphrases.yml") or []
    ]
    oos_path = directory / "out_of_scope.yml"
    if oos_path.exists():
        cases += [Case(str(c["q"]), None, c.get("region")) for c in read_yaml(oos_path) or []]
    return [c for c in cases if split == "all" or split_of(c.q) == split]


def load_citizen_cases(path: Path = CITIZEN_FILE) -> list[Case]:
    """The citizens' held-out set: expected null means the KB must decline."""
    return [
        Case(str(c["q"]), c.get("expected") and str(c["expected"]), c.get("region"))
        for c in read_yaml(path) or []
    ]


def load_realistic_cases(path: Path = REALISTIC_FILE) -> list[Case]:
    """The team's realistic questions for fitting and choosing the confidence (not held out)."""
    return [_case(c) for c in read_yaml(path)["questions"]]


@dataclass(frozen=True)
class Outcome:
    """What a caller sees: answered right, answered wrong, or declined."""

    questions: int
    with_content: int
    answered: int
    answered_right: int
    must_decline: int
    declined_right: int

    @property
    def precision(self) -> float:
        return self.answered_right / self.answered if self.answered else 1.0

    @property
    def coverage(self) -> float:
        return self.answered_right / self.with_content if self.with_content else 1.0

    @property
    def declined(self) -> float:
        return self.declined_right / self.must_decline if self.must_decline else 1.0


def outcome(index: KnowledgeIndex, cases: list[Case]) -> Outcome:
    answered = right = declined = 0
    for c in cases:
        answer = index.answer(c.q, c.region)
        got = answer.entry.entry_id if answer.status != "uncertain" and answer.entry else None
        answered += got is not None
        right += c.right(got)
        declined += c.expected is None and got is None
    with_content = sum(c.expected is not None for c in cases)
    return Outcome(len(cases), with_content, answered, right, len(cases) - with_content, declined)


def print_outcome(name: str, o: Outcome) -> None:
    print(
        f"{name:<14} n={o.questions:<4} answered precision {o.precision:6.1%} "
        f"({o.answered_right}/{o.answered})  coverage {o.coverage:6.1%} "
        f"({o.answered_right}/{o.with_content})  must-decline declined {o.declined:6.1%} "
        f"({o.declined_right}/{o.must_decline})"
    )


def curve(index: KnowledgeIndex, cases: list[Case], thresholds: list[float]) -> None:
    """Precision / coverage / declines at each confidence threshold: the threshold is a choice."""
    tops = [index.top(c.q, c.region) for c in cases]
    with_content = sum(c.expected is not None for c in cases) or 1
    must_decline = sum(c.expected is None for c in cases) or 1
    print("threshold  precision  coverage  declined")
    for t in thresholds:
        got = [h.entry_id if h and h.confidence >= t else None for h in tops]
        answered = sum(g is not None for g in got)
        right = sum(g is not None and g == c.expected for g, c in zip(got, cases, strict=True))
        declined = sum(g is None and c.expected is None for g, c in zip(got, cases, strict=True))
        precision = right / answered if answered else 1.0
        print(
            f"  {t:4.2f}     {precision:6.1%}    {right / with_content:6.1%}   "
            f"{declined / must_decline:6.1%}"
        )


def print_outcomes(index: KnowledgeIndex, title: str, cases: list[Case]) -> None:
    print(f"== {title}: answered precision / coverage / declines")
    print_outcome("all", outcome(index, cases))
    print_outcome(f"<= {LONG} chars", outcome(index, [c for c in cases if len(c.q) <= LONG]))
    print_outcome(f"> {LONG} chars", outcome(index, [c for c in cases if len(c.q) > LONG]))
    # Content not written yet counts against coverage: say how much (a count, no questions).
    missing = sum(c.expected is not None and index.document(c.expected) is None for c in cases)
    print(f"expected entry not in the index: {missing} questions")


@dataclass(frozen=True)
class Report:
    in_scope: int
    out_of_scope: int
    top1: float
    top3: float
    mrr: float
    declined_oos: float
    declined_in_scope: float
    answered_wrong: float
    misses: list[tuple[str, str, str | None, str]]


def evaluate(index: KnowledgeIndex, cases: list[Case], worst: int = 15) -> Report:
    inside = [c for c in cases if c.expected is not None]
    outside = [c for c in cases if c.expected is None]
    top1 = top3 = 0
    rr = 0.0
    declined_in = wrong = 0
    misses: list[tuple[float, tuple[str, str, str | None, str]]] = []
    for c in inside:
        hits = index.search(c.q, c.region, k=10)
        ids = [h.entry_id for h in hits]
        rank = ids.index(c.expected) + 1 if c.expected in ids else None
        top1 += rank == 1
        top3 += rank is not None and rank <= 3
        rr += 1 / rank if rank else 0.0
        answer = index.answer(c.q, c.region)
        if answer.status == "uncertain":
            declined_in += 1
        elif answer.entry is not None and answer.entry.entry_id != c.expected:
            wrong += 1
        if rank != 1 or answer.status == "uncertain":
            got = f"{ids[0] if ids else '-'} conf={answer.confidence:.2f} rank={rank}"
            misses.append((rank or 99, (c.q, c.expected or "", c.region, got)))
    declined_out = 0
    for c in outside:
        answer = index.answer(c.q, c.region)
        if answer.status == "uncertain":
            declined_out += 1
        else:
            entry = answer.entry.entry_id if answer.entry else "-"
            misses.append(
                (50, (c.q, "(out of scope)", c.region, f"{entry} conf={answer.confidence:.2f}"))
            )
    n_in, n_out = max(len(inside), 1), max(len(outside), 1)
    misses.sort(key=lambda m: -m[0])
    return Report(
        in_scope=len(inside),
        out_of_scope=len(outside),
        top1=top1 / n_in,
        top3=top3 / n_in,
        mrr=rr / n_in,
        declined_oos=declined_out / n_out,
        declined_in_scope=declined_in / n_in,
        answered_wrong=wrong / n_in,
        misses=[m[1] for m in misses[:worst]],
    )


def print_report(name: str, report: Report) -> None:
    print(f"== {name}: {report.in_scope} in-scope, {report.out_of_scope} out-of-scope questions")
    print(f"top-1 accuracy            {report.top1:6.1%}")
    print(f"top-3 accuracy            {report.top3:6.1%}")
    print(f"MRR@10                    {report.mrr:6.3f}")
    print(f"out-of-scope declined     {report.declined_oos:6.1%}")
    print(f"in-scope wrongly declined {report.declined_in_scope:6.1%}")
    print(f"in-scope answered wrong   {report.answered_wrong:6.1%}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", choices=["tune", "check", "all"], default=None)
    # Off by default: the misses are held-out questions, and whoever reads them while improving
    # the KB starts fitting the test set.
    parser.add_argument("--curve", action="store_true", help="precision/coverage by threshold")
    parser.add_argument("--worst", type=int, default=0, help="print the N worst misses")
    args = parser.parse_args(argv)
    docs = load_seed_documents()
    index = KnowledgeIndex.build(docs)
    print(f"index: {len(docs)} entries from {SEED_DIR.relative_to(ROOT)}")
    print_outcomes(
        index, "realistic fitting set (kb_realistic, not held out)", load_realistic_cases()
    )
    if args.curve:  # in-sample; the cross-validated one: python -m nlu.kb_crossval
        print("== curve on the realistic fitting set (in-sample, not held out)")
        curve(index, load_realistic_cases(), [0.3, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8])
    print_outcomes(index, "citizens' held-out set (kb_citizen)", load_citizen_cases())
    print_outcomes(index, "paraphrase set (kb_eval)", load_cases())
    splits = [args.split] if args.split else ["tune", "check", "all"]
    for split in splits:
        report = evaluate(index, load_cases(split=split), args.worst)
        print_report(split, report)
    if not args.worst:
        return
    print(f"-- worst misses ({splits[-1]}): question | expected | region | got")
    for q, expected, region, got in report.misses:
        print(f"  {q} | {expected} | {region} | {got}")


if __name__ == "__main__":
    main()
