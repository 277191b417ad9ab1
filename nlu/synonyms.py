"""Synonym canonicalisation for KB retrieval (data: nlu/data/synonyms.yml).

`canonicalize_text` rewrites every known surface form to its canonical word
(leftmost-longest, so 特困人员救助供养 wins over 特困), `canonical_tokens` does the same for
single tokens, and `aspects` names what a question asks about (材料, 时限, 渠道 …).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from guides.yamlio import load_model

SYNONYMS_FILE = Path(__file__).parent / "data" / "synonyms.yml"

Kind = Literal["item", "aspect", "term"]


class _Group(BaseModel):
    model_config = ConfigDict(extra="forbid")
    canonical: str = Field(min_length=1)
    kind: Kind
    words: list[str]


class _SynonymFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    stopwords: list[str] = Field(default_factory=list)
    groups: list[_Group]


@dataclass(frozen=True)
class SynonymTable:
    to_canonical: dict[str, str]
    kinds: dict[str, Kind]
    pattern: re.Pattern[str]
    stopwords: frozenset[str] = frozenset()

    def canonicalize_text(self, text: str) -> str:
        return self.pattern.sub(lambda m: self.to_canonical[m.group(0)], text)

    def spaced(self, text: str) -> str:
        """Like canonicalize_text, with spaces around each canonical word, so that a tokenizer
        keeps it whole (交手续费 -> 交 费用, not the fused token 交费用)."""
        return self.pattern.sub(lambda m: f" {self.to_canonical[m.group(0)]} ", text)

    def canonical_tokens(self, tokens: list[str]) -> list[str]:
        return [self.to_canonical.get(t, t) for t in tokens]

    def aspects(self, tokens: list[str]) -> set[str]:
        return {t for t in tokens if self.kinds.get(t) == "aspect"}


def build_table(path: Path = SYNONYMS_FILE) -> SynonymTable:
    data = load_model(path, _SynonymFile)
    to_canonical: dict[str, str] = {}
    kinds: dict[str, Kind] = {}
    for group in data.groups:
        canonical = group.canonical.lower()
        kinds[canonical] = group.kind
        for word in [group.canonical, *group.words]:
            key = word.strip().lower()
            if key and key not in to_canonical:  # first group wins on a clash
                to_canonical[key] = canonical
    alternation = "|".join(re.escape(w) for w in sorted(to_canonical, key=len, reverse=True))
    stopwords = frozenset(w.lower() for w in data.stopwords)
    return SynonymTable(to_canonical, kinds, re.compile(alternation), stopwords)


@cache
def table() -> SynonymTable:
    return build_table()


def canonicalize_text(text: str) -> str:
    return table().canonicalize_text(text)


def canonical_tokens(tokens: list[str]) -> list[str]:
    return table().canonical_tokens(tokens)
