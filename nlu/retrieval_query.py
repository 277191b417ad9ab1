"""The query side of KB retrieval: region names cut out, synonyms applied, items and aspects."""

from __future__ import annotations

from nlu.facts import received_spans
from nlu.lexicon import find_items, match_regions
from nlu.numerals import ages_in_digits
from nlu.retrieval_types import Analysed
from nlu.synonyms import SynonymTable, table
from nlu.tokenize import normalize, tokenize


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


def kb_normalize(text: str) -> str:
    """A text as the KB reads it, a question or an entry's: normalized, ages in digits."""
    return ages_in_digits(normalize(text))


def asked_text(text: str) -> str:
    """The text without what it says the household already receives ("我家是低保户，老人有补贴
    能领不"): an item named only as that standing is background, not the item asked about."""
    for start, end in received_spans(text):
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def analyse(query: str, synonyms: SynonymTable | None = None) -> Analysed:
    syn = synonyms or table()
    norm = kb_normalize(query)
    bare, region = without_regions(norm)
    canon = syn.canonicalize_text(bare)
    tokens = [t for t in syn.canonical_tokens(tokenize(syn.spaced(bare))) if t not in syn.stopwords]
    asked = asked_text(bare)
    asked_canon = canon if asked == bare else syn.canonicalize_text(asked)
    return Analysed(
        tokens=tokens,
        text=canon,
        items=frozenset(i.value for i in (*find_items(asked), *find_items(asked_canon))),
        aspects=frozenset(syn.aspects(tokens)),
        region=region,
    )
