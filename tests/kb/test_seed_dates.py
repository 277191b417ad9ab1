"""Every seed entry's effective_from is traceable to the text it cites.

A text that states a date (its 施行/实施/修订 date, a seed's date of issue) dates the entry with
one of its own dates. A text that states none follows the rule written at the top of the seed
file: Licheng's seed 004 uses the start of 2024 (the 工作指引（2024年版）), an undated national
text uses the day the entry was checked against it (common.yml header).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from pathlib import Path

from tests.kb.test_seed_content import SEED_DIR, SHARED, all_entries

FULL_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
LICHENG_VERSION_YEAR = dt.date(2024, 1, 1)  # jinan-licheng.yml header: 工作指引（2024年版）
CHECKED_UNDATED_NATIONAL = dt.date(2026, 12, 4)  # common.yml header


@cache
def dates_in(path: Path) -> frozenset[dt.date]:
    text = path.read_text(encoding="utf-8")
    return frozenset(dt.date(int(y), int(m), int(d)) for y, m, d in FULL_DATE.findall(text))


def cited_path(source: dict[str, str]) -> Path:
    if "seed" in source:
        return SHARED / "seeds" / source["seed"]
    return SHARED / "reference" / "national" / source["national"]


def test_the_header_rules_are_written_where_they_apply() -> None:
    assert "2024年版" in (SEED_DIR / "jinan-licheng.yml").read_text(encoding="utf-8")
    assert str(CHECKED_UNDATED_NATIONAL) in (SEED_DIR / "common.yml").read_text(encoding="utf-8")


def test_effective_from_comes_from_the_cited_text() -> None:
    wrong = []
    for e in all_entries():
        path = cited_path(e["source"])
        stated = dates_in(path)
        if stated:
            allowed = stated
        elif "seed" in e["source"]:
            allowed = frozenset({LICHENG_VERSION_YEAR})
        else:
            allowed = frozenset({CHECKED_UNDATED_NATIONAL})
        if e["effective_from"] not in allowed:
            wrong.append(f"{e['id']}: {e['effective_from']} not in {sorted(map(str, allowed))}")
    assert wrong == []
