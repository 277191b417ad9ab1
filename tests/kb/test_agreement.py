"""A long message is read twice, its request (story around it as a feature) and the whole
message; when both readings put the same entry first, each moderately confident, the answer is
that much surer. Messages written for these tests, not taken from any evaluation or dev set."""

from __future__ import annotations

from nlu.retrieval import Analysed, KnowledgeIndex
from nlu.retrieval_types import Hit


def hit(entry_id: str, confidence: float) -> Hit:
    return Hit(entry_id, "问题", 0.9, confidence, True)


def info(text: str = "低保要带什么材料", items: frozenset[str] = frozenset({"dibao"})) -> Analysed:
    return Analysed(tokens=[], text=text, items=items, aspects=frozenset(), region=None)


def test_two_agreeing_readings_combine_their_confidence(seed_index: KnowledgeIndex) -> None:
    found = ([hit("a", 0.5), hit("b", 0.2)], info())
    hits, _ = seed_index._agreed(found, [hit("a", 0.4)])
    assert abs(hits[0].confidence - (1 - 0.5 * 0.6)) < 1e-9
    assert hits[1].confidence == 0.2


def test_disagreeing_or_weak_readings_change_nothing(seed_index: KnowledgeIndex) -> None:
    found = ([hit("a", 0.5)], info())
    assert seed_index._agreed(found, [hit("b", 0.5)]) == found  # another entry first
    assert seed_index._agreed(found, [hit("a", 0.2)]) == found  # below agreement_floor
    assert seed_index._agreed(found, []) == found


def test_a_neighbouring_programmes_question_is_not_made_surer(seed_index: KnowledgeIndex) -> None:
    # its confidences were scaled down on purpose (nlu.kb_programmes)
    found = ([hit("a", 0.45)], info("新农合住院报几成", frozenset()))
    assert seed_index._agreed(found, [hit("a", 0.45)]) == found


def test_a_long_message_read_both_ways_alike_is_answered_surer(seed_index: KnowledgeIndex) -> None:
    text = (
        "你好，我上个月在网上交了救助的申请，说是结果会通知，可一直没动静，"
        "我想问一下在哪里能查到办到哪一步了"
    )
    (request,) = [r for r, _ in seed_index.focused(text, "shanxi")]
    alone = seed_index._search(request, "shanxi", 4, story=text)[0][0]  # the request, story aside
    whole = seed_index._search(text, "shanxi", 4)[0][0]  # the whole message
    assert alone.entry_id == whole.entry_id == "shanxi-result-query"
    assert min(alone.confidence, whole.confidence) >= seed_index.config.agreement_floor
    answer = seed_index.answer(text, "shanxi")
    assert answer.entry is not None and answer.entry.entry_id == "shanxi-result-query"
    combined = 1 - (1 - alone.confidence) * (1 - whole.confidence)
    assert abs(answer.confidence - combined) < 1e-9
