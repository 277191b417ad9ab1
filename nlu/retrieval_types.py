"""Data of KB retrieval: documents, hits, answers, the configuration and an analysed query."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from nlu.kb_confidence import Calibration, default_calibration
from nlu.kb_ranker import Ranker, default_ranker

ALL = "all"
UNCERTAIN_MESSAGE = "这个问题我还不太确定。您是不是想问下面这些？"


@dataclass(frozen=True)
class KbDocument:
    entry_id: str
    question: str
    similar: tuple[str, ...] = ()
    answer: str = ""
    regions: tuple[str, ...] = (ALL,)
    items: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Hit:
    entry_id: str
    question: str  # the entry's standard question, for suggestions
    score: float
    confidence: float
    in_region: bool  # the entry covers the effective region (or `all`)


@dataclass(frozen=True)
class Answer:
    status: Literal["answered", "uncertain"]
    entry: KbDocument | None
    confidence: float
    suggestions: tuple[Hit, ...] = ()
    region: str | None = None  # the effective region (named in the query, else the user's)
    message: str | None = None


ITEM_ELSEWHERE = 10  # feature column: the entry names items, none of the question's


@dataclass(frozen=True)
class RetrievalConfig:
    # first stage: candidates by BM25 + char n-gram cosine, the reranker orders them
    w_bm25_q: float = 0.2
    w_bm25_a: float = 0.2
    w_bm25_e: float = 0.2
    w_cosine: float = 0.45
    candidates: int = 20  # from the effective region and `all` (every entry when none known)
    fallback_candidates: int = 4  # from other regions, kept as a fallback
    other_region_penalty: float = 4.0  # log-odds taken from another region's entry …
    fallback_below: float = 0.1  # … unless no entry of the region (or `all`) reaches this
    # A question that names an item (低保) is not about an entry of only other items (刚性支出):
    # rare shared wording ("要满足什么条件") must not outweigh that.
    other_item_penalty: float = 4.5
    # A question about a neighbouring programme (医保, 养老保险 … nlu/kb_programmes.py) and no
    # item of ours: an entry that never mentions the programme keeps this share of its
    # confidence (a suggestion at most, never an answer at the usual thresholds).
    other_programme_factor: float = 0.5
    # A long message's request and the whole message both put one entry first, each at least
    # this confident: the entry's confidence is the two combined (nlu/retrieval_answers.py).
    agreement_floor: float = 0.3
    oov_idf_share: float = 0.6
    family_cosine: float = 0.25  # nlu/kb_families.py: a general entry and its regional variant
    family_cosine_any_tag: float = 0.45  # … tagged differently but near-duplicates all the same
    ranker: Ranker = field(default_factory=default_ranker)  # nlu/kb_ranker.py
    calibration: Calibration = field(default_factory=default_calibration)  # kb_confidence.py
    threshold: float = 0.55  # config kb.confidence_threshold; nlu/data/kb_curve.txt
    suggestion_floor: float = 0.25  # of a hit's family share (Hit.score)
    bm25_k1: float = 1.2
    bm25_b: float = 0.75


@dataclass(frozen=True)
class Analysed:
    tokens: list[str]
    text: str  # normalised and canonicalised
    items: frozenset[str]
    aspects: frozenset[str]
    region: str | None
