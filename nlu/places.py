"""Other places: a request about a province or city the KB does not cover (nlu/data/other_places.yml).

`other_place(text)` is the first such place the text names, unless it also names one of ours
(then the region logic in nlu.retrieval applies: its entries, labelled with their region).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from guides.yamlio import read_yaml
from nlu.lexicon import match_regions

PLACES_FILE = Path(__file__).parent / "data" / "other_places.yml"


@cache
def _data() -> tuple[re.Pattern[str], str]:
    data = read_yaml(PLACES_FILE)
    names = sorted((str(p) for p in data["places"]), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names))), str(data["message"])


def other_place(text: str) -> str | None:
    found = _data()[0].search(text)
    if found is None or match_regions(text):
        return None
    return found.group(0)


def other_place_message(place: str) -> str:
    return _data()[1].format(place=place)
