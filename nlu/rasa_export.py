"""Export our intent data as a trainable Rasa 3.x project.

    python -m nlu.rasa_export OUTDIR
    cd OUTDIR && rasa train nlu && rasa run --enable-api   # then nlu.backend kind "rasa"

Writes config.yml (JiebaTokenizer with our domain dictionary, regex + word and char_wb
count-vector features, DIETClassifier, EntitySynonymMapper), domain.yml (intents, entities)
and data/nlu.yml (our examples with their entity annotations, plus synonyms and regexes).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from nlu.intents import TRAIN_FILE, Example, load_examples
from nlu.tokenize import DOMAIN_DICT, lexicon_terms

RASA_VERSION = "3.1"
JIEBA_DIR = "jieba_dict"

# Regexes for RegexFeaturizer: ID numbers and mobile phones have a fixed shape.
REGEXES: dict[str, list[str]] = {
    "id_number": [r"\d{17}[\dXx]"],
    "phone": [r"1[3-9]\d{9}"],
}


def rasa_config() -> dict[str, Any]:
    return {
        "recipe": "default.v1",
        "language": "zh",
        "assistant_id": "shejiu-yijianshi",
        "pipeline": [
            {"name": "JiebaTokenizer", "dictionary_path": JIEBA_DIR},
            {"name": "RegexFeaturizer"},
            {"name": "CountVectorsFeaturizer"},
            {
                "name": "CountVectorsFeaturizer",
                "analyzer": "char_wb",
                "min_ngram": 1,
                "max_ngram": 4,
            },
            {"name": "DIETClassifier", "epochs": 100, "constrain_similarities": True},
            {"name": "EntitySynonymMapper"},
        ],
        "policies": [{"name": "RulePolicy"}],
    }


def intents_of(examples: Sequence[Example]) -> list[str]:
    return list(dict.fromkeys(e.intent for e in examples))


def entities_of(examples: Sequence[Example]) -> list[str]:
    return sorted({ent.type for e in examples for ent in e.entities} | set(REGEXES))


def rasa_domain(examples: Sequence[Example]) -> dict[str, Any]:
    return {
        "version": RASA_VERSION,
        "intents": intents_of(examples),
        "entities": entities_of(examples),
        "session_config": {"session_expiration_time": 60, "carry_over_slots_to_new_session": True},
    }


def synonyms_of(examples: Sequence[Example]) -> dict[str, list[str]]:
    """Normalised value -> surface forms, where they differ (for EntitySynonymMapper)."""
    found: dict[str, set[str]] = {}
    for example in examples:
        for ent in example.entities:
            if ent.value != ent.text and not ent.value.replace(".", "").isdigit():
                found.setdefault(ent.value, set()).add(ent.text)
    return {value: sorted(texts) for value, texts in sorted(found.items())}


def _block(lines: Sequence[str]) -> str:
    return "".join(f"    - {line}\n" for line in lines)


def rasa_nlu_yaml(examples: Sequence[Example]) -> str:
    """data/nlu.yml text: examples keep their annotation syntax verbatim."""
    out = [f'version: "{RASA_VERSION}"\n\nnlu:\n']
    for intent in intents_of(examples):
        raws = [e.raw or e.text for e in examples if e.intent == intent]
        out.append(f"- intent: {intent}\n  examples: |\n{_block(raws)}")
    for value, texts in synonyms_of(examples).items():
        out.append(f"- synonym: {json.dumps(value)}\n  examples: |\n{_block(texts)}")
    for name, patterns in REGEXES.items():
        out.append(f"- regex: {name}\n  examples: |\n{_block(patterns)}")
    return "".join(out)


def jieba_dictionary() -> str:
    """Our domain dictionary plus the lexicon terms, in jieba's user-dictionary format."""
    lines = DOMAIN_DICT.read_text(encoding="utf-8").splitlines()
    known = {line.split()[0] for line in lines if line.strip()}
    extra = [f"{t} 800" for t in lexicon_terms() if t not in known and " " not in t]
    return "\n".join([*lines, *extra]) + "\n"


def export(outdir: Path, train_file: Path = TRAIN_FILE) -> list[Path]:
    """Write the Rasa project under `outdir`; return the files written."""
    examples = load_examples(train_file)
    files = {
        outdir / "config.yml": yaml.safe_dump(rasa_config(), allow_unicode=True, sort_keys=False),
        outdir / "domain.yml": yaml.safe_dump(
            rasa_domain(examples), allow_unicode=True, sort_keys=False
        ),
        outdir / "data" / "nlu.yml": rasa_nlu_yaml(examples),
        outdir / JIEBA_DIR / "domain_dict.txt": jieba_dictionary(),
    }
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return list(files)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Export the intent data as a Rasa 3.x project")
    parser.add_argument("outdir", type=Path)
    args = parser.parse_args(argv)
    for path in export(args.outdir):
        print(path)


if __name__ == "__main__":
    main()
