"""`python -m nlu.calibrate_kb [--write]`: fit the KB reranker and confidence on the seed.

Never on the evaluation (nlu/data/kb_eval, nlu/data/kb_citizen). Training data comes from the
seed entries (bot/kb/seed), nlu/data/kb_calibration.yml and the team's realistic questions
(nlu/data/kb_realistic.yml, short and long, searched on their request as nlu.kb_focus finds
it; asked in every fold; `python -m nlu.kb_crossval` cross-validates on them). In fold f, every entry's f-th similar
question is taken out of the index and asked (leave-one-out: an honest paraphrase), with
the entry's region as the user's (any region, or none, when the question names its region
itself or the entry is for `all`); a random share of entries is removed from the index too,
and their questions asked (the right answer is not there: decline).
1. Reranker (nlu/kb_ranker.py): for each held-out question whose entry is in the index, every
   first-stage candidate is a row of RANK_FEATURES, labelled 1 for the question's own entry;
   a logistic regression over them gives the ranker's weights.
2. Confidence (nlu/kb_confidence.py): with that ranker, the top hit of every question (and of
   the out-of-domain texts of kb_calibration.yml) is a row of FEATURES, labelled 1 when it is
   the right answer; a logistic regression, its intercept moved so that 0.5 declines
   `--decline` of the out-of-domain texts.
Prints both, and the figures on its own data; `--write` saves them to nlu/data/kb_weights.yml.
The folds and draws are seeded: the same seed content gives the same weights.
"""

from __future__ import annotations

import argparse
import random
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from guides.ids import RegionId
from guides.yamlio import read_yaml
from nlu.evaluate_kb import load_realistic_cases, load_seed_documents
from nlu.kb_confidence import FEATURES, Calibration
from nlu.kb_families import family_matrix, question_texts
from nlu.kb_ranker import RANK_FEATURES, WEIGHTS_FILE, Ranker
from nlu.lexicon import match_regions
from nlu.places import other_place
from nlu.retrieval import ALL, KbDocument, KnowledgeIndex, without_regions
from nlu.tokenize import normalize

OOD_FILE = Path(__file__).parent / "data" / "kb_calibration.yml"
REGIONS: list[str | None] = [None, *(r.value for r in RegionId)]


@dataclass(frozen=True)
class Query:
    text: str
    region: str | None
    expected: str | None  # None: its entry is not in the index (or out of domain)
    out_of_domain: bool = False
    also: tuple[str, ...] = ()  # a message asking two things: its other request's entry

    def answers(self, entry_id: str) -> bool:
        """Whether `entry_id` answers one of the message's requests."""
        return self.expected is not None and entry_id in (self.expected, *self.also)


def _ask(doc: KbDocument, text: str, taken: set[str], rng: random.Random) -> Query:
    """The question as a user would ask it: a regional entry's by a user of that region
    (half the time with the region's name cut from the text, so both ways are learnt); an
    `all` entry's with no region, or one whose own entry on the topic is not in the index
    (`taken`: the regions that have one)."""
    if ALL in doc.regions:
        free = [r for r in REGIONS[1:] if r not in taken]
        region = rng.choice(free) if free and rng.random() < 0.5 else None
        return Query(text, region, doc.entry_id)
    if match_regions(normalize(text)) and rng.random() < 0.5:
        text = without_regions(normalize(text))[0]
    return Query(text, doc.regions[0], doc.entry_id)


def _topic(doc: KbDocument) -> tuple[object, ...]:
    return (tuple(sorted(doc.items)), tuple(sorted(doc.tags)))


def folds(
    docs: list[KbDocument],
    n_folds: int,
    removed_share: float,
    seed: int,
    realistic: list[Query] | None = None,
) -> list[tuple[KnowledgeIndex, list[Query]]]:
    """One index and its held-out questions per fold (see the module docstring); `realistic`
    (default: all of kb_realistic.yml) is asked in every fold."""
    rng = random.Random(seed)
    ood = out_of_domain_texts()
    family = family_matrix(docs, question_texts(docs))
    out: list[tuple[KnowledgeIndex, list[Query]]] = []
    for fold in range(n_folds):
        removed = set(rng.sample(range(len(docs)), int(removed_share * len(docs))))
        twins: dict[tuple[object, ...], set[str]] = {}
        for i, doc in enumerate(docs):
            if i not in removed:
                twins.setdefault(_topic(doc), set()).update(doc.regions)
        kept: list[KbDocument] = []
        queries: list[Query] = []
        for i, doc in enumerate(docs):
            # The regions with their own entry on the topic: the seed's twins, and the general
            # entry's family (nlu/kb_families.py), whose region answers for it.
            taken = set(twins.get(_topic(doc), set()))
            for j in np.flatnonzero(family[i]):
                if int(j) not in removed:
                    taken.update(docs[int(j)].regions)
            if i in removed:
                text = rng.choice([doc.question, *doc.similar])
                queries.append(replace(_ask(doc, text, taken, rng), expected=None))
                continue
            similar = list(doc.similar)
            if fold < len(similar):
                queries.append(_ask(doc, similar.pop(fold), taken, rng))
            kept.append(replace(doc, similar=tuple(similar)))
        queries += [Query(q, rng.choice(REGIONS), None, True) for q in ood]
        queries += realistic_queries() if realistic is None else realistic
        out.append((KnowledgeIndex.build(kept), queries))
    return out


def realistic_queries() -> list[Query]:
    """The team's realistic questions (nlu/data/kb_realistic.yml), short and long, as asked."""
    return [
        Query(c.q, c.region, c.expected, c.expected is None, c.also) for c in load_realistic_cases()
    ]


def out_of_domain_texts(path: Path = OOD_FILE) -> list[str]:
    """Every text of kb_calibration.yml (`out_of_domain` and `near_domain`): all to decline."""
    data = read_yaml(path)
    return [str(q) for key in ("out_of_domain", "near_domain") for q in data.get(key) or []]


def _story(q: Query) -> str:
    """The whole message, read as the story around its request (as nlu.retrieval_answers)."""
    return normalize(q.text).strip()


def confidence_request(index: KnowledgeIndex, q: Query) -> tuple[str, str | None] | None:
    """The request the confidence is read on, as `KnowledgeIndex.top` reads it: the message's
    first request about no other place. None when every request is about another place: the
    service declines those as such (nlu.places) before any confidence, so they teach the
    calibration nothing, and counted among the out-of-domain texts they would set its bar."""
    for text, region in index.focused(q.text, q.region):
        if other_place(text) is None:
            return text, region
    return None


def fit_ranker(data: list[tuple[KnowledgeIndex, list[Query]]], c: float) -> Ranker:
    rows: list[np.ndarray] = []
    labels: list[np.ndarray] = []
    for index, queries in data:
        for q in queries:
            if q.expected is None:
                continue
            cands, x, _, _ = index.candidates(*index.focused(q.text, q.region)[0], _story(q))
            rows.append(x)
            labels.append(np.asarray([q.answers(index.docs[int(i)].entry_id) for i in cands]))
    x_all, y_all = np.vstack(rows), np.concatenate(labels).astype(int)
    model = LogisticRegression(C=c, max_iter=5000).fit(x_all, y_all)
    print(f"ranker rows: {len(y_all)} candidates of {len(rows)} questions ({y_all.sum()} right)")
    return Ranker(float(model.intercept_[0]), tuple(float(w) for w in model.coef_[0]))


def fit_confidence(
    data: list[tuple[KnowledgeIndex, list[Query]]], ranker: Ranker, c: float, decline: float
) -> Calibration:
    rows: list[tuple[float, ...]] = []
    right: list[bool] = []
    outside: list[bool] = []
    top1 = asked = 0
    for index, queries in data:
        index.config = replace(index.config, ranker=ranker)
        for q in queries:
            request = confidence_request(index, q)
            if request is None:
                continue
            ranked, cands, info = index.ranked(*request, _story(q))
            if cands.size == 0:
                continue
            best = int(cands[np.argmax(ranked[cands])])
            rows.append(index.features(best, ranked, info))
            right.append(q.answers(index.docs[best].entry_id))
            outside.append(q.out_of_domain)
            asked += q.expected is not None
            top1 += right[-1]
    x, y, ood = np.asarray(rows), np.asarray(right, dtype=int), np.asarray(outside)
    model = LogisticRegression(C=c, max_iter=5000).fit(x, y)
    # Move the intercept so that 0.5 declines `decline` of the out-of-domain texts: held-out
    # similar questions are a harder task than real traffic, so the fitted base rate is not
    # the one to answer by.
    z = model.decision_function(x)
    cut = float(np.quantile(z[ood], decline))
    answered = z - cut >= 0
    print(f"held-out similar questions: top-1 {top1 / max(asked, 1):6.1%} of {asked}")
    print(
        f"confidence at 0.5: right top-1 answered {np.mean(answered[y == 1]):6.1%}, "
        f"wrong top-1 declined {np.mean(~answered[(y == 0) & ~ood]):6.1%}, "
        f"out-of-domain declined {np.mean(~answered[ood]):6.1%}"
    )
    weights = tuple(float(w) for w in model.coef_[0])
    return Calibration(float(model.intercept_[0]) - cut, weights)


def weights_yaml(ranker: Ranker, calibration: Calibration, args: argparse.Namespace) -> str:
    def mapping(names: tuple[str, ...], values: tuple[float, ...]) -> str:
        return "\n".join(f"    {n}: {v:.4f}" for n, v in zip(names, values, strict=True))

    return (
        "# Written by `python -m nlu.calibrate_kb --write` from the seed (bot/kb/seed),\n"
        "# nlu/data/kb_calibration.yml and nlu/data/kb_realistic.yml; never from the\n"
        "# evaluation sets (nlu/data/kb_eval, nlu/data/kb_citizen). Do not edit by hand.\n"
        f"# folds={args.folds} removed_share={args.removed_share} seed={args.seed} "
        f"C={args.C} decline={args.decline}\n"
        f"ranker:  # nlu/kb_ranker.py\n  intercept: {ranker.intercept:.4f}\n  weights:\n"
        f"{mapping(RANK_FEATURES, ranker.weights)}\n"
        f"confidence:  # nlu/kb_confidence.py\n  intercept: {calibration.intercept:.4f}\n"
        f"  weights:\n{mapping(FEATURES, calibration.weights)}\n"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--folds", type=int, default=6)
    parser.add_argument("--removed-share", type=float, default=0.15)
    parser.add_argument("--seed", type=int, default=20240601)
    parser.add_argument("--C", type=float, default=3.0)  # 3 over 0.3 in nlu.kb_crossval
    parser.add_argument("--decline", type=float, default=0.95)
    parser.add_argument("--write", action="store_true", help=f"save to {WEIGHTS_FILE.name}")
    args = parser.parse_args(argv)
    docs = load_seed_documents()
    data = folds(docs, args.folds, args.removed_share, args.seed)
    ranker = fit_ranker(data, args.C)
    calibration = fit_confidence(data, ranker, args.C, args.decline)
    text = weights_yaml(ranker, calibration, args)
    print(text, end="")
    if args.write:
        WEIGHTS_FILE.write_text(text, encoding="utf-8")
        print(f"written: {WEIGHTS_FILE}")


if __name__ == "__main__":
    main()
