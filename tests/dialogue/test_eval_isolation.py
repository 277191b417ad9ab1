"""Held-out evaluation data never feeds training, synonyms, lexicons or rules.

Every utterance of the evaluation sets (dialogue/eval/ with its conversations/, nlu/eval/) is checked against the data
files the parsers and the classifier learn from or match against: a longer utterance may not
occur in them at all, a short one (common words like "不是") may not be a whole entry.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
EVAL_DIRS = [
    ROOT / "dialogue" / "eval",
    ROOT / "dialogue" / "eval" / "conversations",  # held-out conversation scripts
    ROOT / "nlu" / "eval",
]
TRAINING_FILES = sorted(
    [
        *(ROOT / "nlu" / "data").glob("*.yml"),
        *(ROOT / "nlu" / "data").glob("*.txt"),
        *(ROOT / "dialogue" / "data").glob("*.yml"),
    ]
)
WHOLE_ENTRY_BELOW = 5  # characters: shorter utterances are checked as whole entries only


def _strings(node: object) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for value in node.values() for s in _strings(value)]
    if isinstance(node, list):
        return [s for value in node for s in _strings(value)]
    return []


def eval_utterances() -> list[str]:
    texts: list[str] = []
    for directory in EVAL_DIRS:
        for path in sorted(directory.glob("*.yml")):
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            texts += [t for t in _strings(data) if re.search(r"[\u4e00-\u9fff]", t)]
    return texts


def test_eval_sets_exist() -> None:
    assert len(eval_utterances()) >= 200


def test_no_eval_utterance_in_training_or_synonym_data() -> None:
    corpus = {p: p.read_text(encoding="utf-8") for p in TRAINING_FILES}
    leaks = []
    for text in set(eval_utterances()):
        if len(text) >= WHOLE_ENTRY_BELOW:
            hits = [p.name for p, body in corpus.items() if text in body]
        else:
            entry = re.compile(
                rf"(?:^|[-:\[,]\s*)['\"]?{re.escape(text)}['\"]?\s*(?:$|[,\]#])", re.M
            )
            hits = [p.name for p, body in corpus.items() if entry.search(body)]
        if hits:
            leaks.append(f"{text} in {hits}")
    assert not leaks, leaks
