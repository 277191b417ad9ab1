"""Knowledge-base retrieval: BM25 + char n-gram TF-IDF + item/aspect match, region-aware.

Pure (plain dataclass documents, no SQL): `KnowledgeIndex.build(docs)`, then
`search(query, region, k)` / `answer(query, region)`, about a millisecond each.

Scoring, per entry (all vectorised over entries; no per-query Python loop over documents):
- `bm25_q`: BM25 (bm25s) over every question text (standard + similar, one document each),
  maximum per entry, divided by the query's own information (sum of token IDF; unknown
  words count with `oov_idf_share` of the largest IDF) so it reads as "share of the
  question explained" and is comparable across queries;
- `bm25_a`, `bm25_e`: the same over the answer, and over all questions of an entry joined;
- `cosine`: char 1-3-gram TF-IDF cosine between the query and each question text, maximum;
- item / aspect bonus: the query names an item (nlu.lexicon) or asks about an aspect
  (材料, 时限, 渠道 … from nlu/data/synonyms.yml) the entry has; a penalty when it has others;
- region (named in the query, else the user's; region names are cut from the text): its
  entries keep their score, `all` entries x0.85, other regions' x0.4 (demoted, not hidden);
  no region known: region entries x0.85. Synonyms first (低保金 -> 低保, 要带什么 -> 材料).

Confidence: a logistic calibration (nlu/kb_confidence.py) of features of each hit — its
score, its margin over the best entry that is not a regional twin, query coverage, item and
aspect agreement — fitted on the seed's own similar questions by `python -m nlu.calibrate_kb`
(never on nlu/data/kb_eval, which `python -m nlu.evaluate_kb` reports on). Hits come in score
order and a lower hit never reads as more certain than one above it. Below `threshold`
(config kb.confidence_threshold) the answer is uncertain, with up to 3 suggestions.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Literal

import bm25s
import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from nlu.kb_confidence import DEFAULT_CALIBRATION, Calibration, agreement
from nlu.lexicon import find_items, match_regions
from nlu.synonyms import SynonymTable, table
from nlu.tokenize import char_ngrams, normalize, tokenize

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


@dataclass(frozen=True)
class RetrievalConfig:
    w_bm25_q: float = 0.2
    w_bm25_a: float = 0.2
    w_bm25_e: float = 0.2
    w_cosine: float = 0.45
    item_bonus: float = 0.10
    item_penalty: float = 0.15
    aspect_bonus: float = 0.08
    aspect_penalty: float = 0.08
    other_region_factor: float = 0.4  # entries of another region: demoted, not hidden
    all_with_region_factor: float = 0.85  # region known: its own entry beats the `all` one
    specific_region_factor: float = 0.85  # no region known: the `all` entry beats a region's
    oov_idf_share: float = 0.6
    calibration: Calibration = DEFAULT_CALIBRATION  # nlu/kb_confidence.py
    threshold: float = 0.5
    suggestion_floor: float = 0.15
    bm25_k1: float = 1.2
    bm25_b: float = 0.75


@dataclass(frozen=True)
class Analysed:
    tokens: list[str]
    text: str  # normalised and canonicalised
    items: frozenset[str]
    aspects: frozenset[str]
    region: str | None


def without_regions(text: str) -> tuple[str, str | None]:
    """The text with region names cut out (the region weighting handles them), and the first."""
    found = match_regions(text)
    if not found:
        return text, None
    parts, last = [], 0
    for m in found:
        parts.append(text[last : m.start])
        last = m.end
    parts.append(text[last:])
    return " ".join(parts), found[0].id


def analyse(query: str, synonyms: SynonymTable | None = None) -> Analysed:
    syn = synonyms or table()
    norm = normalize(query)
    bare, region = without_regions(norm)
    canon = syn.canonicalize_text(bare)
    tokens = [t for t in syn.canonical_tokens(tokenize(canon)) if t not in syn.stopwords]
    return Analysed(
        tokens=tokens,
        text=canon,
        items=frozenset(i.value for i in (*find_items(norm), *find_items(canon))),
        aspects=frozenset(syn.aspects(tokens)),
        region=region,
    )


def _bm25(corpus: list[list[str]], cfg: RetrievalConfig) -> bm25s.BM25:
    model = bm25s.BM25(k1=cfg.bm25_k1, b=cfg.bm25_b)
    model.index([toks or ["<empty>"] for toks in corpus], show_progress=False)
    return model


def _bm25_scores(model: bm25s.BM25, tokens: list[str], size: int) -> np.ndarray:
    ids = model.get_tokens_ids(tokens)
    if not ids:
        return np.zeros(size, dtype=np.float32)
    return np.asarray(model.get_scores_from_ids(ids), dtype=np.float32)


def _char_analyzer(text: str) -> list[str]:
    return char_ngrams(text, 1, 3)


@dataclass
class KnowledgeIndex:
    """An immutable search index over KB documents; rebuild it to change the content."""

    docs: list[KbDocument]
    config: RetrievalConfig = field(default_factory=RetrievalConfig)
    synonyms: SynonymTable = field(default_factory=table)

    def __post_init__(self) -> None:
        cfg = self.config
        q_texts: list[str] = []
        owner: list[int] = []
        for i, doc in enumerate(self.docs):
            for text in (doc.question, *doc.similar):
                q_texts.append(self._canonical(text))
                owner.append(i)
        self._n = len(self.docs)
        self._owner = np.asarray(owner, dtype=np.int64)
        self._starts = np.flatnonzero(np.r_[True, self._owner[1:] != self._owner[:-1]])
        q_tokens = [self._tokens(t) for t in q_texts]
        a_tokens = [self._tokens(self._canonical(d.answer)) for d in self.docs]
        self._bm25_q = _bm25(q_tokens, cfg) if self.docs else None
        self._bm25_a = _bm25(a_tokens, cfg) if self.docs else None
        e_tokens: list[list[str]] = [[] for _ in self.docs]
        for i, toks in zip(owner, q_tokens, strict=True):
            e_tokens[i].extend(toks)
        self._bm25_e = _bm25(e_tokens, cfg) if self.docs else None
        self._idf = self._idf_table(q_tokens)
        self._max_idf = max(self._idf.values(), default=1.0)
        self._tfidf = TfidfVectorizer(analyzer=_char_analyzer, sublinear_tf=True)
        self._q_matrix = (
            self._tfidf.fit_transform(q_texts).T.tocsr() if q_texts else sparse.csr_matrix((0, 0))
        )
        self._vocabulary: dict[str, int] = getattr(self._tfidf, "vocabulary_", {})
        self._ngram_idf = np.asarray(getattr(self._tfidf, "idf_", np.zeros(0)))
        self._items = self._flags([d.items for d in self.docs])
        self._entry_aspect_names = [self._entry_aspects(d) for d in self.docs]
        self._aspects = self._flags(self._entry_aspect_names)
        groups: dict[tuple[tuple[str, ...], tuple[str, ...]], int] = {}
        self._group = np.asarray(
            [
                groups.setdefault((tuple(sorted(d.items)), tuple(sorted(d.tags))), len(groups))
                for d in self.docs
            ],
            dtype=np.int64,
        )
        self._words = [frozenset(q + a) for q, a in zip(e_tokens, a_tokens, strict=True)]
        self._regions = self._flags([d.regions for d in self.docs])
        self._covers_all = np.asarray([ALL in d.regions for d in self.docs], dtype=bool)
        self._by_id = {d.entry_id: d for d in self.docs}

    @classmethod
    def build(cls, docs: list[KbDocument], config: RetrievalConfig | None = None) -> KnowledgeIndex:
        return cls(list(docs), config or RetrievalConfig())

    def _canonical(self, text: str) -> str:
        return self.synonyms.canonicalize_text(without_regions(normalize(text))[0])

    def _entry_aspects(self, doc: KbDocument) -> tuple[str, ...]:
        """Aspects of the standard question and of the tags (材料, 办理渠道 …)."""
        syn = self.synonyms
        words = self._tokens(self._canonical(doc.question))
        words += syn.canonical_tokens([t.lower() for t in doc.tags])
        return tuple(sorted(syn.aspects(words)))

    def _tokens(self, text: str) -> list[str]:
        syn = self.synonyms
        return [t for t in syn.canonical_tokens(tokenize(text)) if t not in syn.stopwords]

    @staticmethod
    def _idf_table(corpus: list[list[str]]) -> dict[str, float]:
        df: Counter[str] = Counter()
        for toks in corpus:
            df.update(set(toks))
        n = len(corpus)
        return {t: math.log(1 + (n - c + 0.5) / (c + 0.5)) for t, c in df.items()}

    def _flags(self, values: list[tuple[str, ...]]) -> tuple[dict[str, int], np.ndarray]:
        names = sorted({v for vs in values for v in vs})
        col = {name: j for j, name in enumerate(names)}
        matrix = np.zeros((len(values), max(len(names), 1)), dtype=bool)
        for i, vs in enumerate(values):
            for v in vs:
                matrix[i, col[v]] = True
        return col, matrix

    @staticmethod
    def _match(flags: tuple[dict[str, int], np.ndarray], wanted: frozenset[str]) -> np.ndarray:
        col, matrix = flags
        cols = [col[w] for w in wanted if w in col]
        if not cols:
            return np.zeros(matrix.shape[0], dtype=bool)
        return np.asarray(matrix[:, cols].any(axis=1))

    def _cosines(self, text: str) -> np.ndarray:
        """TF-IDF cosine of the query with every question text, without sklearn's per-call
        validation overhead: the same sublinear tf, idf and L2 norm as the fitted vectorizer."""
        counts = Counter(g for g in _char_analyzer(text) if g in self._vocabulary)
        if not counts:
            return np.zeros(len(self._owner), dtype=np.float64)
        cols = [self._vocabulary[g] for g in counts]
        weights = np.asarray([1.0 + math.log(c) for c in counts.values()]) * self._ngram_idf[cols]
        weights /= np.linalg.norm(weights)
        return np.asarray(weights @ self._q_matrix[cols]).ravel()

    def _information(self, tokens: list[str]) -> float:
        oov = self.config.oov_idf_share * self._max_idf
        return sum(self._idf.get(t, oov) for t in tokens) or 1.0

    def scores(self, query: str, region: str | None = None) -> tuple[np.ndarray, Analysed]:
        """Fused score of every entry (after region weighting) and the analysed query."""
        fused, _, info = self._scores(query, region)
        return fused, info

    def _scores(self, query: str, region: str | None) -> tuple[np.ndarray, np.ndarray, Analysed]:
        cfg = self.config
        info = analyse(query, self.synonyms)
        if self._n == 0 or self._bm25_q is None or self._bm25_a is None or self._bm25_e is None:
            return np.zeros(0, dtype=np.float32), np.zeros(0), info
        n_q = len(self._owner)
        own = self._information(info.tokens)
        bm25_q = np.maximum.reduceat(_bm25_scores(self._bm25_q, info.tokens, n_q), self._starts)
        bm25_a = _bm25_scores(self._bm25_a, info.tokens, self._n)
        bm25_e = _bm25_scores(self._bm25_e, info.tokens, self._n)
        cos_all = self._cosines(info.text)
        cosine = np.maximum.reduceat(cos_all, self._starts) if n_q else np.zeros(self._n)
        fused = (
            cfg.w_bm25_q * np.minimum(bm25_q / own, 1.2)
            + cfg.w_bm25_a * np.minimum(bm25_a / own, 1.2)
            + cfg.w_bm25_e * np.minimum(bm25_e / own, 1.2)
            + cfg.w_cosine * cosine
        )
        if info.items:
            has_items = self._items[1].any(axis=1)
            hit = self._match(self._items, info.items)
            fused += np.where(hit, cfg.item_bonus, np.where(has_items, -cfg.item_penalty, 0.0))
        if info.aspects:
            has_aspects = self._aspects[1].any(axis=1)
            hit = self._match(self._aspects, info.aspects)
            fused += np.where(
                hit, cfg.aspect_bonus, np.where(has_aspects, -cfg.aspect_penalty, 0.0)
            )
        effective = info.region or region
        if effective:
            own_region = self._match(self._regions, frozenset({effective}))
            fused *= np.where(
                own_region,
                1.0,
                np.where(self._covers_all, cfg.all_with_region_factor, cfg.other_region_factor),
            )
        else:
            fused *= np.where(self._covers_all, 1.0, cfg.specific_region_factor)
        return fused.astype(np.float32), cosine, replace(info, region=effective)

    def features(
        self, i: int, fused: np.ndarray, cosine: np.ndarray, info: Analysed
    ) -> tuple[float, ...]:
        """The confidence features of entry `i` for the query (see nlu/kb_confidence.py)."""
        score = float(fused[i])
        others = fused.copy()
        others[i] = -np.inf
        raw_best = float(others.max()) if self._n > 1 else 0.0
        regions = self._regions[1]
        twins = (self._group == self._group[i]) & ~(regions & regions[i]).any(axis=1)
        others[twins] = -np.inf
        best = float(others.max()) if bool(np.isfinite(others).any()) else 0.0
        own = self._information(info.tokens)
        words = self._words[i]
        covered = sum(self._idf.get(t, 0.0) for t in info.tokens if t in words)
        doc = self.docs[i]
        return (
            score,
            score - best,
            score - max(raw_best, 0.0),
            covered / own,
            sum(self._idf.get(t, 0.0) for t in info.tokens) / own,
            agreement(info.items, doc.items),
            agreement(info.aspects, self._entry_aspect_names[i]),
        )

    def search(self, query: str, region: str | None = None, k: int = 5) -> list[Hit]:
        return self._search(query, region, k)[0]

    def _search(self, query: str, region: str | None, k: int) -> tuple[list[Hit], Analysed]:
        """The k best entries by fused score, with confidences that never rise down the list."""
        fused, cosine, info = self._scores(query, region)
        if fused.size == 0:
            return [], info
        k = min(k, fused.size)
        top = np.argpartition(-fused, k - 1)[:k] if k < fused.size else np.arange(fused.size)
        order = top[np.argsort(-fused[top], kind="stable")]
        calibration = self.config.calibration
        hits: list[Hit] = []
        ceiling = 1.0  # a hit ranked lower never reads as more certain than one above it
        for i in order:
            doc = self.docs[int(i)]
            conf = calibration.probability(self.features(int(i), fused, cosine, info))
            ceiling = min(ceiling, conf)
            inside = info.region is None or ALL in doc.regions or info.region in doc.regions
            hits.append(Hit(doc.entry_id, doc.question, float(fused[i]), ceiling, inside))
        return hits, info

    def document(self, entry_id: str) -> KbDocument | None:
        return self._by_id.get(entry_id)

    def answer(self, query: str, region: str | None = None) -> Answer:
        hits, info = self._search(query, region, k=4)
        effective = info.region
        if hits and hits[0].confidence >= self.config.threshold:
            best = hits[0]
            return Answer("answered", self.document(best.entry_id), best.confidence, (), effective)
        suggestions = tuple(h for h in hits if h.score >= self.config.suggestion_floor)[:3]
        confidence = hits[0].confidence if hits else 0.0
        message = UNCERTAIN_MESSAGE if suggestions else "这个问题我还不太确定。"
        return Answer("uncertain", None, confidence, suggestions, effective, message)
