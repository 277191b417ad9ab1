"""Long messages: the request sentence decides the entry, whatever story, greeting or complaint
surrounds it (nlu.kb_focus finds it; nlu.retrieval ranks on it). The questions are written for
these tests, not taken from the evaluation sets."""

from __future__ import annotations

import pytest

from nlu.retrieval import KnowledgeIndex


def top_entry(seed_index: KnowledgeIndex, text: str, region: str | None) -> str | None:
    hit = seed_index.top(text, region)
    return hit.entry_id if hit else None


def test_a_long_story_whose_request_names_an_entry_gets_that_entry(
    seed_index: KnowledgeIndex,
) -> None:
    text = (
        "您好，麻烦您了。我老伴前年查出尿毒症，一个礼拜透析三回，家里的积蓄早就花光了，"
        "儿子在外地打工自己还要养孩子，亲戚也借遍了，我是真没办法了才打这个电话。"
        "山西这边因病致贫重病患者的认定到哪里申请？谢谢你们，辛苦了。"
    )
    answer = seed_index.answer(text, "shanxi")
    assert answer.entry is not None
    assert answer.entry.entry_id == "shanxi-illness-poverty-apply"


@pytest.mark.parametrize(
    ("question", "region"),
    [
        ("宁夏防止返贫监测对象怎么申请", "ningxia"),
        ("历城区办失业人员登记要带什么材料", "jinan-licheng"),
        ("甘肃公租房去哪里申请", "gansu"),
        ("家里困难，丧葬费有没有救助", None),
        ("低保批下来从哪个月开始发钱", None),
    ],
)
def test_a_greeting_and_complaint_around_a_question_do_not_change_its_top_hit(
    seed_index: KnowledgeIndex, question: str, region: str | None
) -> None:
    bare = top_entry(seed_index, question, region)
    assert bare is not None
    wrapped = [
        f"你好同志，打扰一下，我想问个事。{question}？我都跑了三趟了，一趟一个说法，真是气人！",
        f"喂，您好，我家情况特别困难，老人常年吃药，孩子还小，日子不好过。{question}？麻烦您了。",
        f"{question}？我在乡上问了好几回都没人说得清楚，你们办事也太拖拉了，谢谢啊。",
    ]
    for text in wrapped:
        assert top_entry(seed_index, text, region) == bare, text


def test_the_whole_message_is_searched_too_when_the_request_alone_is_less_clear(
    seed_index: KnowledgeIndex,
) -> None:
    # The asking clause alone ("能不能……单独吃上低保") reads as the general "one person's 低保";
    # the clause before it (低保边缘, 重度残疾) makes it the 低保边缘 entry.
    text = "家里是低保边缘户，我爸是重度残疾，能不能就他一个人单独吃上低保？"
    ((request, region),) = seed_index.focused(text, "gansu")
    alone = seed_index.search(request, region, k=1)[0]
    whole = seed_index.search(text, "gansu", k=1)[0]
    hit = seed_index.top(text, "gansu")
    assert hit is not None and hit.confidence == max(alone.confidence, whole.confidence)
    assert hit.entry_id == "gansu-edge-special-basic-living" != alone.entry_id
    # Answered or, below the fitted threshold, offered first: what the answer offers is `hit`.
    answer = seed_index.answer(text, "gansu")
    offered = [answer.entry.entry_id] if answer.entry else [h.entry_id for h in answer.suggestions]
    assert offered and offered[0] == hit.entry_id


def test_the_story_around_a_request_is_a_ranking_feature() -> None:
    from nlu.kb_ranker import STORY
    from nlu.retrieval import KbDocument

    docs = [
        KbDocument(
            "loan", "助学贷款要带什么材料", ("上大学贷款要什么材料",), "录取通知书、户口本。"
        ),
        KbDocument(
            "medical", "医疗救助要带什么材料", ("住院救助要什么材料",), "住院发票、诊断书。"
        ),
    ]
    small = KnowledgeIndex.build(docs)
    text = "我家孩子住院花了三万多，家里实在拿不出来了，想问一下要带哪些材料？"
    ((request, region),) = small.focused(text, None)
    cands, x, _, _ = small.candidates(request, region, text)
    share = {small.docs[int(i)].entry_id: v for i, v in zip(cands, x[:, STORY], strict=True)}
    assert share["medical"] > share["loan"] == 0.0  # 住院 is the story's, and the entry's
    assert not small.candidates(request, region)[1][:, STORY].any()  # no story: no feature


def test_a_request_naming_nothing_is_read_with_its_whole_message(
    seed_index: KnowledgeIndex,
) -> None:
    # "这种事我该找谁" alone matches "不知道该找哪个部门申请救助"; the leak is the subject
    text = (
        "你好 我家楼上漏水把我家天花板泡坏了 找了物业也不管 楼上的人也不露面"
        " 都拖了两个多月了 这种事我该找谁"
    )
    answer = seed_index.answer(text, "jinan-licheng")
    assert answer.status == "uncertain", answer.entry and answer.entry.entry_id
    assert seed_index.content_words("这种事我该找谁") == []
    assert seed_index.content_words("做康复有没有国家给的钱") == ["康复", "国家"]
