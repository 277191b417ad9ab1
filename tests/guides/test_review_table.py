"""The reviewer's table in docs/ is generated from the data and kept up to date."""

from __future__ import annotations

from guides import review_table
from guides.catalog import all_guides


def test_the_table_in_docs_is_current() -> None:
    assert review_table.main(["--check"]) == 0, "run: python -m guides.review_table"


def test_the_table_shows_what_each_check_reads() -> None:
    facts, params = review_table.reads("has_tekun_candidate")
    assert "members.monthly_basic_pension" in facts and "members.has_legal_supporter" in facts
    assert "dibao_standard" in params and "tekun_elderly_min_age" in params
    text = review_table.OUTPUT.read_text(encoding="utf-8")
    for guide in all_guides().values():
        for item in guide.items:
            assert f"（`{item.id.value}`）" in text
