"""The development set of long messages (nlu/dev/kb_long_dev.yml) is what `python -m nlu.kb_dev`
measures while request finding is worked on: long, labelled with entries that exist, across
every region, and written apart from the evaluation sets (no eval question or near-copy)."""

from __future__ import annotations

from test_eval_clean import eval_questions, leaked

from guides.ids import RegionId
from nlu.evaluate_kb import LONG, load_seed_documents
from nlu.kb_dev import load_dev_cases


def test_the_dev_set_is_long_messages_labelled_with_existing_entries() -> None:
    cases = load_dev_cases()
    assert len(cases) >= 60
    assert all(LONG < len(c.q) <= 300 for c in cases)
    ids = {d.entry_id for d in load_seed_documents()}
    assert {c.expected for c in cases if c.expected is not None} <= ids
    assert sum(c.expected is None for c in cases) >= 5  # some to decline


def test_the_dev_set_covers_every_region_and_general_questions() -> None:
    regions = {c.region for c in load_dev_cases()}
    assert {r.value for r in RegionId} | {None} <= regions


def test_the_dev_set_quotes_no_eval_question() -> None:
    offenders = leaked([c.q for c in load_dev_cases()], eval_questions())
    assert offenders == [], offenders
