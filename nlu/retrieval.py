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
- region (named in the query, else the user's; names cut from the text): other regions'
  entries are demoted, not hidden. Synonyms first (低保金 -> 低保, 要带什么 -> 材料); a query
  word the KB lacks that the segmenter glued to a function character (看些, 领法) is read as
  the word the KB has (`_reread`).

A long message is searched on its request(s) (nlu.kb_focus); the story around them is one
rank feature (`story`). A general entry and its regional variant (nlu/kb_families.py) are one
answer: a caller of the region gets the region's, with the family's better score.
Confidence: a logistic calibration (nlu/kb_confidence.py) of features of each hit, fitted by
`python -m nlu.calibrate_kb` on the seed and the team's realistic questions, never on the
evaluation sets. Below `threshold` (config kb.confidence_threshold) the answer is uncertain.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field, replace

import bm25s
import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from nlu.kb_confidence import agreement
from nlu.kb_families import family_matrix, family_shares, prefer_region, question_texts
from nlu.kb_ranker import ITEM_GENERAL, RANK_FEATURES, STORY
from nlu.retrieval_answers import Answering
from nlu.retrieval_query import analyse, kb_normalize, without_filler, without_regions, words_of
from nlu.retrieval_types import (
    ALL,
    ITEM_ELSEWHERE,
    UNCERTAIN_MESSAGE,
    Analysed,
    Answer,
    Hit,
    KbDocument,
    RetrievalConfig,
)
from nlu.synonyms import SynonymTable, kindred_aspects, table
from nlu.tokenize import char_ngrams, tokenize

__all__ = [
    "ALL",
    "UNCERTAIN_MESSAGE",
    "Analysed",
    "Answer",
    "Hit",
    "KbDocument",
    "KnowledgeIndex",
    "RetrievalConfig",
    "analyse",
    "kindred_aspects",
    "without_regions",
]


def _bm25(corpus: list[list[str]], cfg: RetrievalConfig) -> bm25s.BM25:
    model = bm25s.BM25(k1=cfg.bm25_k1, b=cfg.bm25_b)
    model.index([toks or ["<empty>"] for toks in corpus], show_progress=False)
    return model


def _bm25_scores(model: bm25s.BM25, tokens: list[str], size: int) -> np.ndarray:
    ids = model.get_tokens_ids(tokens)
    if not ids:
        return np.zeros(size, dtype=np.float32)
    return np.asarray(model.get_scores_from_ids(ids), dtype=np.float32)


def _top(values: np.ndarray, mask: np.ndarray, k: int) -> np.ndarray:
    """Indices of the (up to) k largest values where mask holds."""
    where = np.flatnonzero(mask)
    if where.size <= k:
        return where
    return where[np.argpartition(-values[where], k - 1)[:k]]


# Function characters the segmenter glues to the word before (看些啥, 领法, 签能办吗, 评得不公平,
# 丧葬费给补不, 带上些啥, 卡上) or after them (再领, 还管, 看批了没, 没领, 个表).
_GLUED_AFTER = frozenset("得些能法点了着过的个去来到啥给有要上从")
_GLUED_BEFORE = frozenset("再又还才就都也没个边能看")


def _char_analyzer(text: str) -> list[str]:
    return char_ngrams(text, 1, 3)


@dataclass
class KnowledgeIndex(Answering):
    """An immutable search index over KB documents; rebuild it to change the content."""

    docs: list[KbDocument]
    config: RetrievalConfig = field(default_factory=RetrievalConfig)
    synonyms: SynonymTable = field(default_factory=table)

    def __post_init__(self) -> None:
        cfg = self.config
        q_texts: list[str] = []
        q_tokens: list[list[str]] = []
        owner: list[int] = []
        for i, doc in enumerate(self.docs):
            for text in (doc.question, *doc.similar):
                q_texts.append(self._canonical(text))
                q_tokens.append(self._tokens(text))
                owner.append(i)
        self._n = len(self.docs)
        self._owner = np.asarray(owner, dtype=np.int64)
        self._starts = np.flatnonzero(np.r_[True, self._owner[1:] != self._owner[:-1]])
        a_tokens = [self._tokens(d.answer) for d in self.docs]
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
        self._a_matrix = (
            self._tfidf.transform([self._canonical(d.answer) for d in self.docs]).T.tocsr()
            if q_texts
            else sparse.csr_matrix((0, 0))
        )
        self._length = np.asarray([math.log1p(len(a)) / 5 for a in a_tokens])
        self._vocabulary: dict[str, int] = getattr(self._tfidf, "vocabulary_", {})
        self._ngram_idf = np.asarray(getattr(self._tfidf, "idf_", np.zeros(0)))
        self._items = self._flags([d.items for d in self.docs])
        # An entry whose standard question names none of its items ("山西申请社会救助要交钱吗",
        # listed under low_income) is about social assistance as a whole: a question naming
        # 低保 is not about another item for it.
        named = [tuple(analyse(d.question, self.synonyms).items) for d in self.docs]
        self._named_items = self._flags(named)
        self._umbrella = np.asarray(
            [bool(d.items) and not n for d, n in zip(self.docs, named, strict=True)], dtype=bool
        )
        self._tags = self._flags([d.tags for d in self.docs])
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
        self._q_words = [frozenset(q) for q in e_tokens]
        self._regions = self._flags([d.regions for d in self.docs])
        self._covers_all = np.asarray([ALL in d.regions for d in self.docs], dtype=bool)
        self._family = family_matrix(
            self.docs, question_texts(self.docs), cfg.family_cosine, cfg.family_cosine_any_tag
        )
        self._by_id = {d.entry_id: d for d in self.docs}

    @classmethod
    def build(cls, docs: list[KbDocument], config: RetrievalConfig | None = None) -> KnowledgeIndex:
        return cls(list(docs), config or RetrievalConfig())

    def _canonical(self, text: str) -> str:
        return self.synonyms.canonicalize_text(without_regions(kb_normalize(text))[0])

    def _entry_aspects(self, doc: KbDocument) -> tuple[str, ...]:
        """Aspects of the standard question and of the tags (材料, 办理渠道 …)."""
        syn = self.synonyms
        words = self._tokens(doc.question)
        words += syn.canonical_tokens([t.lower() for t in doc.tags])
        return tuple(sorted(syn.aspects(words)))

    def _tokens(self, text: str) -> list[str]:
        """Canonical tokens of a raw text (region names cut, stopwords dropped)."""
        syn = self.synonyms
        spaced = syn.spaced(without_regions(kb_normalize(text))[0])
        return words_of(tokenize(spaced), syn)

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

    def _cosines(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """TF-IDF cosine of the query with each entry's question texts (maximum) and with its
        answer, without sklearn's per-call validation overhead: the same sublinear tf, idf
        and L2 norm as the fitted vectorizer."""
        counts = Counter(g for g in _char_analyzer(text) if g in self._vocabulary)
        if not counts:
            return np.zeros(self._n), np.zeros(self._n)
        cols = [self._vocabulary[g] for g in counts]
        weights = np.asarray([1.0 + math.log(c) for c in counts.values()]) * self._ngram_idf[cols]
        weights /= np.linalg.norm(weights)
        per_text = np.asarray(weights @ self._q_matrix[cols]).ravel()
        answers = np.asarray(weights @ self._a_matrix[cols]).ravel()
        return np.maximum.reduceat(per_text, self._starts), answers

    def _reread(self, tokens: list[str]) -> list[str]:
        """A word the KB does not know that the segmenter glued to a function character ("看些",
        "交些", "领法", "再领", "签能", "评得"): read as the word the KB knows."""
        out: list[str] = []
        for t in tokens:
            if t not in self._idf and len(t) > 1:
                if t[-1] in _GLUED_AFTER and t[:-1] in self._idf:
                    t = t[:-1]
                elif t[0] in _GLUED_BEFORE and t[1:] in self._idf:
                    t = t[1:]
            out.append(t)
        return out

    def _information(self, tokens: list[str]) -> float:
        oov = self.config.oov_idf_share * self._max_idf
        return sum(self._idf.get(t, oov) for t in tokens) or 1.0

    def scores(self, query: str, region: str | None = None) -> tuple[np.ndarray, Analysed]:
        """Reranked log-odds of every entry (-inf outside the candidates), analysed query."""
        ranked, _, info = self.ranked(query, region)
        return ranked, info

    def candidates(
        self, query: str, region: str | None, story: str | None = None
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray, Analysed]:
        """First stage and reranker features: candidate entry indices, their feature rows
        (RANK_FEATURES), whether each is the effective region's own (not `all`), and the
        analysed query. `story`: the whole message the request was cut from (its other words
        are the `story` feature)."""
        cfg = self.config
        info = analyse(query, self.synonyms)
        named, effective = info.region, info.region or region
        info = replace(
            info, region=effective, tokens=without_filler(self._reread(info.tokens), self._idf)
        )
        empty = np.zeros(0, dtype=np.int64)
        if self._n == 0 or self._bm25_q is None or self._bm25_a is None or self._bm25_e is None:
            return empty, np.zeros((0, len(RANK_FEATURES))), np.zeros(0, dtype=bool), info
        n_q = len(self._owner)
        own = self._information(info.tokens)
        raw_q = _bm25_scores(self._bm25_q, info.tokens, n_q)
        bm25_q = np.minimum(np.maximum.reduceat(raw_q, self._starts) / own, 1.2)
        bm25_a = np.minimum(_bm25_scores(self._bm25_a, info.tokens, self._n) / own, 1.2)
        bm25_e = np.minimum(_bm25_scores(self._bm25_e, info.tokens, self._n) / own, 1.2)
        cos_q, cos_a = self._cosines(info.text)
        first = (
            cfg.w_bm25_q * bm25_q
            + cfg.w_bm25_a * bm25_a
            + cfg.w_bm25_e * bm25_e
            + cfg.w_cosine * cos_q
        )
        if effective:
            same = self._match(self._regions, frozenset({effective}))
            other = ~(same | self._covers_all)
        else:
            same = np.zeros(self._n, dtype=bool)
            other = np.zeros(self._n, dtype=bool)
        cands = np.concatenate(
            [_top(first, ~other, cfg.candidates), _top(first, other, cfg.fallback_candidates)]
        )
        x = np.zeros((cands.size, len(RANK_FEATURES)))
        x[:, 0], x[:, 1], x[:, 2] = bm25_q[cands], bm25_a[cands], bm25_e[cands]
        x[:, 3], x[:, 4] = cos_q[cands], cos_a[cands]
        if cands.size:
            x[:, 5] = x[:, 3] - x[:, 3].max()
            x[:, 6] = x[:, 0] - x[:, 0].max()
        idf = [(t, self._idf.get(t, 0.0)) for t in info.tokens]
        for row, i in enumerate(cands):
            words, q_words = self._words[i], self._q_words[i]
            x[row, 7] = sum(v for t, v in idf if t in words) / own
            x[row, 8] = sum(v for t, v in idf if t in q_words) / own
        if info.items:
            x[:, 9] = self._match(self._items, info.items)[cands]
            elsewhere = self._items[1][cands].any(axis=1) & (x[:, 9] == 0)
            x[:, ITEM_ELSEWHERE] = elsewhere & ~self._umbrella[cands]
        if info.aspects:
            x[:, 11] = self._match(self._aspects, kindred_aspects(info.aspects))[cands]
            x[:, 12] = self._aspects[1][cands].any(axis=1) & (x[:, 11] == 0)
        if info.items:  # a general entry, with the item's own entry on the aspect at hand
            specific = self._match(self._named_items, info.items)[cands]
            if info.aspects:
                specific &= x[:, 11] == 1
            x[:, ITEM_GENERAL] = self._umbrella[cands] & specific.any()
        x[:, 13] = same[cands]
        x[:, 14] = same[cands] & (named is not None)
        x[:, 15] = other[cands]
        x[:, 16] = (effective is None) & ~self._covers_all[cands]
        x[:, 17] = self._length[cands]
        x[:, STORY] = self._story_share(cands, story, info.tokens)
        return cands, x, same[cands] & ~self._covers_all[cands], info

    def _story_share(self, cands: np.ndarray, story: str | None, asked: list[str]) -> np.ndarray:
        """For each candidate, the share of the story's information (the message's known words
        outside the request: 住院, 上学, 失业 …) that the entry's questions and answer use."""
        if not story:
            return np.zeros(cands.size)
        asked_set = set(asked)
        told = {t: self._idf[t] for t in analyse(story, self.synonyms).tokens if t in self._idf}
        told = {t: v for t, v in told.items() if t not in asked_set}
        total = sum(told.values())
        if not total:
            return np.zeros(cands.size)
        words = [self._words[int(i)] for i in cands]
        return np.asarray([sum(v for t, v in told.items() if t in w) / total for w in words])

    def ranked(
        self, query: str, region: str | None, story: str | None = None
    ) -> tuple[np.ndarray, np.ndarray, Analysed]:
        """Log-odds of every entry (-inf outside the candidates), the candidates, the query."""
        cands, x, own_region, info = self.candidates(query, region, story)
        ranked = np.full(self._n, -np.inf)  # x[:, ITEM_ELSEWHERE]: names only other items
        if cands.size:
            cfg = self.config
            other = x[:, 15].astype(bool)  # region_other
            logits = cfg.ranker.logits(x)
            inside = logits[~other]
            floor = math.log(cfg.fallback_below / (1.0 - cfg.fallback_below))
            if inside.size and inside.max() >= floor:
                logits -= cfg.other_region_penalty * other
            logits -= cfg.other_item_penalty * x[:, ITEM_ELSEWHERE]
            if own_region.any():  # a general entry and the region's own: one answer, the region's
                logits = prefer_region(logits, cands, self._family, own_region)
            ranked[cands] = logits
        return ranked, cands, info

    def features(self, i: int, ranked: np.ndarray, info: Analysed) -> tuple[float, ...]:
        """The confidence features of entry `i` for the query (see nlu/kb_confidence.py)."""
        score = float(np.clip(ranked[i], -10.0, 10.0))
        others = ranked.copy()
        others[i] = -np.inf
        raw_best = float(others.max()) if self._n > 1 else -np.inf
        regions = self._regions[1]
        # Twins: another region's (or `all`'s) entry on the same topic — the same items and
        # tags, or sharing an item and a tag ("失业登记去哪办" for all and for 山西).
        items, tags = self._items[1], self._tags[1]
        near = (items & items[i]).any(axis=1) & (tags & tags[i]).any(axis=1)
        same = (self._group == self._group[i]) | near
        twins = (same & ~(regions & regions[i]).any(axis=1)) | self._family[i]
        others[twins] = -np.inf
        best = float(others.max()) if self._n > 1 else -np.inf
        own = self._information(info.tokens)
        words = self._words[i]
        covered = sum(self._idf.get(t, 0.0) for t in info.tokens if t in words)
        oov = self.config.oov_idf_share * self._max_idf
        doc = self.docs[i]
        rivals = others[np.isfinite(others)]  # twins left out, as for the margin
        item = agreement(info.items, doc.items)
        share = 1.0 / (1.0 + float(np.exp(np.clip(rivals - ranked[i], -30.0, 30.0)).sum()))
        return (
            score,
            float(np.clip(score - best, -10.0, 10.0)),
            float(np.clip(score - raw_best, -10.0, 10.0)),
            covered / own,
            sum(self._idf.get(t, 0.0) for t in info.tokens) / own,
            # an entry on social assistance as a whole answers a question naming 低保 too
            max(item, 0.0) if self._umbrella[i] else item,
            agreement(kindred_aspects(info.aspects), self._entry_aspect_names[i]),
            max((self._idf.get(t, oov) for t in info.tokens if t not in words), default=0.0)
            / self._max_idf,
            share,
            math.log1p(len(info.tokens)) / 3,
        )

    def search(self, query: str, region: str | None = None, k: int = 5) -> list[Hit]:
        return self._search(query, region, k)[0]

    def _search(
        self, query: str, region: str | None, k: int, story: str | None = None
    ) -> tuple[list[Hit], Analysed]:
        """The k best candidates by reranked score, with confidences that never rise down
        the list. `Hit.score` is the entry's answer family's share of the candidates'
        probability mass (nlu.kb_families.family_shares), never rising down the list either."""
        ranked, cands, info = self.ranked(query, region, story)
        if cands.size == 0:
            return [], info
        order = cands[np.argsort(-ranked[cands], kind="stable")][:k]
        shares = family_shares(ranked, cands, self._family)
        calibration = self.config.calibration
        hits: list[Hit] = []
        ceiling = 1.0  # a hit ranked lower never reads as more certain than one above it
        top_share = 1.0  # nor as a larger share
        for i in order:
            doc = self.docs[int(i)]
            conf = calibration.probability(self.features(int(i), ranked, info))
            ceiling = min(ceiling, conf)
            top_share = min(top_share, float(shares[i]))
            inside = info.region is None or ALL in doc.regions or info.region in doc.regions
            hits.append(Hit(doc.entry_id, doc.question, top_share, ceiling, inside))
        return hits, info

    def document(self, entry_id: str) -> KbDocument | None:
        return self._by_id.get(entry_id)

    def content_words(self, text: str) -> list[str]:
        """The words of `text` the KB knows, of two characters or more, that are not aspect
        words (渠道, 材料 …): what a question is about."""
        info = analyse(text, self.synonyms)
        return [t for t in info.tokens if len(t) > 1 and t in self._idf and t not in info.aspects]
