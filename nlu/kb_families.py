"""Answer families: a general (`all`) KB entry and a regional entry that answer the same question
for different scopes ("失业登记去哪办" for all and for 宁夏).

They are found in the data, not listed by hand: two entries with disjoint regions, one of them
`all`, are one family when they share an item (or neither names one) and their question texts
(standard + similar, region names cut) are near-duplicates: char 2-3-gram TF-IDF cosine of the
joined texts at least `min_cosine` (config `family_cosine`, chosen on `python -m
nlu.kb_crossval`: 0.25 against 0.4 and no families) when they share an aspect tag, at least
`any_tag_cosine` (config `family_cosine_any_tag`, 0.45) when they do not: editors tag one
question differently ("不在户口所在地能在现住地申请低保吗" is 受理条件 for all, 材料 for 宁夏,
whose answer is the 居住证). (Having the same items and tags is not enough: "一件事是什么" and
Gansu's 灾害救助 are both low_income / 政策解释.)
`python -m nlu.kb_families` lists them, and the near-duplicate pairs inside one region that
no code can merge (they are for the KB editors).

The ranking treats a family as one answer (nlu/retrieval.py): for a caller of region R, the
family's best score goes to R's entry, and the confidence does not count the other members as
rivals (nlu/kb_confidence.py, `margin` and `share`).
"""

from __future__ import annotations

import argparse

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from nlu.retrieval_query import without_regions
from nlu.retrieval_types import ALL, KbDocument, RetrievalConfig
from nlu.tokenize import normalize


def _similarity(texts: list[str]) -> np.ndarray:
    vectorizer = TfidfVectorizer(analyzer="char", ngram_range=(2, 3), sublinear_tf=True)
    matrix = vectorizer.fit_transform(texts)
    return np.asarray((matrix @ matrix.T).toarray())


def _shares(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return bool(set(a) & set(b)) or (not a and not b)


def question_texts(docs: list[KbDocument]) -> list[str]:
    """Each entry's standard and similar questions joined, region names cut."""
    return [
        " ".join(without_regions(normalize(t))[0] for t in (d.question, *d.similar)) for d in docs
    ]


def family_matrix(
    docs: list[KbDocument],
    texts: list[str],
    min_cosine: float | None = None,
    any_tag_cosine: float | None = None,
) -> np.ndarray:
    """A symmetric boolean matrix: entries i and j are one family (see the module docstring).
    `texts[i]` is entry i's question texts joined, region names cut."""
    n = len(docs)
    family = np.zeros((n, n), dtype=bool)
    general = [i for i, d in enumerate(docs) if ALL in d.regions]
    regional = [j for j, d in enumerate(docs) if ALL not in d.regions]
    if not general or not regional:
        return family
    cosine = _similarity(texts)
    if min_cosine is None:
        min_cosine = RetrievalConfig().family_cosine
    if any_tag_cosine is None:
        any_tag_cosine = RetrievalConfig().family_cosine_any_tag
    any_tag_cosine = max(any_tag_cosine, min_cosine)  # never looser than with a shared tag
    for i in general:
        a = docs[i]
        for j in regional:
            b = docs[j]
            needed = min_cosine if set(a.tags) & set(b.tags) else any_tag_cosine
            family[i, j] = family[j, i] = _shares(a.items, b.items) and cosine[i, j] >= needed
    return family


def prefer_region(
    logits: np.ndarray, cands: np.ndarray, family: np.ndarray, in_region: np.ndarray
) -> np.ndarray:
    """Logits of the candidates with each family read as one answer for the caller's region:
    a general candidate with a family member of the region among the candidates hands it the
    better of their two scores (and keeps the lower one). `in_region[k]`: candidate k is an
    entry of the caller's region (not `all`)."""
    out = logits.copy()
    members = family[np.ix_(cands, cands)] & in_region[None, :]
    for g in np.flatnonzero(members.any(axis=1) & ~in_region):
        m = int(np.flatnonzero(members[g])[np.argmax(out[members[g]])])
        high, low = max(out[g], out[m]), min(out[g], out[m])
        out[m], out[g] = high, low
    return out


def family_shares(logits: np.ndarray, cands: np.ndarray, family: np.ndarray) -> np.ndarray:
    """For every entry, its answer family's share of the candidates' probability mass (a
    softmax of their log-odds): a general entry and its regional variants are one answer, so
    their masses add up instead of splitting it; 0 outside the candidates. `logits`: one per
    entry (-inf outside the candidates)."""
    shares = np.zeros(logits.shape[0])
    if cands.size == 0:
        return shares
    z = logits[cands]
    mass = np.exp(z - z.max())
    mass /= mass.sum()
    members = family[np.ix_(cands, cands)] | np.eye(cands.size, dtype=bool)
    shares[cands] = np.minimum(members.astype(float) @ mass, 1.0)  # 1.0: rounding
    return shares


def main(argv: list[str] | None = None) -> None:
    from nlu.evaluate_kb import load_seed_documents  # a command only: it reads the seed

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--min-cosine", type=float, default=RetrievalConfig().family_cosine)
    parser.add_argument(
        "--any-tag-cosine", type=float, default=RetrievalConfig().family_cosine_any_tag
    )
    parser.add_argument("--same-region-cosine", type=float, default=0.4)
    args = parser.parse_args(argv)
    docs = load_seed_documents()
    texts = question_texts(docs)
    family = family_matrix(docs, texts, args.min_cosine, args.any_tag_cosine)
    cosine = _similarity(texts)
    print(f"== families (general entry: regional entries), {len(docs)} entries")
    for i, d in enumerate(docs):
        members = [docs[j].entry_id for j in np.flatnonzero(family[i])]
        if ALL in d.regions and members:
            print(f"{d.entry_id}: {', '.join(members)}")
    cut = args.same_region_cosine
    print(f"== near-duplicates within one region (cosine >= {cut}; for the KB editors)")
    for i, a in enumerate(docs):
        for j in range(i + 1, len(docs)):
            b = docs[j]
            if set(a.regions) & set(b.regions) and cosine[i, j] >= cut:
                print(f"{cosine[i, j]:.2f} {a.entry_id} ~ {b.entry_id}")


if __name__ == "__main__":
    main()
