"""Entries for the topics citizens ask 12345 about (issue 13): they exist for every region they
name, they say plainly when the documents are silent and name the office to ask, and questions
written here (not taken from any evaluation file) reach them among the first three hits."""

from __future__ import annotations

import pytest

from bot.kb.loader import load_seed
from bot.kb.service import document_of
from nlu.retrieval import KnowledgeIndex
from tests.kb.test_seed_content import all_entries

OFFICES = ("民政", "残联", "住建", "住房保障", "人社", "退役军人事务", "医保", "12345")

# Entries whose documents give no figure or procedure for the question: the answer must say so
# ("没有写" / "没有") and send the caller to an office instead of inventing one.
SILENT_DOCUMENT_ENTRIES = (
    "common-public-rental-rent",
    "common-public-rental-tenancy",
    "common-disability-subsidies",
    "common-elderly-allowances",
    "common-funeral-aid",
    "common-orphan",
    "common-appeal-decision",
    "common-medical-insurance-subsidy",
    "gansu-public-rental-rent",
    "gansu-veteran-aid-not-listed",
    "gansu-unemployment-registration",
    "gansu-disability-edge-extension",
    "ningxia-unemployment-registration",
    "shanxi-veteran-aid-not-listed",
    "jinan-licheng-elderly-high-age",
    "jinan-licheng-veteran-not-listed",
    "jinan-licheng-housing",
)

REGION_NAMES = {"gansu": "甘肃", "ningxia": "宁夏", "shanxi": "山西", "jinan-licheng": "历城"}


@pytest.fixture(scope="module")
def index() -> KnowledgeIndex:
    return KnowledgeIndex.build([document_of(c) for c in load_seed()])


def by_id() -> dict[str, dict[str, object]]:
    return {str(e["id"]): e for e in all_entries()}


@pytest.mark.parametrize("entry_id", SILENT_DOCUMENT_ENTRIES)
def test_silent_documents_are_said_plainly_with_an_office(entry_id: str) -> None:
    answer = str(by_id()[entry_id]["answer"])
    assert "没有" in answer, entry_id
    assert any(office in answer for office in OFFICES), entry_id


@pytest.mark.parametrize("entry_id", [i for i in SILENT_DOCUMENT_ENTRIES if "common" not in i])
def test_a_region_entry_names_its_own_region_only(entry_id: str) -> None:
    entry = by_id()[entry_id]
    (region,) = entry["regions"]  # type: ignore[misc]
    text = str(entry["question"]) + str(entry["answer"])
    assert REGION_NAMES[region] in text, entry_id
    others = [name for r, name in REGION_NAMES.items() if r != region and name in text]
    assert others == [], entry_id


@pytest.mark.parametrize(
    "region",
    ["gansu", "ningxia", "shanxi", "jinan-licheng"],
)
def test_every_region_has_unemployment_and_veteran_content(region: str) -> None:
    entries = [e for e in all_entries() if e["regions"] == [region]]
    items = {i for e in entries for i in e["items"]}
    assert "unemployment_registration" in items or "employment_difficulty" in items, region
    assert any("退役军人" in str(e["question"]) for e in entries), region


@pytest.mark.parametrize(
    ("question", "region", "expected"),
    [
        ("医疗救助和医疗保险到底是不是一个东西", None, "common-insurance-vs-medical-aid"),
        (
            "医疗救助没在医院直接减，我回去还能申请吗，要带哪些单据",
            None,
            "common-medical-aid-settlement",
        ),
        ("公租房租金一平米多少钱", None, "common-public-rental-rent"),
        ("住了三年公租房合同快到期了，怎么续签", None, "common-public-rental-tenancy"),
        ("公租房每年还要交收入证明复查吗", None, "common-public-rental-tenancy"),
        ("公租房排了一年还没分到，要等多久", None, "common-public-rental-tenancy"),
        ("孩子父母都去世了，孤儿补贴怎么申请", None, "common-orphan"),
        ("工厂倒闭了，我去哪里做失业登记", None, "common-unemployment-registration"),
        ("在兰州办失业登记要带什么", "gansu", "gansu-unemployment-registration"),
        ("银川的失业登记去哪办", "ningxia", "ningxia-unemployment-registration"),
        ("我是退伍军人，在甘肃生活困难，能申请什么帮扶", "gansu", "gansu-veteran-aid-not-listed"),
        ("退役军人家里困难，在山西找谁", "shanxi", "shanxi-veteran-aid-not-listed"),
        ("历城区退伍老兵生活困难能申请救助吗", "jinan-licheng", "jinan-licheng-veteran-not-listed"),
        ("孩子是自闭症，康复训练费用太高，有救助吗", None, "common-disabled-child-rehab"),
        ("儿子不给我生活费，我能告他吗", None, "common-children-not-supporting"),
        ("残疾证在哪里办", None, "common-disability-subsidies"),
        ("重度残疾人护理补贴一个月多少", None, "common-disability-subsidies"),
        (
            "甘肃边缘户家里的重度残疾人能领残疾人生活补贴吗",
            "gansu",
            "gansu-disability-edge-extension",
        ),
        ("失能老人护理补贴", "gansu", "common-elderly-allowances"),
        ("高龄津贴怎么领", "ningxia", "common-elderly-allowances"),
        ("历城区八十岁老人有高龄津贴吗", "jinan-licheng", "jinan-licheng-elderly-high-age"),
        ("老人去世了家里穷，丧葬费有补助吗", None, "common-funeral-aid"),
        ("甘肃低保户殡葬费能减免吗", "gansu", "gansu-other-aid"),
        ("12345能不能直接帮我把救助办了", None, "common-12345-scope"),
        ("对临时救助决定不服", "gansu", "common-appeal-decision"),
        ("对低保审核结果不服，能申请行政复议吗", None, "common-disagree"),
        ("村干部办低保收好处，我要投诉", None, "common-complain-handling"),
        ("历城区住房困难能申请公租房吗", "jinan-licheng", "jinan-licheng-housing"),
        ("吃低保的人居民医保要不要自己交钱", "ningxia", "common-medical-insurance-subsidy"),
        ("特困老人的合作医疗费是政府出吗", None, "common-medical-insurance-subsidy"),
    ],
)
def test_citizen_wording_reaches_the_entry(
    index: KnowledgeIndex, question: str, region: str | None, expected: str
) -> None:
    assert index.document(expected) is not None, "seed entry renamed?"
    hits = index.search(question, region, k=3)
    assert expected in [h.entry_id for h in hits]


def test_a_premium_question_gets_the_premium_entry_and_a_region_its_own(
    index: KnowledgeIndex,
) -> None:
    # Paying the 居民医保 premium is its own question (national: full for 特困, a fixed amount
    # for 低保); 甘肃's seed says it for 甘肃 callers.
    answer = index.answer("家里是低保户，居民医保的钱自己交不起，政府给不给补", None)
    assert answer.entry is not None
    assert answer.entry.entry_id == "common-medical-insurance-subsidy"
    answer = index.answer("家里是低保户，居民医保的钱自己交不起，政府给不给补", "gansu")
    assert answer.entry is not None and answer.entry.entry_id == "gansu-medical-aid-insurance"
