"""Retrieval over the real seed content: known questions, region override, declines."""

from __future__ import annotations

import pytest

from bot.kb.loader import load_seed
from bot.kb.service import document_of
from nlu.retrieval import ALL, KbDocument, KnowledgeIndex
from nlu.synonyms import canonicalize_text


@pytest.fixture(scope="module")
def index() -> KnowledgeIndex:
    return KnowledgeIndex.build([document_of(c) for c in load_seed()])


def test_synonyms_canonicalise_names_and_aspects() -> None:
    assert canonicalize_text("最低生活保障") == canonicalize_text("低保金") == "低保"
    assert canonicalize_text("廉租房") == canonicalize_text("公共租赁住房") == "公租房"
    assert canonicalize_text("五保") == canonicalize_text("特困人员救助供养") == "特困"
    assert canonicalize_text("要带什么") == canonicalize_text("资料") == "材料"


def test_every_standard_question_finds_its_own_entry(index: KnowledgeIndex) -> None:
    wrong = []
    for doc in index.docs:
        region = None if ALL in doc.regions else doc.regions[0]
        answer = index.answer(doc.question, region)
        if answer.entry is None or answer.entry.entry_id != doc.entry_id:
            wrong.append(doc.entry_id)
    assert len(wrong) <= len(index.docs) // 50, wrong


@pytest.mark.parametrize(
    ("question", "region", "expected"),
    [
        ("宁夏低保的申请条件是什么", None, "ningxia-dibao-conditions"),
        ("甘肃申请最低生活保障要满足什么条件", "gansu", "gansu-dibao-conditions"),
        ("我想申请廉租房，在哪里办", "shanxi", "shanxi-public-rental-apply"),
    ],
)
def test_known_questions(
    index: KnowledgeIndex, question: str, region: str | None, expected: str
) -> None:
    assert index.document(expected) is not None, "seed entry renamed?"
    hits = index.search(question, region, k=3)
    assert hits[0].entry_id == expected


def test_region_named_in_question_overrides_user_region(index: KnowledgeIndex) -> None:
    question = "宁夏低保的申请条件是什么"
    answer = index.answer(question, "gansu")
    assert answer.region == "ningxia"
    assert answer.entry is not None and "ningxia" in answer.entry.regions
    plain = index.search("低保的申请条件是什么", "gansu", k=1)[0]
    assert plain.entry_id.startswith("gansu-") and plain.in_region


def test_other_regions_are_demoted_not_hidden() -> None:
    docs = [
        KbDocument("nx-loan", "退役军人帮扶怎么申请", (), "到退役军人事务局申请。", ("ningxia",)),
        KbDocument("gs-dibao", "低保怎么申请", (), "到乡镇申请。", ("gansu",)),
    ]
    index = KnowledgeIndex.build(docs)
    hits = index.search("退役军人帮扶怎么申请", "gansu", k=2)
    assert hits[0].entry_id == "nx-loan" and not hits[0].in_region
    ningxia = index.search("退役军人帮扶怎么申请", "ningxia", k=1)[0]
    assert ningxia.score > hits[0].score


@pytest.mark.parametrize(
    "question", ["明天兰州下不下雨", "帮我订一张去北京的火车票", "红烧肉怎么做"]
)
def test_out_of_scope_is_uncertain(index: KnowledgeIndex, question: str) -> None:
    answer = index.answer(question, "gansu")
    assert answer.status == "uncertain"
    assert answer.entry is None and answer.message
    assert len(answer.suggestions) <= 3


def test_empty_index_and_empty_query() -> None:
    empty = KnowledgeIndex.build([])
    assert empty.search("低保") == []
    assert empty.answer("低保").status == "uncertain"
    docs = [KbDocument("a", "低保怎么申请", (), "到乡镇申请。")]
    assert KnowledgeIndex.build(docs).answer("？？").status == "uncertain"


def test_confidence_is_a_probability(index: KnowledgeIndex) -> None:
    for hit in index.search("低保要带什么材料", "gansu", k=5):
        assert 0.0 <= hit.confidence <= 1.0


def test_colloquial_aspects_and_typos_are_normalised() -> None:
    assert canonicalize_text("要啥证件") == "材料"
    assert canonicalize_text("上哪儿去办") == canonicalize_text("在哪弄") == "渠道"
    assert canonicalize_text("多久能批下来") == canonicalize_text("啥时候有结果") == "时限"
    assert canonicalize_text("够不够格") == canonicalize_text("能不能吃上") == "条件"
    assert canonicalize_text("打哪个电话") == "电话"
    assert canonicalize_text("低宝") == canonicalize_text("底保") == "低保"
    assert canonicalize_text("临时就助") == "临时救助"


@pytest.mark.parametrize(
    ("question", "region", "aspect_tag"),
    [
        ("低宝要拿上些什么东西", "gansu", "材料"),
        ("低保上哪儿去办", "gansu", "办理渠道"),
        ("底保多久能批下来", "gansu", "办理时限"),
    ],
)
def test_colloquial_aspect_query_finds_an_entry_of_that_aspect(
    index: KnowledgeIndex, question: str, region: str, aspect_tag: str
) -> None:
    top = index.document(index.search(question, region, k=1)[0].entry_id)
    assert top is not None and aspect_tag in top.tags, top


@pytest.mark.parametrize("region", [None, "gansu", "shanxi"])
def test_hits_never_grow_more_confident_down_the_list(
    index: KnowledgeIndex, region: str | None
) -> None:
    hits = index.search("低保怎么申请", region, k=8)
    confidences = [h.confidence for h in hits]
    assert confidences == sorted(confidences, reverse=True)
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)


def test_regional_twins_do_not_erase_the_margin() -> None:
    """A common entry and its regional twin on the same topic: the twin is no rival."""
    answer = "低保申请材料：身份证、户口本、收入证明。"
    common = KbDocument("c-mat", "低保申请要带什么材料", (), answer, (ALL,), ("dibao",), ("材料",))
    gansu = KbDocument(
        "g-mat", "低保申请要带什么材料", (), answer, ("gansu",), ("dibao",), ("材料",)
    )
    other = KbDocument(
        "c-time", "低保审批要多久", (), "30个工作日。", (ALL,), ("dibao",), ("办理时限",)
    )
    index = KnowledgeIndex.build([common, gansu, other])
    with_twin = index.answer("低保申请要带什么材料", "gansu")
    alone = KnowledgeIndex.build([gansu, other]).answer("低保申请要带什么材料", "gansu")
    assert with_twin.entry is not None and with_twin.entry.entry_id == "g-mat"
    assert with_twin.status == "answered"
    assert with_twin.confidence > 0.5 and alone.confidence > 0.5
