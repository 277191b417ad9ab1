"""Confidence of a KB hit: features of one (query, entry) pair and a logistic calibration.

The features (all cheap, computed only for the few hits returned):
- `score`: the reranker's log-odds for the entry (nlu/kb_ranker.py), region penalty included;
- `margin`: its lead over the best *other* entry, ignoring twins — entries with the same items
  and aspect tags but disjoint regions, or sharing an item and a tag (a common-* entry and one
  per region on the same topic), and the entry's answer family (nlu/kb_families.py), which
  otherwise make every margin small; negative for an entry that is not first;
- `raw_margin`: its lead over the best other entry, twins included;
- `coverage`: the share of the query's information (token IDF; unknown words count too) that
  occurs in the entry (its questions and answer);
- `known`: the share of the query's information on words the knowledge base uses at all;
- `item` / `aspect`: +1 when the query names an item / aspect the entry has, -1 when it names
  only others (and the entry has some), 0 when the query names none;
- `uncovered`: the information (IDF, unknown words at the OOV share) of the query's weightiest
  word the entry does not contain, over the largest IDF. Read together with `coverage` and
  `known`: a paraphrase leaves filler uncovered, an uncovered topic word (养老保险, 公积金)
  shows the question is about something else;
- `share`: the entry's share of the candidates' probability mass (softmax of the reranker's
  log-odds, twins left out as for `margin`): how clearly it beats the rest, whatever the
  question's length;
- `words`: log(1 + the request's words) / 3. A long request (a story kept around the asking
  clause) leaves more words uncovered and scores lower for the same certainty: this lets the
  calibration, fitted on short and long realistic questions, read `score` and `coverage` per
  length.

The weights are a logistic regression fitted on the seed itself, never on the evaluation
files, after the reranker: `python -m nlu.calibrate_kb --write` holds out similar questions
(positives when they retrieve their own entry) and removes whole entries (their questions
must be declined), adds out-of-domain texts written for the purpose, and writes the
coefficients to nlu/data/kb_weights.yml (`confidence`), next to the reranker's.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

from nlu.kb_ranker import read_weights

FEATURES = (
    "score",
    "margin",
    "raw_margin",
    "coverage",
    "known",
    "item",
    "aspect",
    "uncovered",
    "share",
    "words",
)


@dataclass(frozen=True)
class Calibration:
    intercept: float
    weights: tuple[float, ...]  # in FEATURES order

    def probability(self, features: tuple[float, ...]) -> float:
        z = self.intercept + sum(w * x for w, x in zip(self.weights, features, strict=True))
        if z < -30:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))


@cache
def default_calibration() -> Calibration:
    """The calibration fitted by `python -m nlu.calibrate_kb --write` (nlu/data/kb_weights.yml);
    a feature the file does not weigh yet (added since the last --write) counts zero."""
    section = read_weights()["confidence"]
    weights = section["weights"]
    return Calibration(
        float(section["intercept"]), tuple(float(weights.get(f, 0.0)) for f in FEATURES)
    )


def agreement(wanted: frozenset[str], has: tuple[str, ...] | frozenset[str]) -> float:
    """+1: the query names one the entry has; -1: only others (entry has some); 0: no signal."""
    if not wanted or not has:
        return 0.0
    return 1.0 if wanted & set(has) else -1.0
