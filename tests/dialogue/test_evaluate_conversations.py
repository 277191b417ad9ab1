"""The conversation evaluator reports failing and stuck scripts instead of stopping on them.

Uses its own scripts in a temporary directory, never dialogue/eval/conversations (held-out
evaluation data is not run as pass/fail tests)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from dialogue.evaluate_conversations import main, opening_as_answer
from dialogue.scripting import SCRIPTS, Script, load_scripts
from guides.ids import ItemId, Outcome
from guides.yamlio import load_model


def _base() -> Script:
    return load_model(SCRIPTS / "jinan_tekun.yml", Script)


def _write(directory: Path, script: Script) -> None:
    data = script.model_dump(mode="json", exclude_defaults=True)
    path = directory / f"{script.name}.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def test_reports_right_wrong_and_stuck_scripts(
    tmp_path: Path,
    redis_url: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    base = _base()
    _write(tmp_path, base.model_copy(update={"name": "a_right"}))
    wrong = base.final.model_copy(update={"outcomes": {ItemId.TEKUN: [Outcome.UNLIKELY]},
                                          "facts": {"household_size": 7}})  # fmt: skip
    _write(tmp_path, base.model_copy(update={"name": "b_wrong", "final": wrong}))
    # an unclear answer is left as 不清楚 after three tries, but "转人工" keeps the question open
    persona = {**base.persona, "household_size": "转人工"}
    _write(tmp_path, base.model_copy(update={"name": "c_stuck", "persona": persona}))
    monkeypatch.setenv("REDIS_URL", redis_url)

    results = {r.name: r for r in main(["--dir", str(tmp_path)])}
    printed = capsys.readouterr().out

    assert results["a_right"].fully_right
    assert results["a_right"].questions > 0
    assert results["b_wrong"].reached and not results["b_wrong"].fully_right
    assert any(p.startswith("tekun:") for p in results["b_wrong"].problems)
    assert any(p.startswith("household_size =") for p in results["b_wrong"].problems)
    assert not results["c_stuck"].reached
    assert (
        results["c_stuck"].error is not None and "stuck: household_size" in results["c_stuck"].error
    )
    assert "fully right (result reached, every expected outcome and fact): 1/3" in printed
    assert "over 15:" in printed


def test_opening_as_answer_moves_the_opening_after_the_welcome() -> None:
    script = _base()
    moved = opening_as_answer(script)
    assert moved.start is None
    assert moved.steps[0].say == script.start
    assert moved.steps[1:] == script.steps


def test_eval_conversations_load_and_cover_every_region() -> None:
    scripts = load_scripts(Path(__file__).resolve().parents[2] / "dialogue/eval/conversations")
    assert len(scripts) >= 30
    assert {s.region for s in scripts} == {"gansu", "ningxia", "shanxi", "jinan-licheng"}
    assert all(s.start and 100 <= len(s.start) <= 300 for s in scripts)
