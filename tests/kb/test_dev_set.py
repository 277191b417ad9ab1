"""The development set of long messages (nlu/dev/kb_long_dev.yml) is what `python -m nlu.kb_dev`
measures while request finding is worked on: long, labelled with entries that exist, across
every region, and written apart from the evaluation sets (no eval question or near-copy)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_eval_clean import eval_questions, leaked

from guides.ids import RegionId
from nlu.evaluate_kb import LONG, load_seed_documents
from nlu.kb_dev import (
    DEV2_FILE,
    DEV3_FILE,
    DEV4_FILE,
    DEV8_FILE,
    DEV9_FILE,
    DEV10_FILE,
    DEV11_FILE,
    DEV12_FILE,
    DEV13_FILE,
    DEV14_FILE,
    DEV15_FILE,
    DEV16_FILE,
    DEV17_FILE,
    DEV18_FILE,
    load_dev_cases,
)


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


@pytest.mark.parametrize(
    ("path", "at_least", "long_ones", "declines"),
    [
        (DEV2_FILE, 50, 30, 5),
        (DEV3_FILE, 80, 45, 15),
        (DEV4_FILE, 90, 5, 10),
        (DEV8_FILE, 120, 40, 25),
        (DEV9_FILE, 120, 40, 25),
        (DEV10_FILE, 120, 40, 40),
        (DEV11_FILE, 200, 30, 20),
        (DEV12_FILE, 150, 80, 60),
        (DEV13_FILE, 170, 50, 35),
        (DEV14_FILE, 170, 80, 50),
        (DEV15_FILE, 170, 5, 40),
        (DEV16_FILE, 200, 5, 45),
        (DEV17_FILE, 200, 120, 45),
        (DEV18_FILE, 180, 90, 50),
    ],
    ids=[
        "second",
        "third",
        "fourth",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
    ],
)
def test_the_later_dev_sets_are_mostly_long_labelled_and_clean(
    path: Path, at_least: int, long_ones: int, declines: int
) -> None:
    cases = load_dev_cases(path)
    assert len(cases) >= at_least
    assert sum(len(c.q) > LONG for c in cases) >= long_ones
    assert all(len(c.q) <= 300 for c in cases)
    ids = {d.entry_id for d in load_seed_documents()}
    assert {e for c in cases for e in (c.expected, *c.also) if e is not None} <= ids
    assert sum(c.expected is None for c in cases) >= declines
    assert path == DEV4_FILE or any(c.also for c in cases)  # messages asking two things
    assert leaked([c.q for c in cases], eval_questions()) == []


def test_a_two_request_label_accepts_either_entry_and_nothing_else(tmp_path: Path) -> None:
    path = tmp_path / "dev.yml"
    path.write_text(
        "questions:\n  - {q: 低保什么时候发钱？低保金怎么算？, expected: [a, b], region: null}\n",
        encoding="utf-8",
    )
    (case,) = load_dev_cases(path)
    assert (case.expected, case.also) == ("a", ("b",))
    assert case.right("a") and case.right("b")
    assert not case.right("c") and not case.right(None)
