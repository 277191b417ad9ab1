"""The Rasa export is a well-formed Rasa 3.x project holding all our data."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

from nlu.intents import TRAIN_FILE, load_examples, parse_annotated
from nlu.rasa_export import export


def _exported(tmp_path: Path) -> Path:
    out = tmp_path / "rasa"
    subprocess.run([sys.executable, "-m", "nlu.rasa_export", str(out)], check=True)
    return out


def test_export_is_a_rasa_project(tmp_path: Path) -> None:
    out = _exported(tmp_path)
    config = yaml.safe_load((out / "config.yml").read_text(encoding="utf-8"))
    domain = yaml.safe_load((out / "domain.yml").read_text(encoding="utf-8"))
    data = yaml.safe_load((out / "data" / "nlu.yml").read_text(encoding="utf-8"))

    assert config["language"] == "zh"
    names = [c["name"] for c in config["pipeline"]]
    assert names[0] == "JiebaTokenizer"
    assert "DIETClassifier" in names
    assert "LanguageModelFeaturizer" not in names
    char = [c for c in config["pipeline"] if c.get("analyzer") == "char_wb"]
    assert char and (char[0]["min_ngram"], char[0]["max_ngram"]) == (1, 4)
    jieba_dir = out / config["pipeline"][0]["dictionary_path"]
    assert "低保边缘" in (jieba_dir / "domain_dict.txt").read_text(encoding="utf-8")

    ours = load_examples(TRAIN_FILE)
    assert domain["version"] == "3.1" and data["version"] == "3.1"
    assert set(domain["intents"]) == {e.intent for e in ours}
    assert set(domain["entities"]) >= {ent.type for e in ours for ent in e.entities}


def test_examples_keep_their_annotations(tmp_path: Path) -> None:
    out = tmp_path / "rasa"
    export(out)
    data = yaml.safe_load((out / "data" / "nlu.yml").read_text(encoding="utf-8"))
    exported: list[tuple[str, str]] = []
    for block in data["nlu"]:
        if "intent" in block:
            exported += [
                (block["intent"], line.strip()[2:])
                for line in block["examples"].splitlines()
                if line.strip()
            ]
    ours = load_examples(TRAIN_FILE)
    assert exported == [(e.intent, e.raw) for e in ours]
    for (_, raw), example in zip(exported, ours, strict=True):
        text, entities = parse_annotated(raw)
        assert (text, entities) == (example.text, example.entities)
    assert any("]{" in raw for _, raw in exported) and any("](" in raw for _, raw in exported)

    synonyms = {b["synonym"]: b["examples"] for b in data["nlu"] if "synonym" in b}
    assert "底保" in synonyms["dibao"]
    regexes = {b["regex"] for b in data["nlu"] if "regex" in b}
    assert regexes == {"id_number", "phone"}
