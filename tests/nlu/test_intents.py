"""The intent classifier: data shape, training, persistence, cache invalidation, accuracy."""

from __future__ import annotations

import re
import shutil
import unicodedata
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from nlu import intents
from nlu.intents import (
    HELDOUT_FILE,
    TRAIN_FILE,
    IntentClassifier,
    load_examples,
    load_or_train,
    parse_annotated,
)

REQUIRED_INTENTS = {
    "start_application",
    "ask_policy",
    "answer",
    "correct",
    "go_back",
    "skip",
    "restart",
    "handoff",
    "greet",
    "thanks",
    "goodbye",
    "complaint",
    "out_of_scope",
}


def _norm(text: str) -> str:
    return re.sub(r"[^0-9a-z\u3400-\u9fff]", "", unicodedata.normalize("NFKC", text).lower())


@pytest.fixture(scope="module")
def classifier() -> IntentClassifier:
    """The service's own model, from the shared cache (trained at most once per data hash)."""
    return intents.get_classifier()


def test_annotations_are_stripped_with_spans() -> None:
    text, ents = parse_annotated(
        '家里[三]{"entity": "count", "value": "3"}口人，收入[1200](amount)'
    )
    assert text == "家里三口人，收入1200"
    assert [(e.type, e.value, e.text) for e in ents] == [
        ("count", "3", "三"),
        ("amount", "1200", "1200"),
    ]
    for e in ents:
        assert text[e.start : e.end] == e.text


def test_training_data_covers_every_intent() -> None:
    counts = Counter(e.intent for e in load_examples(TRAIN_FILE))
    assert set(counts) >= REQUIRED_INTENTS
    assert min(counts.values()) >= 25
    assert sum(counts.values()) >= 500
    assert "[" not in "".join(e.text for e in load_examples(TRAIN_FILE))


def test_heldout_is_disjoint_and_covers_every_intent() -> None:
    train = {_norm(e.text) for e in load_examples(TRAIN_FILE)}
    heldout = load_examples(HELDOUT_FILE)
    assert len(heldout) >= 150
    assert {e.intent for e in heldout} >= REQUIRED_INTENTS
    overlap = sorted(e.text for e in heldout if _norm(e.text) in train)
    assert overlap == []


def test_heldout_accuracy_floor(classifier: IntentClassifier) -> None:
    heldout = load_examples(HELDOUT_FILE)
    correct = sum(classifier.predict_intent(e.text) == e.intent for e in heldout)
    assert correct / len(heldout) >= 0.80


def test_predict_returns_a_ranked_parse(classifier: IntentClassifier) -> None:
    parse = classifier.predict("我想问一下申请低保要带什么材料")
    assert parse.intent == "ask_policy"
    assert len(parse.ranking) == 3
    assert parse.ranking[0] == (parse.intent, parse.confidence)
    confidences = [c for _, c in parse.ranking]
    assert confidences == sorted(confidences, reverse=True)
    assert 0.0 < parse.confidence <= 1.0


def test_fast_path_matches_the_pipeline(classifier: IntentClassifier) -> None:
    texts = [e.text for e in load_examples(HELDOUT_FILE)]
    fast = np.array([classifier.ranking(t, len(classifier.labels)) for t in texts], dtype=object)
    reference = classifier.proba_batch(texts)
    for row, ref in zip(fast, reference, strict=True):
        by_label = {label: conf for label, conf in row}
        assert np.allclose([by_label[lab] for lab in classifier.labels], ref, atol=1e-9)


def test_both_candidate_models_train() -> None:
    examples = load_examples(TRAIN_FILE)
    for name in ("logreg", "svc"):
        clf = IntentClassifier().train(examples, model=name)
        assert clf.model_name == name
        assert clf.predict_intent("转人工") == "handoff"
    with pytest.raises(ValueError):
        IntentClassifier().train(examples, model="nope")


def test_save_load_round_trip(classifier: IntentClassifier, tmp_path: Path) -> None:
    path = tmp_path / "m.joblib"
    classifier.save(path)
    loaded = IntentClassifier.load(path)
    texts = [e.text for e in load_examples(HELDOUT_FILE)]
    assert loaded.labels == classifier.labels
    assert [loaded.ranking(t) for t in texts] == [classifier.ranking(t) for t in texts]


def test_cache_is_reused_then_rebuilt_when_data_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "nlu.yml"
    shutil.copy(TRAIN_FILE, data)
    models = tmp_path / "models"
    first = load_or_train(data, models)
    assert len(list(models.glob("intents-*.joblib"))) == 1

    def no_training(self: IntentClassifier, *args: object, **kwargs: object) -> None:
        raise AssertionError("should have loaded the cached model")

    with monkeypatch.context() as m:
        m.setattr(IntentClassifier, "train", no_training)
        again = load_or_train(data, models)
    assert again.data_hash == first.data_hash

    extra = "\n- intent: ask_weather\n  examples: |\n" + "".join(
        f"    - {w}天气怎么样\n" for w in ("今天", "明天", "后天", "周末", "下午", "晚上")
    )
    data.write_text(data.read_text(encoding="utf-8") + extra, encoding="utf-8")
    rebuilt = load_or_train(data, models)
    assert rebuilt.data_hash != first.data_hash
    assert "ask_weather" in rebuilt.labels
    assert "ask_weather" not in first.labels
    assert len(list(models.glob("intents-*.joblib"))) == 2


def test_model_dir_from_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SHEJIU_MODEL_DIR", str(tmp_path))
    assert intents.model_dir() == tmp_path
    monkeypatch.delenv("SHEJIU_MODEL_DIR")
    # under the project, whatever the working directory (never cwd-relative)
    monkeypatch.chdir(tmp_path)
    assert intents.model_dir() == Path(intents.__file__).resolve().parent.parent / "var" / "models"
    monkeypatch.setenv("SHEJIU_DATA_DIR", str(tmp_path / "data"))
    assert intents.model_dir() == tmp_path / "data" / "models"


def test_bad_data_file_fails_loudly(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text('version: "3.1"\nnlu:\n- intent: greet\n  examples: |\n    你好\n', "utf-8")
    with pytest.raises(ValueError, match="must start with"):
        load_examples(bad)
