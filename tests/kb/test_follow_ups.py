"""A follow-up whose first question the KB does not see ("那要等多长时间", "那得带些啥") names no
programme: an entry on one programme's time limit or materials is a guess, never an answer;
the region's entry for all of its 一件事 still answers. Questions written for these tests, not
taken from any evaluation or development set."""

from __future__ import annotations

from nlu.retrieval import KnowledgeIndex


def test_a_follow_up_with_no_programme_is_not_answered_with_one_programmes_time_limit(
    seed_index: KnowledgeIndex,
) -> None:
    answer = seed_index.answer("那要等多长时间", None)
    assert answer.status == "uncertain", answer.entry and answer.entry.entry_id


def test_the_regions_time_limit_for_all_of_its_items_still_answers(
    seed_index: KnowledgeIndex,
) -> None:
    answer = seed_index.answer("那大概要等几天", "gansu")
    assert answer.status == "answered" and answer.entry is not None
    assert answer.entry.entry_id == "gansu-time-limit"


def test_a_word_of_the_entrys_own_question_is_no_guess(seed_index: KnowledgeIndex) -> None:
    # 审批表 is what "甘肃低收入人口申请审批表在哪里填" is about: not demoted as a guessed item
    top = seed_index.search("那个审批表在哪儿拿", "gansu", k=1)
    assert top and top[0].entry_id == "gansu-materials-approval-form"
    answer = seed_index.answer("那个审批表在哪儿拿", "gansu")
    assert answer.suggestions or answer.entry is not None
