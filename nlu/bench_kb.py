"""`python -m nlu.bench_kb`: index build time and per-query latency on a 2,000-entry KB.

The KB is the seed entries (bot/kb/seed/*.yml) plus generated variants: each seed entry is
copied, re-scoped to a synthetic region and given recombined questions (its similar
questions rotated, with a synthetic place name in front), until there are `--entries` docs.
Queries are the seed's own questions and a few out-of-scope ones, asked with regions.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import time

from nlu.evaluate_kb import load_seed_documents
from nlu.retrieval import KbDocument, KnowledgeIndex

REGIONS = [None, "gansu", "ningxia", "shanxi", "jinan-licheng"]
OUT_OF_SCOPE = [
    "今天天气怎么样",
    "护照过期了怎么换",
    "社保卡丢了怎么补办",
    "你是谁",
    "附近有什么好吃的",
]


def synthetic_kb(seed: list[KbDocument], size: int, rng: random.Random) -> list[KbDocument]:
    docs = list(seed)
    n = 0
    while len(docs) < size:
        base = seed[n % len(seed)]
        n += 1
        place = f"示例{n % 97}区"
        questions = [base.question, *base.similar]
        rng.shuffle(questions)
        docs.append(
            KbDocument(
                entry_id=f"{base.entry_id}-v{n}",
                question=f"{place}{questions[0]}",
                similar=tuple(f"{place}{q}" for q in questions[1:]),
                answer=base.answer,
                regions=(f"synthetic-{n % 97}",),
                items=base.items,
                tags=base.tags,
            )
        )
    return docs


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--entries", type=int, default=2000)
    parser.add_argument("--queries", type=int, default=3000)
    args = parser.parse_args(argv)
    rng = random.Random(12345)
    seed = load_seed_documents()
    docs = synthetic_kb(seed, args.entries, rng)

    KnowledgeIndex.build(seed[:5]).search("低保")  # load jieba, lexicon, synonyms once
    started = time.perf_counter()
    index = KnowledgeIndex.build(docs)
    build_seconds = time.perf_counter() - started

    pool = [q for d in seed for q in (d.question, *d.similar)] + OUT_OF_SCOPE
    queries = [(rng.choice(pool), rng.choice(REGIONS)) for _ in range(args.queries)]
    for q, r in queries[:50]:  # warm-up
        index.answer(q, r)
    latencies: list[float] = []
    cpu: list[float] = []
    for q, r in queries:
        t0, c0 = time.perf_counter_ns(), time.thread_time_ns()
        index.answer(q, r)
        latencies.append((time.perf_counter_ns() - t0) / 1e6)
        cpu.append((time.thread_time_ns() - c0) / 1e6)
    latencies.sort()
    cpu.sort()
    p99 = latencies[int(0.99 * (len(latencies) - 1))]
    n_questions = sum(1 + len(d.similar) for d in docs)
    print(f"entries: {len(docs)} ({len(seed)} seed + generated), question texts: {n_questions}")
    print(f"index build: {build_seconds:.2f} s")
    print(
        f"answer() latency over {len(latencies)} queries: p50 {statistics.median(latencies):.2f} ms, "
        f"p99 {p99:.2f} ms, max {latencies[-1]:.2f} ms"
    )
    cpu_p99 = cpu[int(0.99 * (len(cpu) - 1))]
    load = os.getloadavg()[0]
    print(
        f"answer() CPU time (this thread): p50 {statistics.median(cpu):.2f} ms, "
        f"p99 {cpu_p99:.2f} ms  (1-min load average {load:.1f} on {os.cpu_count()} CPUs; "
        "a wall-clock tail above the CPU time is waiting for a CPU)"
    )


if __name__ == "__main__":
    main()
