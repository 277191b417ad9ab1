"""Synonym canonicalisation for KB retrieval (data: nlu/data/synonyms.yml).

`canonicalize_text` rewrites every known surface form to its canonical word
(leftmost-longest, so 特困人员救助供养 wins over 特困), `canonical_tokens` does the same for
single tokens, and `aspects` names what a question asks about (材料, 时限, 渠道 …).
Spoken A-not-A forms are read as their verb first, in the text and in the table's words
(收不收费 -> 收费, 够不够格 -> 够格): they ask the same thing, and split into tokens (收, 不)
they match nothing in the KB.
Spoken forms are read as the plain ones first (`spoken`): the dialect pronouns 俺 and 额 as 我
(额 not inside 金额, 名额, 额度 …), so that 俺妈, 额爹 do not fuse into words the KB lacks; Shanxi's
甚 as 啥 (甚单位 is 啥单位); and the
question tag 不/没 that ends a spoken yes-no question ("有高龄补贴不", "批下来了没") as 吗, a
stopword: a token 不 left at the end counts as a word of the question the entry lacks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from guides.yamlio import load_model
from nlu.lexicon import one_char_swaps
from nlu.tokenize import collapse_a_not_a, get_tokenizer

_HAN = re.compile(r"[\u4e00-\u9fff]+")

SYNONYMS_FILE = Path(__file__).parent / "data" / "synonyms.yml"
HOMOPHONES_FILE = Path(__file__).parent / "data" / "kb_homophones.yml"

Kind = Literal["item", "aspect", "term"]

# 额 as a pronoun (额家, 额爹, 额想): not in 金额/名额/限额/超额/份额/定额/差额/余额/配额/总额/数额/
# 面额/税额/票额/巨额/全额/额度/额外/额头.
_E_PRONOUN = re.compile(r"(?<![金名限超份定差余配总数面税票巨全])额(?![度外头])")


# 不/没 ending a clause after a verb or noun ("能领不", "批了没"), not a plain negation ("我也不",
# "还没", "当然不").
_QUESTION_TAG = re.compile(
    r"(?<=[\u4e00-\u9fff])(?<![也都还就并可绝决当然再])[不没](?=[\s，,。.？?！!；;]|$)"
)


# Shanxi's 甚 for 什么/啥 ("准备些甚", "是个甚"), not 甚至.
_SHEN = re.compile(r"甚(?!至)")


def e_as_i(text: str) -> str:
    """The text with the dialect pronoun 额 as 我 ("额七十六了", "额们家"), same length."""
    return _E_PRONOUN.sub("我", text)


def spoken(text: str) -> str:
    """The text with the dialect pronouns 俺 and 额 as 我, Shanxi's 甚 as 啥, a final question tag
    不/没 as 吗."""
    text = _SHEN.sub("啥", _E_PRONOUN.sub("我", text.replace("俺", "我")))
    return _QUESTION_TAG.sub("吗", text)


class _Group(BaseModel):
    model_config = ConfigDict(extra="forbid")
    canonical: str = Field(min_length=1)
    kind: Kind
    words: list[str]


class _SynonymFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    stopwords: list[str] = Field(default_factory=list)
    groups: list[_Group]


class _HomophoneFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    short: list[str] = Field(default_factory=list)
    homophones: dict[str, list[str]]


def typos(words: dict[str, str], path: Path = HOMOPHONES_FILE) -> dict[str, str]:
    """Misspellings of the table's words, each with the canonical word of its original: every
    word of three characters or more (and the listed two-character ones) with one character
    replaced by a homophone of nlu/data/kb_homophones.yml, unless the spelling is a word of the
    segmenter's dictionary or of the table already (复合 is a word, not a typo of 复核).
    `words` are the domain words (items and terms), not the aspects' question phrases."""
    data = load_model(path, _HomophoneFile)
    dictionary = get_tokenizer().FREQ
    short = frozenset(data.short)
    found: dict[str, str] = {}
    listed = {w: w for w in short} | words  # a listed word outside the table is its own canonical
    for word, canonical in listed.items():
        if not _HAN.fullmatch(word) or (len(word) < 3 and word not in short):
            continue
        for typo in one_char_swaps(word, data.homophones):
            if typo not in listed and not dictionary.get(typo):
                found.setdefault(typo, canonical)
    return found


@dataclass(frozen=True)
class SynonymTable:
    to_canonical: dict[str, str]
    kinds: dict[str, Kind]
    pattern: re.Pattern[str]
    stopwords: frozenset[str] = frozenset()

    def canonicalize_text(self, text: str) -> str:
        return self.pattern.sub(
            lambda m: self.to_canonical[m.group(0)], collapse_a_not_a(spoken(text))
        )

    def spaced(self, text: str) -> str:
        """Like canonicalize_text, with spaces around each canonical word, so that a tokenizer
        keeps it whole (交手续费 -> 交 费用, not the fused token 交费用)."""
        canonical = self.to_canonical
        return self.pattern.sub(
            lambda m: f" {canonical[m.group(0)]} ", collapse_a_not_a(spoken(text))
        )

    def canonical_tokens(self, tokens: list[str]) -> list[str]:
        return [self.to_canonical.get(t, t) for t in tokens]

    def aspects(self, tokens: list[str]) -> set[str]:
        return {t for t in tokens if self.kinds.get(t) == "aspect"}


# Aspects a caller asks as one: "公租房怎么申请" and "公租房在哪申请" are the same question to
# someone who has not applied yet; an entry on either answers both (its text tells them apart
# where the KB has both).
_KINDRED_ASPECTS = {"流程": frozenset({"渠道"}), "渠道": frozenset({"流程"})}


def kindred_aspects(aspects: frozenset[str]) -> frozenset[str]:
    """The aspects asked, with those asked as one with them (_KINDRED_ASPECTS)."""
    return aspects.union(*(_KINDRED_ASPECTS.get(a, frozenset()) for a in aspects))


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
    # domain words only: an aspect's words are question phrases (哪些证 misspelt is 哪些政[策])
    to_canonical |= typos({w: c for w, c in to_canonical.items() if kinds[c] != "aspect"})
    alternation = "|".join(re.escape(w) for w in sorted(to_canonical, key=len, reverse=True))
    return SynonymTable(to_canonical, kinds, re.compile(alternation), stopwords)


@cache
def table() -> SynonymTable:
    return build_table()


def canonicalize_text(text: str) -> str:
    return table().canonicalize_text(text)


def canonical_tokens(tokens: list[str]) -> list[str]:
    return table().canonical_tokens(tokens)
