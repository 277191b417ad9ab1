"""The cross-validation's bookkeeping: stable folds and what a threshold answers or declines."""

from __future__ import annotations

from dataclasses import replace

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


def test_a_message_asking_two_things_is_answered_right_by_either_entry() -> None:
    both = Query("低保啥条件 要带啥材料", "gansu", "a", also=("b",))
    assert both.answers("a") and both.answers("b") and not both.answers("c")
    assert not Query("公积金咋取", None, None, True).answers("a")
    asked = [Asked(both, "b", 0.9), Asked(replace(both, text="再问"), "c", 0.9)]
    got = outcome_at(asked, 0.5)
    assert (got.answered, got.answered_right) == (2, 1)


def test_questions_about_one_entry_and_its_regional_twins_share_a_fold() -> None:
    from nlu.kb_crossval import topic_of

    common = Query("失业登记去哪办", None, "common-unemployment-registration")
    gansu = Query("兰州失业了去哪登记", "gansu", "gansu-unemployment-registration")
    licheng = Query("历城失业登记在哪", "jinan-licheng", "jinan-licheng-unemployment-registration")
    assert topic_of(common) == topic_of(gansu) == topic_of(licheng)
    assert fold_of(topic_of(common), 5) == fold_of(topic_of(licheng), 5)
    declines = [Query(f"养老金怎么算{i}", None, None, True) for i in range(20)]
    assert len({fold_of(topic_of(q), 5) for q in declines}) > 1  # spread by their own text


def test_the_threshold_is_the_lowest_meeting_the_rule() -> None:
    from nlu.kb_crossval import choose_threshold

    asked = [Asked(Query(f"问{i}", None, "a"), "a", 0.3 + i / 100) for i in range(40)]
    asked += [Asked(Query("错", None, "b"), "c", 0.42)]  # wrong, answered below 0.45
    asked += [Asked(Query(f"外{i}", None, None, True), "d", 0.1) for i in range(10)]
    # 0.3 and 0.4 answer the wrong one too: precision 40/41 < 95%? no: 97.6% >= 95%.
    assert choose_threshold(asked, (0.3, 0.4, 0.5)) == 0.3
    # … four in 44 (90.9%) do not: only 0.5, above the wrong ones, does.
    asked += [Asked(Query(f"错{i}", None, "b"), "c", 0.42) for i in range(3)]
    assert choose_threshold(asked, (0.3, 0.4, 0.5)) == 0.5
