"""Other places: a request about a province or city the KB does not cover (nlu/data/other_places.yml:
the provinces, every prefecture-level city of theirs, and the county-level cities and city
districts callers name alone: 昆山, 义乌, 浦东).

`other_place(text)` is the first such place the text names, unless it also names one of ours
(then the region logic in nlu.retrieval applies: its entries, labelled with their region).
Such a request is declined with `other_place_message`, or answered with a national rule
(`national_entries`, `national_message` in front) where one answers it (nlu.retrieval_answers).
A name counts only as a word of the text (jieba's segmentation, nlu.tokenize): "收成都没了" is
收成/都, not 成都, and "上海拔" is 上/海拔; a word made of the name and an administrative
suffix (北京市, 河南省, 四川人) counts.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from guides.yamlio import read_yaml
from nlu.lexicon import match_regions
from nlu.tokenize import get_tokenizer

PLACES_FILE = Path(__file__).parent / "data" / "other_places.yml"
# What may follow a place's name inside one word: 北京市, 河南省, 朝阳区, 四川人, 新疆籍.
_SUFFIXES = frozenset({"市", "省", "区", "县", "人", "籍", "地区", "自治区", "市区"})


@cache
def _data() -> tuple[re.Pattern[str], str]:
    data = read_yaml(PLACES_FILE)
    cities = (c for province in data["cities"].values() for c in province)
    towns = (t for province in data.get("towns", {}).values() for t in province)
    names = sorted({str(p) for p in (*data["places"], *cities, *towns)}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names))), str(data["message"])


@cache
def _national() -> tuple[frozenset[str], str]:
    data = read_yaml(PLACES_FILE)
    return frozenset(map(str, data["national_entries"])), str(data["national_message"])


def _word_ends(text: str) -> dict[int, int]:
    """Where each word of the text starts -> where it ends (jieba, the shared tokenizer)."""
    return {start: end for _, start, end in get_tokenizer().tokenize(text, HMM=True)}


def _is_word(found: re.Match[str], words: dict[int, int], text: str) -> bool:
    """The name starts a word and ends one, or its word is the name plus a suffix."""
    end = words.get(found.start())
    if end is None:
        return False
    return (
        end == found.end()
        or (end > found.end() and text[found.end() : end] in _SUFFIXES)
        or (end < found.end() and found.end() in words.values())
    )


def other_place(text: str) -> str | None:
    """The first other place the text names as a word, unless it names one of ours too."""
    pattern = _data()[0]
    if pattern.search(text) is None or match_regions(text):
        return None
    words = _word_ends(text)
    found = pattern.search(text)
    while found is not None:  # from each position: "上海南" is not 上海 but may be 海南
        if _is_word(found, words, text):
            return found.group(0)
        found = pattern.search(text, found.start() + 1)
    return None


def other_place_message(place: str) -> str:
    return _data()[1].format(place=place)


def national_entries() -> frozenset[str]:
    """The common entries that answer another place's question with the national rule."""
    return _national()[0]


def national_message(place: str) -> str:
    """Put in front of a national rule given for another place: whose rule it is, whom to ask."""
    return _national()[1].format(place=place)
