"""Evaluation questions never feed the KB: no eval question (old paraphrase set or the citizens'
held-out set), nor a near-copy of one (bigram Jaccard >= 0.6 after removing punctuation), may
appear among the seed's questions and similar questions, the synonym table or the calibration
texts; and no synonym phrase of three or more characters may occur only in eval questions.
Failures name only the KB side, so a red test does not print evaluation questions to tune on."""

from __future__ import annotations

import unicodedata
from itertools import pairwise

from guides.yamlio import read_yaml
from nlu.calibrate_kb import OOD_FILE, out_of_domain_texts
from nlu.evaluate_kb import (
    REALISTIC_FILE,
    load_cases,
    load_citizen_cases,
    load_realistic_cases,
    load_seed_documents,
)
from nlu.synonyms import SYNONYMS_FILE
from nlu.tokenize import normalize

NEAR_COPY = 0.6


def letters(text: str) -> str:
    """Text without punctuation, symbols or spaces (Unicode categories P*, S*, Z*)."""
    return "".join(c for c in normalize(text) if unicodedata.category(c)[0] not in "PSZ")


def bigrams(text: str) -> frozenset[str]:
    return frozenset(a + b for a, b in pairwise(letters(text)))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def eval_questions() -> list[str]:
    return [c.q for c in load_cases()] + [c.q for c in load_citizen_cases()]


def synonym_words() -> list[str]:
    return [str(w) for g in read_yaml(SYNONYMS_FILE)["groups"] for w in g["words"]]


def kb_texts() -> list[str]:
    seed = [q for d in load_seed_documents() for q in (d.question, *d.similar)]
    # Synonym words under six characters are terms, not questions (the phrase test covers them).
    phrases = [w for w in synonym_words() if len(letters(w)) >= 6]
    realistic = [c.q for c in load_realistic_cases(REALISTIC_FILE)]
    return seed + phrases + out_of_domain_texts(OOD_FILE) + realistic


def leaked(texts: list[str], questions: list[str]) -> list[str]:
    grams = [bigrams(q) for q in questions]
    return sorted(
        {
            t
            for t in texts
            if (mine := bigrams(t)) and any(jaccard(mine, g) >= NEAR_COPY for g in grams)
        }
    )


def test_near_copy_measure_ignores_punctuation() -> None:
    assert jaccard(bigrams("低保，怎么办？"), bigrams("低保怎么办")) == 1.0
    assert leaked(["我想问问低保怎么申请"], ["我想问问，低保怎么申请呀？"]) != []
    assert leaked(["公积金怎么取"], ["低保标准是多少"]) == []


def test_sets_are_big_enough_to_mean_something() -> None:
    citizens = load_citizen_cases()
    assert len(citizens) >= 150
    assert sum(len(c.q) > 60 for c in citizens) >= 40
    assert len(load_cases()) > 300


def test_no_eval_question_or_near_copy_in_kb_synonyms_or_calibration() -> None:
    offenders = leaked(kb_texts(), eval_questions())
    assert offenders == [], offenders


def test_no_long_synonym_phrase_comes_only_from_eval_questions() -> None:
    seen = " ".join(
        letters(t) for d in load_seed_documents() for t in (d.question, *d.similar, d.answer)
    ) + " ".join(letters(t) for t in out_of_domain_texts(OOD_FILE))
    questions = [letters(q) for q in eval_questions()]
    offenders = [
        w
        for w in synonym_words()
        if len(letters(w)) >= 3
        and letters(w) not in seen
        and any(letters(w) in q for q in questions)
    ]
    assert offenders == [], offenders
