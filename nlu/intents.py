"""In-process intent classifier trained on the Rasa-format data in nlu/data/nlu.yml.

Features: TF-IDF over character 1-3-grams plus TF-IDF over jieba words (nlu.tokenize).
Model: LogisticRegression or a calibrated LinearSVC, whichever scores better on 5-fold
cross-validation at training time. Single-message prediction skips scikit-learn's per-call
overhead: vocabularies, idf weights and coefficients are precomputed into plain arrays.

The trained model is cached under SHEJIU_MODEL_DIR (default models/ in the data directory), keyed by a hash of
the training data, the tokenizer dictionaries and CODE_VERSION, so it retrains when any changes.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import logging
import math
import os
import re
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import joblib
import numpy as np
import sklearn
import yaml
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_score
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.svm import LinearSVC

from guides.datadir import under_data_dir
from nlu.tokenize import DOMAIN_DICT, char_ngrams, tokenize
from nlu.types import Entity, Parse

log = logging.getLogger(__name__)

CODE_VERSION = "intents-2"
# The model the service trains. Chosen offline by `python -m nlu.evaluate_intents` (its 5-fold
# cross-validation compares the candidates); start-up fits only this one, in well under a second.
SERVICE_MODEL = "svc"
DATA_DIR = Path(__file__).parent / "data"
TRAIN_FILE = DATA_DIR / "nlu.yml"
HELDOUT_FILE = DATA_DIR / "nlu_heldout.yml"
LEXICON_FILE = DATA_DIR / "lexicon.yml"
TOP_K = 3

# [text](type) or [text]{"entity": "type", "value": "..."}
_ANNOTATION = re.compile(r"\[(?P<text>[^\]]+)\](?:\((?P<type>[^)]+)\)|(?P<json>\{[^}]*\}))")


@dataclass(frozen=True)
class AnnotatedEntity:
    """An entity marked in the training data; `value` is the normalised value as a string."""

    type: str
    value: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Example:
    """One training example: plain text (annotations stripped) and its intent."""

    text: str
    intent: str
    entities: tuple[AnnotatedEntity, ...] = ()
    raw: str = ""


def parse_annotated(raw: str) -> tuple[str, tuple[AnnotatedEntity, ...]]:
    """Strip Rasa entity annotations from `raw`; return the plain text and the entities."""
    parts: list[str] = []
    entities: list[AnnotatedEntity] = []
    pos = 0
    length = 0
    for m in _ANNOTATION.finditer(raw):
        before = raw[pos : m.start()]
        parts.append(before)
        length += len(before)
        text = m.group("text")
        if m.group("json"):
            spec = json.loads(m.group("json"))
            etype, value = str(spec["entity"]), str(spec.get("value", text))
        else:
            etype, value = m.group("type"), text
        entities.append(AnnotatedEntity(etype, value, text, length, length + len(text)))
        parts.append(text)
        length += len(text)
        pos = m.end()
    parts.append(raw[pos:])
    return "".join(parts), tuple(entities)


def load_examples(path: Path = TRAIN_FILE) -> list[Example]:
    """Read a Rasa 3.x NLU file; strict about its shape so a bad file fails loudly."""
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(doc, dict) or not isinstance(doc.get("nlu"), list):
        raise ValueError(f"{path}: expected a mapping with an 'nlu' list")
    examples: list[Example] = []
    for i, block in enumerate(doc["nlu"]):
        if not isinstance(block, dict) or set(block) != {"intent", "examples"}:
            raise ValueError(f"{path}: nlu[{i}] must have exactly 'intent' and 'examples'")
        intent = str(block["intent"])
        for line in str(block["examples"]).splitlines():
            line = line.strip()
            if not line:
                continue
            if not line.startswith("- "):
                raise ValueError(f"{path}: intent {intent}: example must start with '- ': {line}")
            raw = line[2:].strip()
            text, entities = parse_annotated(raw)
            examples.append(Example(text=text, intent=intent, entities=entities, raw=raw))
    return examples


def _word_analyzer(text: str) -> list[str]:
    return tokenize(text)


def _char_analyzer(text: str) -> list[str]:
    return char_ngrams(text, 1, 3)


def _features() -> FeatureUnion:
    return FeatureUnion(
        [
            ("char", TfidfVectorizer(analyzer=_char_analyzer, sublinear_tf=True)),
            ("word", TfidfVectorizer(analyzer=_word_analyzer, sublinear_tf=True)),
        ]
    )


def _candidates() -> dict[str, Callable[[], Any]]:
    return {
        "logreg": lambda: LogisticRegression(C=20.0, max_iter=2000),
        "svc": lambda: CalibratedClassifierCV(LinearSVC(C=0.5), cv=3, ensemble=False),
    }


@dataclass
class _Block:
    """One TF-IDF vectorizer as plain data: term -> column, idf per column."""

    analyzer: Callable[[str], list[str]]
    vocab: dict[str, int]
    idf: np.ndarray
    offset: int


@dataclass
class _FastModel:
    """Precomputed arrays for the single-message path (equal to the pipeline's output)."""

    blocks: list[_Block]
    weights: np.ndarray  # (n_classes, n_features) for decision scores
    bias: np.ndarray
    calib: np.ndarray | None = None  # (n_classes, 2) sigmoid a, b for the calibrated SVC

    def proba(self, text: str) -> np.ndarray:
        scores = self.bias.copy()
        for block in self.blocks:
            counts = Counter(g for g in block.analyzer(text) if g in block.vocab)
            if not counts:
                continue
            cols = np.fromiter((block.vocab[g] for g in counts), dtype=np.int64)
            vals = np.fromiter((1.0 + math.log(c) for c in counts.values()), dtype=np.float64)
            vals *= block.idf[cols]
            vals /= np.linalg.norm(vals)
            scores += self.weights[:, cols + block.offset] @ vals
        if self.calib is None:
            exp = np.exp(scores - scores.max())
            return exp / exp.sum()
        probs = 1.0 / (1.0 + np.exp(self.calib[:, 0] * scores + self.calib[:, 1]))
        total = probs.sum()
        return probs / total if total > 0 else np.full(len(probs), 1.0 / len(probs))


def _fast_model(pipeline: Pipeline) -> _FastModel:
    union: FeatureUnion = pipeline.named_steps["features"]
    blocks: list[_Block] = []
    offset = 0
    for _, vec in union.transformer_list:
        blocks.append(_Block(vec.analyzer, dict(vec.vocabulary_), vec.idf_.copy(), offset))
        offset += len(vec.vocabulary_)
    clf = pipeline.named_steps["clf"]
    if isinstance(clf, LogisticRegression):
        return _FastModel(blocks, np.asarray(clf.coef_), np.asarray(clf.intercept_))
    calibrated = clf.calibrated_classifiers_[0]
    svc = calibrated.estimator
    calib = np.array([[c.a_, c.b_] for c in calibrated.calibrators])
    return _FastModel(blocks, np.asarray(svc.coef_), np.asarray(svc.intercept_), calib)


def _extract_entities(text: str) -> tuple[Entity, ...]:
    """Entities from nlu.entities.extract_entities (imported lazily); () if absent."""
    try:
        module = importlib.import_module("nlu.entities")
    except ImportError:
        return ()
    return tuple(module.extract_entities(text))


@dataclass
class IntentClassifier:
    """Train on examples, predict a Parse; persists with joblib."""

    model_name: str = ""
    labels: tuple[str, ...] = ()
    cv_scores: dict[str, float] = field(default_factory=dict)
    train_seconds: float = 0.0
    data_hash: str = ""
    _pipeline: Pipeline | None = None
    _fast: _FastModel | None = None

    def train(self, examples: Sequence[Example], model: str | None = None) -> IntentClassifier:
        """Fit; without `model`, pick the candidate with the best 5-fold CV accuracy."""
        if not examples:
            raise ValueError("no training examples")
        started = time.perf_counter()
        texts = [e.text for e in examples]
        intents = [e.intent for e in examples]
        candidates = _candidates()
        if model is None:
            folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
            for name, make in candidates.items():
                pipe = Pipeline([("features", _features()), ("clf", make())])
                self.cv_scores[name] = float(
                    np.mean(cross_val_score(pipe, texts, intents, cv=folds, n_jobs=1))
                )
            model = max(self.cv_scores, key=lambda n: self.cv_scores[n])
        elif model not in candidates:
            raise ValueError(f"unknown model {model!r}; choose from {sorted(candidates)}")
        pipeline = Pipeline([("features", _features()), ("clf", candidates[model]())])
        pipeline.fit(texts, intents)
        self.model_name = model
        self._pipeline = pipeline
        self.labels = tuple(str(c) for c in pipeline.named_steps["clf"].classes_)
        self._fast = _fast_model(pipeline)
        self.train_seconds = time.perf_counter() - started
        return self

    def _model(self) -> _FastModel:
        if self._fast is None:
            raise RuntimeError("IntentClassifier is not trained")
        return self._fast

    def ranking(self, text: str, k: int = TOP_K) -> tuple[tuple[str, float], ...]:
        probs = self._model().proba(text)
        order = np.argsort(-probs)[:k]
        return tuple((self.labels[i], float(probs[i])) for i in order)

    def predict_intent(self, text: str) -> str:
        return self.ranking(text, 1)[0][0]

    def predict(self, text: str, entities: bool = True) -> Parse:
        """The intent, its ranking and (unless `entities` is False) the text's entities."""
        ranking = self.ranking(text)
        intent, confidence = ranking[0]
        return Parse(intent, confidence, _extract_entities(text) if entities else (), ranking)

    def parse(self, text: str) -> Parse:
        """The NLU backend interface (nlu.backend.NluBackend)."""
        return self.predict(text)

    def predict_batch(self, texts: Iterable[str]) -> list[str]:
        """Intents through the scikit-learn pipeline (the reference for the fast path)."""
        if self._pipeline is None:
            raise RuntimeError("IntentClassifier is not trained")
        return [str(p) for p in self._pipeline.predict(list(texts))]

    def proba_batch(self, texts: Iterable[str]) -> np.ndarray:
        if self._pipeline is None:
            raise RuntimeError("IntentClassifier is not trained")
        return np.asarray(self._pipeline.predict_proba(list(texts)))

    def save(self, path: Path) -> None:
        """Write atomically (temp file + rename) so readers never see half a model."""
        path.parent.mkdir(parents=True, exist_ok=True)
        state = {
            "code_version": CODE_VERSION,
            "sklearn": sklearn.__version__,
            "model_name": self.model_name,
            "labels": self.labels,
            "cv_scores": self.cv_scores,
            "train_seconds": self.train_seconds,
            "data_hash": self.data_hash,
            "pipeline": self._pipeline,
        }
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        os.close(fd)
        try:
            joblib.dump(state, tmp)
            os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)

    @classmethod
    def load(cls, path: Path) -> IntentClassifier:
        state = joblib.load(path)
        if state.get("code_version") != CODE_VERSION or state.get("sklearn") != sklearn.__version__:
            raise ValueError(f"{path}: saved by another code or scikit-learn version")
        pipeline: Pipeline = state["pipeline"]
        clf = cls(
            model_name=state["model_name"],
            labels=tuple(state["labels"]),
            cv_scores=dict(state["cv_scores"]),
            train_seconds=float(state["train_seconds"]),
            data_hash=state["data_hash"],
        )
        clf._pipeline = pipeline
        clf._fast = _fast_model(pipeline)
        return clf


def model_dir() -> Path:
    """SHEJIU_MODEL_DIR, else models/ under the data directory (never the working directory)."""
    return Path(os.environ.get("SHEJIU_MODEL_DIR") or under_data_dir("models"))


def data_hash(train_file: Path = TRAIN_FILE) -> str:
    """Hash of everything the model depends on: data, tokenizer dictionaries, code version."""
    digest = hashlib.sha256(f"{CODE_VERSION}|{SERVICE_MODEL}|{sklearn.__version__}".encode())
    for path in (train_file, DOMAIN_DICT, LEXICON_FILE):
        digest.update(path.name.encode())
        digest.update(path.read_bytes() if path.exists() else b"<absent>")
    return digest.hexdigest()


def load_or_train(train_file: Path = TRAIN_FILE, directory: Path | None = None) -> IntentClassifier:
    """The cached model for the current data hash, training and saving it if missing."""
    key = data_hash(train_file)
    path = (directory or model_dir()) / f"intents-{key[:16]}.joblib"
    if path.exists():
        try:
            clf = IntentClassifier.load(path)
            if clf.data_hash == key:
                return clf
        except Exception as exc:  # a stale or corrupt cache is rebuilt, never fatal
            log.warning("intent model cache %s unusable (%s); retraining", path.name, exc)
    clf = IntentClassifier(data_hash=key).train(load_examples(train_file), model=SERVICE_MODEL)
    clf.save(path)
    log.info("trained intent model %s (%s) in %.2fs", path.name, clf.model_name, clf.train_seconds)
    return clf


_lock = threading.Lock()
_classifier: IntentClassifier | None = None


def get_classifier() -> IntentClassifier:
    """The process-wide classifier: loaded or trained once."""
    global _classifier
    if _classifier is None:
        with _lock:
            if _classifier is None:
                _classifier = load_or_train()
    return _classifier
