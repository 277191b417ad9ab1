"""Grouping unanswered questions by char n-gram cosine similarity, newest group first."""

from __future__ import annotations

import datetime as dt

from api.pages.clusters import cosine, group_questions, ngrams
from bot.kb.unanswered import UnansweredQuestion

T0 = dt.datetime(2025, 3, 1, 9, 0, tzinfo=dt.UTC)


def _q(qid: int, text: str, minutes: int, times: int = 1) -> UnansweredQuestion:
    at = T0 + dt.timedelta(minutes=minutes)
    return UnansweredQuestion(qid, text, "gansu", times, "open", None, at, at)


def test_similar_questions_share_a_group_and_newest_group_comes_first() -> None:
    questions = [
        _q(1, "残疾人两项补贴能和低保一起领吗", 0, times=3),
        _q(2, "残疾人补贴和低保能一起领吗", 5),
        _q(3, "公租房怎么排队", 10),
        _q(4, "公租房排队要多久", 1),
        _q(5, "丧葬补助金在哪里领", 2),
    ]
    groups = group_questions(questions)
    texts = [[q.id for q in g.questions] for g in groups]
    assert [1, 2] in texts and sorted(next(t for t in texts if 3 in t)) == [3, 4]
    assert texts[0] == [3, 4] or texts[0] == [4, 3]  # asked most recently (minute 10)
    assert groups[-1].lead.id == 5
    first = next(g for g in groups if g.lead.id == 1)
    assert first.times_asked == 4


def test_cosine_of_unrelated_text_is_low() -> None:
    a, b = ngrams("低保怎么申请"), ngrams("公租房排队")
    norm = lambda v: {k: x / sum(y * y for y in v.values()) ** 0.5 for k, x in v.items()}  # noqa: E731
    assert cosine(norm(a), norm(a)) > 0.99
    assert cosine(norm(a), norm(b)) < 0.1
