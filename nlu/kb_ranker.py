"""The learned KB reranker: a linear model over features of (query, candidate entry) pairs.

The first stage (nlu/retrieval.py) keeps the best ~20 entries by BM25 + char n-gram cosine;
each candidate then gets the features below and the score `intercept + weights · features`
(a log-odds that the candidate is the entry the question asks for):
- `bm25_q`, `bm25_a`, `bm25_e`: BM25 of the query on the entry's question texts (maximum over
  standard + similar), on its answer, and on all its questions joined; each divided by the
  query's own information (sum of token IDF), capped at 1.2;
- `cos_q`, `cos_a`: char 1-3-gram TF-IDF cosine with the question texts (maximum) and with the
  answer; `cos_gap`, `bm25_gap`: `cos_q` / `bm25_q` minus the best among the candidates;
- `coverage`, `coverage_q`: the share of the query's information (token IDF) found in the
  entry's words (questions and answer), and in its question texts alone;
- `item_hit` / `item_miss`: the query names an item (nlu.lexicon) the entry has / only others;
- `aspect_hit` / `aspect_miss`: the same for aspects (材料, 时限 … from nlu/data/synonyms.yml);
- `region_same`: the entry lists the effective region (named in the question, else the
  user's); `region_named`: … and the question named it; `region_other`: a region is known and
  the entry is another region's only; `region_unknown`: no region known, the entry is regional
  (`all` entries are the baseline);
- `length`: log(1 + answer tokens) / 5;
- `story`: for a request cut from a longer message (nlu.kb_focus), the share of the rest of the
  message's information (its known words: 住院, 上学, 失业 …) that the entry uses; 0 otherwise;
- `item_general`: the entry's standard question names none of its items ("山西社会救助一件事要
  准备哪些材料？", about social assistance as a whole) while another candidate's names the
  item the query names, on the query's aspect: for "申请低保要带什么", the 低保 entry is more
  to the point than the general one; for "办低保收费吗" (no 低保 fee entry) nothing changes.

On top of the learned weights, entries of another region lose `other_region_penalty` (config)
so that they almost never beat an entry of the right region or `all`: they stay only as a
fallback when nothing in the region matches.

Weights and the confidence calibration are data, nlu/data/kb_weights.yml, written by
`python -m nlu.calibrate_kb --write` from the seed alone (never from nlu/data/kb_eval).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from guides.yamlio import read_yaml

WEIGHTS_FILE = Path(__file__).parent / "data" / "kb_weights.yml"

RANK_FEATURES = (
    "bm25_q",
    "bm25_a",
    "bm25_e",
    "cos_q",
    "cos_a",
    "cos_gap",
    "bm25_gap",
    "coverage",
    "coverage_q",
    "item_hit",
    "item_miss",
    "aspect_hit",
    "aspect_miss",
    "region_same",
    "region_named",
    "region_other",
    "region_unknown",
    "length",
    "story",
    "item_general",
)
STORY = RANK_FEATURES.index("story")
ITEM_GENERAL = RANK_FEATURES.index("item_general")


@dataclass(frozen=True)
class Ranker:
    intercept: float
    weights: tuple[float, ...]  # in RANK_FEATURES order

    def __post_init__(self) -> None:
        if len(self.weights) != len(RANK_FEATURES):
            raise ValueError(f"ranker needs {len(RANK_FEATURES)} weights")

    def logits(self, features: np.ndarray) -> np.ndarray:
        """Log-odds for each row of a (candidates x RANK_FEATURES) matrix."""
        return np.asarray(features @ np.asarray(self.weights) + self.intercept)


def read_weights(path: Path = WEIGHTS_FILE) -> dict[str, Any]:
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping")
    return data


@cache
def default_ranker() -> Ranker:
    section = read_weights()["ranker"]
    weights = section["weights"]
    # A feature the file does not weigh yet (added since the last --write) counts zero.
    return Ranker(
        float(section["intercept"]), tuple(float(weights.get(f, 0.0)) for f in RANK_FEATURES)
    )
