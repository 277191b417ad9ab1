"""The cross-validation's bookkeeping: stable folds and what a threshold answers or declines."""

from __future__ import annotations

from nlu.calibrate_kb import Query
from nlu.kb_crossval import Asked, fold_of, outcome_at


def test_folds_are_stable_and_in_range() -> None:
    texts = [f"低保怎么申请{i}" for i in range(50)]
    first = [fold_of(t, 5) for t in texts]
    assert first == [fold_of(t, 5) for t in texts]
    assert set(first) <= set(range(5)) and len(set(first)) > 1


def test_a_threshold_answers_only_confident_hits() -> None:
    asked = [
        Asked(Query("甲", None, "a"), "a", 0.9),  # right, confident
        Asked(Query("乙", None, "b"), "c", 0.8),  # wrong, confident
        Asked(Query("丙", None, "d"), "d", 0.3),  # right, unsure
        Asked(Query("丁", None, None, True), "e", 0.6),  # must decline
    ]
    low = outcome_at(asked, 0.2)
    assert (low.answered, low.answered_right, low.declined_right) == (4, 2, 0)
    high = outcome_at(asked, 0.7)
    assert (high.answered, high.answered_right, high.declined_right) == (2, 1, 1)
    assert high.precision == 0.5 and high.coverage == 1 / 3 and high.declined == 1.0
