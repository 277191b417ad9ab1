"""Ages told instead of answering a household question ("俺六十八 老头子七十 儿子三十四" to
户口在本地吗) are no answer that differs by member: before, the citizen was told "听起来家里人
不一样" about a hukou nobody mentioned. Written for this test (session 47), not evaluation data."""

from __future__ import annotations

import datetime as dt

from dialogue.doubts import find_doubt
from dialogue.questions import question_bank

TODAY = dt.date(2026, 12, 7)


def test_ages_told_raise_no_doubt_about_whose_hukou() -> None:
    question = question_bank().get("has_local_hukou")
    assert find_doubt(question, "俺六十八，老头子七十，儿子三十四", TODAY) is None


def test_hukou_told_for_each_still_asks_whose() -> None:
    question = question_bank().get("has_local_hukou")
    doubt = find_doubt(question, "我的在这，老伴的还在她娘家那边", TODAY)
    assert doubt is not None and doubt.kind == "differs_by_member"
