"""The held-out households are for measuring only: no rule, data file or other module reads
them, so screening can never be tuned to them by reading them."""

from __future__ import annotations

from pathlib import Path

import pytest

from guides import evaluate

ROOT = Path(__file__).resolve().parents[2]
NAMES = [path.name for path in evaluate.SETS.values()]
ALLOWED = {ROOT / "guides" / "evaluate.py", Path(__file__).resolve()}
SCANNED = ("*.py", "*.yml", "*.yaml", "*.json", "*.toml")
SKIPPED_DIRS = {".venv", ".git", "node_modules", "var", "artifacts"}


def _files() -> list[Path]:
    found: list[Path] = []
    for pattern in SCANNED:
        for path in ROOT.rglob(pattern):
            if SKIPPED_DIRS & set(path.relative_to(ROOT).parts):
                continue
            if path in evaluate.SETS.values():
                continue
            found.append(path)
    return found


def test_only_the_evaluation_reads_the_heldout_file() -> None:
    readers = [
        str(p.relative_to(ROOT))
        for p in _files()
        if p.resolve() not in ALLOWED
        and any(name in p.read_text(encoding="utf-8", errors="ignore") for name in NAMES)
    ]
    assert readers == []


def test_the_heldout_file_is_outside_the_data_and_case_trees() -> None:
    for path in evaluate.SETS.values():
        held = path.resolve()
        for tree in (ROOT / "guides" / "data", ROOT / "tests" / "guides" / "cases"):
            assert tree.resolve() not in held.parents


def test_screening_modules_do_not_import_the_evaluation() -> None:
    for path in (ROOT / "guides").rglob("*.py"):
        if path.name in ("evaluate.py",):
            continue
        text = path.read_text(encoding="utf-8")
        assert "guides.evaluate" not in text and "from guides import evaluate" not in text, path


@pytest.mark.parametrize(
    ("name", "at_least"), [("heldout", 60), ("heldout2", 25), ("heldout3", 50)]
)
def test_every_expected_verdict_names_its_clause(name: str, at_least: int) -> None:
    households = evaluate.load(evaluate.SETS[name])
    assert len(households) >= at_least
    assert {h["region"] for h in households} == {"gansu", "shanxi", "ningxia", "jinan-licheng"}
    ids = [h["id"] for h in households]
    assert len(ids) == len(set(ids))
    for household in households:
        for item, (verdict, clause) in household["expect"].items():
            assert verdict in ("likely", "possible", "unlikely", "need_info"), (
                household["id"],
                item,
            )
            assert clause.strip(), (household["id"], item)


def test_the_evaluation_reads_every_set_in_the_eval_folder() -> None:
    on_disk = set((ROOT / "guides" / "eval").glob("households_heldout*.yml"))
    assert on_disk == set(evaluate.SETS.values())
