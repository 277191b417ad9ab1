"""Synonym canonicalisation for KB retrieval (data: nlu/data/synonyms.yml).

`canonicalize_text` rewrites every known surface form to its canonical word
(leftmost-longest, so 特困人员救助供养 wins over 特困), `canonical_tokens` does the same for
single tokens, and `aspects` names what a question asks about (材料, 时限, 渠道 …).
Spoken A-not-A forms are read as their verb first, in the text and in the table's words
(收不收费 -> 收费, 够不够格 -> 够格): they ask the same thing, and split into tokens (收, 不)
they match nothing in the KB.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from guides.yamlio import load_model
from nlu.tokenize import collapse_a_not_a

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
        return self.pattern.sub(lambda m: self.to_canonical[m.group(0)], collapse_a_not_a(text))

    def spaced(self, text: str) -> str:
        """Like canonicalize_text, with spaces around each canonical word, so that a tokenizer
        keeps it whole (交手续费 -> 交 费用, not the fused token 交费用)."""
        canonical = self.to_canonical
        return self.pattern.sub(lambda m: f" {canonical[m.group(0)]} ", collapse_a_not_a(text))

    def canonical_tokens(self, tokens: list[str]) -> list[str]:
        return [self.to_canonical.get(t, t) for t in tokens]

    def aspects(self, tokens: list[str]) -> set[str]:
        return {t for t in tokens if self.kinds.get(t) == "aspect"}


def build_table(path: Path = SYNONYMS_FILE) -> SynonymTable:
    data = load_model(path, _SynonymFile)
    to_canonical: dict[str, str] = {}
    kinds: dict[str, Kind] = {}
    stopwords = frozenset(w.lower() for w in data.stopwords)
    for group in data.groups:
        canonical = group.canonical.lower()
        kinds[canonical] = group.kind
        for word in [group.canonical, *group.words]:
            key = collapse_a_not_a(word.strip().lower())
            if key != word.strip().lower() and (len(key) < 2 or key in stopwords):
                # 能不能 would read every 能 as the group's word
                raise ValueError(f"{path}: {word!r} ({canonical}) reads as {key!r}, too common")
            if key and key not in to_canonical:  # first group wins on a clash
                to_canonical[key] = canonical
    alternation = "|".join(re.escape(w) for w in sorted(to_canonical, key=len, reverse=True))
    return SynonymTable(to_canonical, kinds, re.compile(alternation), stopwords)


@cache
def table() -> SynonymTable:
    return build_table()


def canonicalize_text(text: str) -> str:
    return table().canonicalize_text(text)


def canonical_tokens(tokens: list[str]) -> list[str]:
    return table().canonical_tokens(tokens)
