"""Answer families: a general entry and its regional variant are one answer, the region's."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from bot.kb.loader import load_seed
from bot.kb.service import document_of
from nlu.kb_families import family_matrix, family_shares, prefer_region, question_texts
from nlu.retrieval import ALL, KbDocument, KnowledgeIndex, RetrievalConfig

GENERAL = KbDocument(
    "c-unemp",
    "失业登记去哪里办？",
    ("失业了到哪登记", "失业登记在什么地方办理", "没工作了怎么登记失业"),
    "到户籍地或常住地的公共就业服务机构办理失业登记。",
    (ALL,),
    ("unemployment_registration",),
    ("办理渠道",),
)
REGIONAL = KbDocument(
    "n-unemp",
    "宁夏失业登记在哪个窗口办？",
    ("宁夏失业了去哪个窗口登记", "宁夏失业登记在什么地方办理", "宁夏失业登记能在网上办吗"),
    "宁夏：到常住地街道（乡镇）公共就业服务平台或宁夏人社网上办理失业登记。",
    ("ningxia",),
    ("unemployment_registration",),
    ("办理渠道",),
)
UNRELATED = KbDocument(
    "c-time",
    "低保审批要多久？",
    ("低保多长时间批下来",),
    "一般30个工作日。",
    (ALL,),
    ("dibao",),
    ("办理时限",),
)


def test_a_general_entry_and_its_regional_variant_are_one_family() -> None:
    docs = [GENERAL, REGIONAL, UNRELATED]
    family = family_matrix(docs, question_texts(docs))
    assert family[0, 1] and family[1, 0]
    assert not family[0, 2] and not family[1, 2] and not family[2, 0]


def test_near_duplicates_tagged_differently_are_one_family() -> None:
    materials = replace(REGIONAL, tags=("材料",))  # the editor tagged its answer, not its question
    docs = [GENERAL, materials, UNRELATED]
    assert family_matrix(docs, question_texts(docs))[0, 1]
    # a loose likeness is not enough without a shared tag
    assert not family_matrix(docs, question_texts(docs), any_tag_cosine=0.99)[0, 1]


def test_the_seeds_general_entry_on_applying_where_one_lives_has_ningxias() -> None:
    docs = [document_of(e) for e in load_seed()]
    ids = [d.entry_id for d in docs]
    family = family_matrix(docs, question_texts(docs))
    general = ids.index("common-apply-where-live")
    assert family[general, ids.index("ningxia-dibao-residence")]
    assert family[general, ids.index("jinan-licheng-dibao-residence")]


def test_two_general_entries_are_never_a_family() -> None:
    other = KbDocument(
        "c-unemp2", GENERAL.question, GENERAL.similar, "…", (ALL,), GENERAL.items, GENERAL.tags
    )
    docs = [GENERAL, other]
    assert not family_matrix(docs, question_texts(docs)).any()


def test_the_region_takes_the_familys_better_score() -> None:
    cands = np.asarray([0, 1, 2])
    family = np.zeros((3, 3), dtype=bool)
    family[0, 1] = family[1, 0] = True
    logits = np.asarray([2.0, 0.5, 1.0])
    own_region = np.asarray([False, True, False])
    out = prefer_region(logits, cands, family, own_region)
    assert list(out) == [0.5, 2.0, 1.0]


def test_a_caller_of_the_region_gets_the_regions_entry() -> None:
    docs = [GENERAL, REGIONAL, UNRELATED]
    question = "没工作了怎么登记失业"  # worded like the general entry
    without = KnowledgeIndex.build(docs, RetrievalConfig(family_cosine=2.0))  # no families
    assert without.answer(question, "ningxia").entry == GENERAL
    index = KnowledgeIndex.build(docs)
    asked = index.answer(question, "ningxia")
    assert asked.status == "answered" and asked.entry == REGIONAL
    # A caller of another region, or of none, still gets the general entry.
    for region in ("gansu", None):
        assert index.answer(question, region).entry == GENERAL


def test_the_seed_has_families_for_unemployment_registration() -> None:
    docs = [document_of(c) for c in load_seed()]
    family = family_matrix(docs, question_texts(docs))
    ids = [d.entry_id for d in docs]
    general = ids.index("common-unemployment-registration")
    members = {ids[j] for j in np.flatnonzero(family[general])}
    assert {"gansu-unemployment-registration", "ningxia-unemployment-registration"} <= members


def test_a_familys_members_add_up_their_shares() -> None:
    cands = np.asarray([0, 1, 2])
    family = np.zeros((4, 4), dtype=bool)
    family[0, 1] = family[1, 0] = True
    logits = np.asarray([0.0, 0.0, np.log(2.0), -np.inf])  # masses 1 : 1 : 2
    shares = family_shares(logits, cands, family)
    assert np.allclose(shares, [0.5, 0.5, 0.5, 0.0])


def test_a_declined_question_offers_its_entry_that_has_a_regional_twin() -> None:
    """The suggestion floor reads the family's share: a general entry whose regional twins
    also drew some of the mass is still offered."""
    docs = [document_of(c) for c in load_seed()]
    ids = [d.entry_id for d in docs]
    family = family_matrix(docs, question_texts(docs))
    assert family[ids.index("common-review-order")].any()  # it has a regional twin
    answer = KnowledgeIndex.build(docs).answer("申请表里几样救助都勾上了，审的顺序是怎么定的？")
    assert answer.status == "uncertain"
    assert "common-review-order" in [h.entry_id for h in answer.suggestions]
