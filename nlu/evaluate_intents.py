"""Evaluate the intent classifier: train on nlu.yml, test on nlu_heldout.yml.

    python -m nlu.evaluate_intents [--model logreg|svc] [--heldout nlu/eval/intents_realistic.yml]

Prints intent accuracy, macro-F1, a per-intent table, the most frequent confusions, entity
precision/recall/F1 (annotations in the held-out file vs nlu.entities.extract_entities, matched
on type and normalised value), 5-fold cross-validation accuracy on nlu.yml, training time and
p50/p99 latency of a single predict over the held-out set.
"""

from __future__ import annotations

import argparse
import importlib
import time
from collections import Counter
from collections.abc import Callable, Sequence
from enum import Enum
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.metrics import f1_score, precision_recall_fscore_support

from nlu.intents import (
    HELDOUT_FILE,
    SERVICE_MODEL,
    TRAIN_FILE,
    Example,
    IntentClassifier,
    load_examples,
)


def normalise_value(value: Any) -> str:
    """One comparable string for an entity value: numbers without '.0', booleans lowercased."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Enum):
        value = value.value
    elif not isinstance(value, str | int | float) and hasattr(value, "value"):
        return normalise_value(value.value)  # e.g. nlu.numbers.Amount
    if isinstance(value, int | float) or (
        isinstance(value, str) and value.replace(".", "", 1).isdigit()
    ):
        number = float(value)
        return str(int(number)) if number.is_integer() else f"{number:g}"
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value).strip().lower()


def _extractor() -> Callable[[str], Sequence[Any]] | None:
    try:
        module = importlib.import_module("nlu.entities")
    except ImportError:
        return None
    fn: Callable[[str], Sequence[Any]] = module.extract_entities
    return fn


def entity_scores(
    examples: Sequence[Example], extract: Callable[[str], Sequence[Any]]
) -> dict[str, tuple[int, int, int]]:
    """Per entity type (and 'all'): (true positives, predicted, gold)."""
    counts: dict[str, list[int]] = {}
    gold_types = {ent.type for e in examples for ent in e.entities}
    for example in examples:
        gold = Counter((ent.type, normalise_value(ent.value)) for ent in example.entities)
        found = Counter(
            (ent.type, normalise_value(ent.value))
            for ent in extract(example.text)
            if ent.type in gold_types
        )
        for key in ("all", *{t for t, _ in gold | found}):
            row = counts.setdefault(key, [0, 0, 0])
            g = gold if key == "all" else Counter({k: v for k, v in gold.items() if k[0] == key})
            f = found if key == "all" else Counter({k: v for k, v in found.items() if k[0] == key})
            row[0] += sum((g & f).values())
            row[1] += sum(f.values())
            row[2] += sum(g.values())
    return {k: (v[0], v[1], v[2]) for k, v in counts.items()}


def _prf(tp: int, predicted: int, gold: int) -> tuple[float, float, float]:
    p = tp / predicted if predicted else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _latency_ms(predict: Callable[[str], object], texts: Sequence[str]) -> tuple[float, float]:
    for text in texts[:20]:  # warm-up: tokenizer dictionaries, lazy imports
        predict(text)
    times = []
    for _ in range(5):
        for text in texts:
            started = time.perf_counter()
            predict(text)
            times.append((time.perf_counter() - started) * 1000)
    return float(np.percentile(times, 50)), float(np.percentile(times, 99))


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--model", choices=["logreg", "svc"], default=None)
    parser.add_argument(
        "--heldout", type=Path, default=HELDOUT_FILE, help="e.g. nlu/eval/intents_realistic.yml"
    )
    args = parser.parse_args(argv)

    train, heldout = load_examples(TRAIN_FILE), load_examples(args.heldout)
    clf = IntentClassifier()
    started = time.perf_counter()
    clf.train(train, model=args.model)
    seconds = time.perf_counter() - started
    if args.model is None:  # train() ran the 5-fold cross-validation to choose
        cv = clf.cv_scores
    else:
        cv = {args.model: IntentClassifier().train(train).cv_scores[args.model]}

    truth = [e.intent for e in heldout]
    predicted = [clf.predict_intent(e.text) for e in heldout]
    labels = sorted(set(truth) | set(predicted))
    accuracy = float(np.mean([t == p for t, p in zip(truth, predicted, strict=True)]))
    macro = float(f1_score(truth, predicted, labels=labels, average="macro", zero_division=0))
    prec, rec, f1, support = precision_recall_fscore_support(
        truth, predicted, labels=labels, zero_division=0
    )

    print(f"train examples: {len(train)}   held-out examples: {len(heldout)}")
    print(f"model: {clf.model_name}   training time (incl. model choice): {seconds:.2f}s")
    print("5-fold CV accuracy on nlu.yml: " + ", ".join(f"{k} {v:.3f}" for k, v in cv.items()))
    if args.model is None and clf.model_name != SERVICE_MODEL:
        print(
            f"note: the service trains {SERVICE_MODEL} (nlu.intents.SERVICE_MODEL); CV prefers it less"
        )
    print(f"held-out intent accuracy: {accuracy:.3f}   macro-F1: {macro:.3f}")
    print(f"\n{'intent':<20}{'prec':>7}{'recall':>8}{'f1':>7}{'n':>5}")
    for i, label in enumerate(labels):
        print(f"{label:<20}{prec[i]:>7.2f}{rec[i]:>8.2f}{f1[i]:>7.2f}{support[i]:>5}")

    confusions = Counter((t, p) for t, p in zip(truth, predicted, strict=True) if t != p)
    print("\nconfusions (true -> predicted: n):")
    for (t, p), n in confusions.most_common(15):
        print(f"  {t} -> {p}: {n}")

    extract = _extractor()
    if extract is None:
        print("\nentities: nlu.entities is not available; entity scores skipped")
    else:
        print(f"\n{'entity':<14}{'prec':>7}{'recall':>8}{'f1':>7}{'gold':>6}")
        scores = entity_scores(heldout, extract)
        for key in ["all", *sorted(k for k in scores if k != "all")]:
            tp, npred, ngold = scores[key]
            ep, er, ef = _prf(tp, npred, ngold)
            print(f"{key:<14}{ep:>7.2f}{er:>8.2f}{ef:>7.2f}{ngold:>6}")

    texts = [e.text for e in heldout]
    p50, p99 = _latency_ms(clf.predict_intent, texts)
    print(f"\npredict latency, intent only: p50 {p50:.3f} ms, p99 {p99:.3f} ms")
    p50, p99 = _latency_ms(clf.predict, texts)
    print(f"predict latency, intent + entities (Parse): p50 {p50:.3f} ms, p99 {p99:.3f} ms")


if __name__ == "__main__":
    main()
