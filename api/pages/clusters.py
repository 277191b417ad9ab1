"""Group similar unanswered questions: character n-gram TF-IDF, cosine similarity, greedy
single-pass clustering (a question joins the first group whose seed it resembles enough).

Groups are ordered newest first (by the latest time any of their questions was asked), and
inside a group questions are ordered by how often they were asked.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from bot.kb.unanswered import UnansweredQuestion

THRESHOLD = 0.35


def ngrams(text: str, sizes: tuple[int, ...] = (1, 2, 3)) -> Counter[str]:
    chars = "".join(ch for ch in text.lower() if ch.isalnum() or ch in "[]")
    grams: Counter[str] = Counter()
    for n in sizes:
        grams.update(chars[i : i + n] for i in range(max(len(chars) - n + 1, 0)))
    return grams


def _vectors(texts: Sequence[str]) -> list[dict[str, float]]:
    counts = [ngrams(t) for t in texts]
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())
    n = len(texts)
    vectors = []
    for c in counts:
        v = {g: tf * (math.log((1 + n) / (1 + df[g])) + 1) for g, tf in c.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vectors.append({g: x / norm for g, x in v.items()})
    return vectors


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(g, 0.0) for g, x in a.items())


@dataclass(frozen=True)
class QuestionGroup:
    questions: list[UnansweredQuestion]

    @property
    def lead(self) -> UnansweredQuestion:
        return self.questions[0]

    @property
    def times_asked(self) -> int:
        return sum(q.times_asked for q in self.questions)

    @property
    def newest(self) -> float:
        return max(q.last_asked_at.timestamp() for q in self.questions)


def group_questions(
    questions: Sequence[UnansweredQuestion], threshold: float = THRESHOLD
) -> list[QuestionGroup]:
    ordered = sorted(questions, key=lambda q: (-q.times_asked, q.id))
    vectors = _vectors([q.text for q in ordered])
    groups: list[list[int]] = []
    for i, vector in enumerate(vectors):
        for members in groups:
            if cosine(vectors[members[0]], vector) >= threshold:
                members.append(i)
                break
        else:
            groups.append([i])
    result = [QuestionGroup([ordered[i] for i in members]) for members in groups]
    return sorted(result, key=lambda g: -g.newest)
