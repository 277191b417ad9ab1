"""The knowledge-base seed content (bot/kb/seed) and its held-out evaluation set (nlu/data/kb_eval).

Checks the data itself: strict loading, the agreed entry format, valid ids, sources that exist in
../shared, coverage of every (region, item) pair the region guides name, and evaluation
questions that point at real entries without repeating an entry's own wording.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from guides.catalog import all_guides
from guides.ids import ItemId, RegionId
from guides.yamlio import read_yaml

ROOT = Path(__file__).parents[2]
SHARED = ROOT / ".." / "shared"
SEED_DIR = ROOT / "bot" / "kb" / "seed"
EVAL_DIR = ROOT / "nlu" / "data" / "kb_eval"

ENTRY_KEYS = {
    "id",
    "question",
    "similar",
    "answer",
    "regions",
    "items",
    "tags",
    "source",
    "effective_from",
}
SEED_FILES = {"gansu", "ningxia", "shanxi", "jinan-licheng", "common"}
ID_PATTERN = re.compile(r"^(gansu|ningxia|shanxi|jinan-licheng|common)-[a-z0-9]+(-[a-z0-9]+)*$")
ASPECT_TAGS = {
    "受理条件",
    "材料",
    "办理渠道",
    "办理时限",
    "办理时间",
    "流程",
    "结果查询",
    "收费",
    "咨询电话",
    "政策解释",
}
REGIONS = {r.value for r in RegionId}
ITEMS = {i.value for i in ItemId}

# The items each region's seed document names (ARCHITECTURE.md glossary, seeds 000–004); the
# pairs the region guides name are added to these at test time.
SEED_NAMED_PAIRS: dict[str, set[str]] = {
    "gansu": {
        "low_income",
        "dibao",
        "tekun",
        "dibao_edge",
        "rigid_expense",
        "temporary_aid",
        "student_loan",
        "public_rental_housing",
        "medical_aid",
        "employment_aid",
    },
    "ningxia": {
        "dibao",
        "tekun",
        "dibao_edge",
        "rigid_expense",
        "relapse_monitoring",
        "temporary_aid",
        "medical_aid",
        "veteran_aid",
        "student_loan",
        "public_rental_housing",
        "rural_housing_renovation",
        "employment_aid",
        "employment_difficulty",
    },
    "shanxi": {
        "low_income",
        "dibao",
        "tekun",
        "dibao_edge",
        "rigid_expense",
        "illness_poverty",
        "temporary_aid",
        "medical_aid",
        "student_loan",
        "public_rental_housing",
        "rural_housing_renovation",
        "employment_aid",
    },
    "jinan-licheng": {
        "dibao",
        "tekun",
        "temporary_aid",
        "elderly_subsidy",
        "employment_difficulty",
        "unemployment_registration",
    },
}


def normalize(text: str) -> str:
    """Drop whitespace and punctuation, fold width, so wording differences are what remain."""
    folded = unicodedata.normalize("NFKC", text)
    return "".join(
        ch for ch in folded if not ch.isspace() and not unicodedata.category(ch).startswith("P")
    ).lower()


@cache
def seed_files() -> dict[str, list[dict[str, Any]]]:
    files: dict[str, list[dict[str, Any]]] = {}
    for path in sorted(SEED_DIR.glob("*.yml")):
        data = read_yaml(path)
        assert isinstance(data, dict) and set(data) == {"entries"}, path.name
        assert isinstance(data["entries"], list), path.name
        files[path.stem] = data["entries"]
    return files


def all_entries() -> list[dict[str, Any]]:
    return [e for entries in seed_files().values() for e in entries]


def paraphrases() -> list[dict[str, Any]]:
    data = read_yaml(EVAL_DIR / "paraphrases.yml")
    assert isinstance(data, list)
    return data


def out_of_scope() -> list[dict[str, Any]]:
    data = read_yaml(EVAL_DIR / "out_of_scope.yml")
    assert isinstance(data, list)
    return data


def test_seed_files_are_the_agreed_ones() -> None:
    assert set(seed_files()) == SEED_FILES


def test_enough_entries_with_unique_ids() -> None:
    ids = [e["id"] for e in all_entries()]
    assert len(ids) >= 250
    duplicates = [i for i, n in Counter(ids).items() if n > 1]
    assert duplicates == []


@pytest.mark.parametrize("stem", sorted(SEED_FILES))
def test_entries_follow_the_agreed_format(stem: str) -> None:
    for e in seed_files()[stem]:
        where = f"{stem}.yml {e.get('id')}"
        assert set(e) == ENTRY_KEYS, where
        assert ID_PATTERN.match(e["id"]), where
        assert e["id"].startswith(f"{stem}-"), where
        assert isinstance(e["question"], str) and len(e["question"]) >= 4, where
        assert isinstance(e["similar"], list) and 3 <= len(e["similar"]) <= 20, where
        assert all(isinstance(s, str) and s.strip() for s in e["similar"]), where
        forms = [normalize(e["question"]), *(normalize(s) for s in e["similar"])]
        assert len(set(forms)) == len(forms), f"{where}: repeated question wording"
        assert isinstance(e["answer"], str) and 8 <= len(e["answer"]) <= 260, where
        assert isinstance(e["effective_from"], dt.date), where
        assert e["tags"] and set(e["tags"]) <= ASPECT_TAGS, where
        expected_regions = ["all"] if stem == "common" else [stem]
        assert e["regions"] == expected_regions, where


def test_region_and_item_ids_are_from_the_glossary() -> None:
    for e in all_entries():
        assert e["regions"] == ["all"] or set(e["regions"]) <= REGIONS, e["id"]
        assert isinstance(e["items"], list), e["id"]
        assert set(e["items"]) <= ITEMS, e["id"]
        assert len(set(e["items"])) == len(e["items"]), e["id"]


def test_sources_name_an_existing_document_and_a_section() -> None:
    seeds = {p.name for p in (SHARED / "seeds").glob("*.txt")}
    national = {p.name for p in (SHARED / "reference" / "national").glob("*.txt")}
    assert seeds and national
    for e in all_entries():
        source = e["source"]
        assert isinstance(source, dict) and set(source) <= {"seed", "national", "section"}
        origins = [k for k in ("seed", "national") if k in source]
        assert len(origins) == 1, e["id"]
        assert str(source.get("section", "")).strip(), e["id"]
        if "seed" in source:
            assert source["seed"] in seeds, e["id"]
        else:
            assert source["national"] in national, e["id"]


def test_every_region_item_pair_has_three_entries() -> None:
    pairs = {(region, item) for region, items in SEED_NAMED_PAIRS.items() for item in items}
    for region, guide in all_guides().items():
        pairs |= {(region.value, item.value) for item in guide.item_ids}
    counts: Counter[tuple[str, str]] = Counter(
        (region, item) for e in all_entries() for region in e["regions"] for item in e["items"]
    )
    thin = sorted(f"{r}/{i}: {counts[(r, i)]}" for r, i in pairs if counts[(r, i)] < 3)
    assert thin == []


def test_honest_entries_exist_for_figures_the_seeds_do_not_give() -> None:
    by_id = {e["id"]: e for e in all_entries()}
    for entry_id in (
        "gansu-dibao-standard-unknown",
        "jinan-licheng-dibao-standard-unknown",
        "common-dibao-standard",
    ):
        answer = by_id[entry_id]["answer"]
        assert "没有" in answer and "12345" in answer, entry_id


def test_paraphrases_are_enough_and_point_at_entries() -> None:
    cases = paraphrases()
    ids = {e["id"] for e in all_entries()}
    assert len(cases) >= 300
    for c in cases:
        assert set(c) == {"q", "expected", "region"}, c
        assert c["expected"] in ids, c
        assert c["region"] is None or c["region"] in REGIONS, c
    regions_used = {c["region"] for c in cases}
    assert REGIONS | {None} <= regions_used
    prefixes = {c["expected"].split("-")[0] for c in cases}
    assert {"gansu", "ningxia", "shanxi", "jinan", "common"} <= prefixes


def test_eval_questions_are_worded_differently_from_entries() -> None:
    entry_forms = {
        normalize(text): e["id"] for e in all_entries() for text in (e["question"], *e["similar"])
    }
    eval_questions = [c["q"] for c in paraphrases()] + [c["q"] for c in out_of_scope()]
    repeated = [q for q in eval_questions if normalize(q) in entry_forms]
    assert repeated == []
    normalized = [normalize(q) for q in eval_questions]
    assert len(set(normalized)) == len(normalized), "an eval question appears twice"


def test_out_of_scope_questions() -> None:
    cases = out_of_scope()
    assert len(cases) >= 80
    for c in cases:
        assert set(c) == {"q"} and isinstance(c["q"], str) and c["q"].strip(), c
