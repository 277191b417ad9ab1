"""`python -m nlu.kb_dev [--second]`: the KB on the team's development sets of citizen messages,
for work on request finding, story handling and content gaps: nlu/dev/kb_long_dev.yml (long
messages), or with `--second` nlu/dev/kb_long_dev2.yml (long and short messages over the
topics of issue 13, two requests in one message, other provinces); any other set with
`--file`, such as nlu/dev/kb_long_dev3.yml (stories around the request, near-domain services
to decline), nlu/dev/kb_dev4.yml (short everyday questions, the region and subject unsaid) or
nlu/dev/kb_dev5.yml (mostly short questions written from imagined callers, then labelled),
nlu/dev/kb_dev6.yml, nlu/dev/kb_dev7.yml, nlu/dev/kb_dev8.yml, nlu/dev/kb_dev9.yml,
nlu/dev/kb_dev10.yml, nlu/dev/kb_dev11.yml, nlu/dev/kb_dev12.yml, nlu/dev/kb_dev13.yml,
nlu/dev/kb_dev14.yml, nlu/dev/kb_dev15.yml, nlu/dev/kb_dev16.yml, nlu/dev/kb_dev17.yml and
nlu/dev/kb_dev18.yml
(written the same way, with dialect, typos, 12345 work orders and long stories; kb_dev10
weighted to near-domain questions to decline and other provinces; kb_dev11 to wrong answers: entries with close siblings, a step of one
programme, two programmes, local place names; kb_dev12 to near-domain services that share the
KB's words (养老保险, 医保, 社保卡, 公积金, 拆迁, 工伤, 失业保险金 ...) and to long stories with the
request buried; kb_dev13 to what callers ask after a result: materials, time limits, channels,
appeals, changes in the household, amounts; kb_dev14 to near-domain services told as long stories
that mention 低保 in passing, and to 残疾人补贴, 高龄津贴, 公租房, 医疗救助 versus 医保, 殡葬 and
失业登记 asked the way people ask; kb_dev15 to short questions as typed on a phone (fragments,
typos, dialect, follow-ups) over every entry family, and short near-domain ones; kb_dev16 half
short phone questions, half short stories, over every entry family, with near-domain ones to
decline; kb_dev17 two thirds long stories (the request in the middle or at the end, 是多长时间 and
报 said in the story, two requests in one message) over every entry family, with near-domain
stories to decline; kb_dev18 half short phone questions, half stories, two aspects asked back to
back without 还, with near-domain ones to decline; each header gives the first score, taken before any change).

A development set is read freely: it prints every miss (message, expected entry, what the
index made of it), which the held-out sets never do. It is not fitting data either: the
reranker and the calibration (`python -m nlu.calibrate_kb`) never read it, so its figures are
out of sample for the weights, though not for rules written while looking at it.
Prints answered precision / coverage / declines (nlu.evaluate_kb), the share of messages whose
right entry is the top hit and among the suggestions offered when declined, then the misses.
`--all`: one line per development set (precision/coverage/declines) and their total, to compare
a change on all of them at once.
"""

from __future__ import annotations

import argparse
from dataclasses import astuple, dataclass
from pathlib import Path

from nlu.evaluate_kb import (
    LONG,
    Case,
    Outcome,
    load_realistic_cases,
    load_seed_documents,
    outcome,
    print_outcome,
)
from nlu.retrieval import KnowledgeIndex

DEV_FILE = Path(__file__).parent / "dev" / "kb_long_dev.yml"
DEV2_FILE = Path(__file__).parent / "dev" / "kb_long_dev2.yml"
DEV3_FILE = Path(__file__).parent / "dev" / "kb_long_dev3.yml"  # with --file
DEV4_FILE = Path(__file__).parent / "dev" / "kb_dev4.yml"  # with --file: short everyday questions
DEV8_FILE = Path(__file__).parent / "dev" / "kb_dev8.yml"  # with --file: dialect, typos, stories
DEV9_FILE = Path(__file__).parent / "dev" / "kb_dev9.yml"  # with --file: written before any miss
DEV10_FILE = Path(__file__).parent / "dev" / "kb_dev10.yml"  # with --file: declines, other places
DEV11_FILE = Path(__file__).parent / "dev" / "kb_dev11.yml"  # with --file: siblings, wrong answers
DEV12_FILE = (
    Path(__file__).parent / "dev" / "kb_dev12.yml"
)  # with --file: near-domain, long stories
DEV13_FILE = (
    Path(__file__).parent / "dev" / "kb_dev13.yml"
)  # with --file: after a result (materials, time limits, channels, appeals, changes, money)
DEV14_FILE = (
    Path(__file__).parent / "dev" / "kb_dev14.yml"
)  # with --file: near-domain stories to decline, topics asked the way people ask
DEV15_FILE = (
    Path(__file__).parent / "dev" / "kb_dev15.yml"
)  # with --file: short phone questions over every entry family, short ones to decline
DEV16_FILE = (
    Path(__file__).parent / "dev" / "kb_dev16.yml"
)  # with --file: short questions and short stories over every entry family, declines
DEV17_FILE = (
    Path(__file__).parent / "dev" / "kb_dev17.yml"
)  # with --file: long stories with the request buried, two requests, near-domain stories
DEV18_FILE = (
    Path(__file__).parent / "dev" / "kb_dev18.yml"
)  # with --file: half short phone questions, half stories, two aspects back to back, declines
ALL_SETS = (
    ("long_dev", DEV_FILE),
    ("long_dev2", DEV2_FILE),
    ("long_dev3", DEV3_FILE),
    *((f"dev{n}", Path(__file__).parent / "dev" / f"kb_dev{n}.yml") for n in range(4, 19)),
)


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
    every: tuple[str, ...]  # the entries of all the message's answers (one per request)


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
        tuple(
            a.entry.entry_id
            for a in index.answers(case.q, case.region)
            if a.status == "answered" and a.entry
        ),
    )


def print_all(index: KnowledgeIndex) -> None:
    """One line per development set: precision/coverage/declines and the counts; a total."""
    print("set        precision/coverage/declines")
    total = Outcome(0, 0, 0, 0, 0, 0)
    for name, path in ALL_SETS:
        o = outcome(index, load_dev_cases(path))
        total = Outcome(*(a + b for a, b in zip(astuple(total), astuple(o), strict=True)))
        print(f"{name:<10} {_figures(o)}")
    print(f"{'total':<10} {_figures(total)}")


def _figures(o: Outcome) -> str:
    return (
        f"{o.precision:6.1%} / {o.coverage:6.1%} / {o.declined:6.1%}   right {o.answered_right}"
        f"/{o.answered} answered, of {o.with_content}; declined {o.declined_right}/{o.must_decline}"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--file", type=Path, default=DEV_FILE)
    parser.add_argument("--second", action="store_true", help=f"the set {DEV2_FILE.name}")
    parser.add_argument("--quiet", action="store_true", help="figures only, no misses")
    parser.add_argument("--all", action="store_true", help="every development set, one line each")
    args = parser.parse_args(argv)
    index = KnowledgeIndex.build(load_seed_documents())
    if args.all:
        print_all(index)
        return
    path = DEV2_FILE if args.second else args.file
    cases = load_dev_cases(path)
    print(f"== development set {path.name}: answered precision / coverage / declines")
    print_outcome("all", outcome(index, cases))
    print_outcome(f"<= {LONG} chars", outcome(index, [c for c in cases if len(c.q) <= LONG]))
    print_outcome(f"> {LONG} chars", outcome(index, [c for c in cases if len(c.q) > LONG]))
    seen = [see(index, c) for c in cases]
    inside = [s for s in seen if s.case.expected is not None]
    top1 = sum(s.case.right(s.top) for s in inside)
    declined = [s for s in inside if s.answered is None]
    offered = sum(any(s.case.right(o) for o in s.offered) for s in declined)
    print(f"top hit right {top1}/{len(inside)} ({top1 / max(len(inside), 1):.1%})")
    print(f"declined with the right entry suggested {offered}/{len(declined)}")
    double = [s for s in inside if s.case.also]
    if double:
        both = sum({s.case.expected, *s.case.also} <= set(s.every) for s in double)
        print(f"two requests: both answered right {both}/{len(double)}")
    if args.quiet:
        return
    print("-- misses: expected | top (confidence) | answered | suggested | message")
    for s in seen:
        if s.case.right(s.answered) or (s.answered is None and s.case.expected is None):
            continue
        print(
            f"{'/'.join(filter(None, (s.case.expected, *s.case.also)))} | {s.top} ({s.confidence:.2f}) | {s.answered} | "
            f"{','.join(s.offered)} | {s.case.q}"
        )


if __name__ == "__main__":
    main()
