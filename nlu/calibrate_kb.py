"""`python -m nlu.calibrate_kb`: fit the KB confidence on the seed, never on the evaluation.

Training pairs come from the seed entries (bot/kb/seed) and nlu/data/kb_calibration.yml only:
- in each of a few folds, one similar question per entry is held out of the index and asked
  (with the entry's region, or a random one for `all` entries); each of the first hits is a
  positive when it is the question's own entry and a negative otherwise;
- in each fold a random share of entries is removed from the index entirely; their questions
  are asked too, and every hit is a negative (the right answer is not there: decline);
- the out-of-domain texts of kb_calibration.yml, asked with random regions: negatives.
A logistic regression over nlu.kb_confidence.FEATURES is fitted and its coefficients printed,
ready to paste into DEFAULT_CALIBRATION; then the decline rates it gives on its own data.
"""

from __future__ import annotations

import argparse
import random
from dataclasses import replace
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from guides.ids import RegionId
from guides.yamlio import read_yaml
from nlu.evaluate_kb import load_seed_documents
from nlu.kb_confidence import FEATURES
from nlu.retrieval import ALL, KbDocument, KnowledgeIndex

OOD_FILE = Path(__file__).parent / "data" / "kb_calibration.yml"
REGIONS: list[str | None] = [None, *(r.value for r in RegionId)]


def _region(doc: KbDocument, rng: random.Random) -> str | None:
    if ALL not in doc.regions:
        return doc.regions[0]
    return None if rng.random() < 0.5 else rng.choice(REGIONS)


def training_rows(
    docs: list[KbDocument], folds: int, removed_share: float, hits: int, seed: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Feature rows, labels (1 = the hit is the right answer), top-1 and out-of-domain flags."""
    rng = random.Random(seed)
    ood = [str(q) for q in read_yaml(OOD_FILE)["out_of_domain"]]
    rows: list[tuple[float, ...]] = []
    labels: list[int] = []
    first: list[bool] = []
    outside: list[bool] = []
    for fold in range(folds):
        removed = set(rng.sample(range(len(docs)), int(removed_share * len(docs))))
        kept: list[KbDocument] = []
        queries: list[tuple[str, str | None, str | None]] = []
        for i, doc in enumerate(docs):
            if i in removed:
                texts = [doc.question, *doc.similar]
                queries.append((rng.choice(texts), _region(doc, rng), None))
                continue
            similar = list(doc.similar)
            if fold < len(similar):
                asked = similar.pop(fold)
                queries.append((asked, _region(doc, rng), doc.entry_id))
            kept.append(replace(doc, similar=tuple(similar)))
        n_seed = len(queries)
        queries += [(q, rng.choice(REGIONS), None) for q in ood]
        index = KnowledgeIndex.build(kept)
        for n, (question, region, expected) in enumerate(queries):
            fused, cosine, info = index._scores(question, region)
            order = np.argsort(-fused, kind="stable")[:hits]
            for rank, i in enumerate(order):
                rows.append(index.features(int(i), fused, cosine, info))
                labels.append(int(index.docs[int(i)].entry_id == expected))
                first.append(rank == 0)
                outside.append(n >= n_seed)
    return np.asarray(rows), np.asarray(labels), np.asarray(first), np.asarray(outside)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--folds", type=int, default=3)
    parser.add_argument("--removed-share", type=float, default=0.15)
    parser.add_argument("--hits", type=int, default=1)
    parser.add_argument("--seed", type=int, default=20240601)
    parser.add_argument("--C", type=float, default=1.0)
    parser.add_argument("--decline", type=float, default=0.98)
    args = parser.parse_args(argv)
    docs = load_seed_documents()
    x, y, first, outside = training_rows(docs, args.folds, args.removed_share, args.hits, args.seed)
    model = LogisticRegression(C=args.C, max_iter=2000)
    model.fit(x, y)
    # Shift the intercept so that the 0.5 threshold declines `--decline` of the out-of-domain
    # texts: the held-out similar questions are a harder task than real traffic, so the
    # fitted base rate is not the one to answer by.
    z = model.decision_function(x)
    cut = float(np.quantile(z[first & outside], args.decline))
    intercept = float(model.intercept_[0]) - cut
    weights = ", ".join(f"{w:.3f}" for w in model.coef_[0])
    print(f"rows: {len(y)} ({int(y.sum())} right answers), features: {', '.join(FEATURES)}")
    print(f"Calibration(intercept={intercept:.3f}, weights=({weights}))")
    answered = z - cut >= 0
    print(
        f"at 0.5: right top-1 answered {np.mean(answered[first & (y == 1)]):6.1%}, "
        f"wrong top-1 declined {np.mean(~answered[first & (y == 0)]):6.1%}, "
        f"out-of-domain declined {np.mean(~answered[first & outside]):6.1%}"
    )


if __name__ == "__main__":
    main()
