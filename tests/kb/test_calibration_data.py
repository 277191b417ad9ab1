"""The confidence's hand-written negatives (nlu/data/kb_calibration.yml) are fitting data only:
none may be a near-copy of a held-out evaluation question (nlu/data/kb_eval), which would
leak the evaluation into the fit, nor of a seed question, which would label the same text
both "answer" and "decline"."""

from __future__ import annotations

from itertools import pairwise

from nlu.calibrate_kb import OOD_FILE, out_of_domain_texts
from nlu.evaluate_kb import EVAL_DIR, load_cases, load_seed_documents
from nlu.tokenize import normalize

MAX_JACCARD = 0.4


def bigrams(text: str) -> frozenset[str]:
    chars = [c for c in normalize(text) if not c.isspace()]
    return frozenset(a + b for a, b in pairwise(chars))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def near_copies(texts: list[str], others: list[str]) -> list[tuple[str, str, float]]:
    grams = [(o, bigrams(o)) for o in others]
    found: list[tuple[str, str, float]] = []
    for text in texts:
        mine = bigrams(text)
        for other, theirs in grams:
            if (j := jaccard(mine, theirs)) > MAX_JACCARD:
                found.append((text, other, round(j, 2)))
    return found


def test_jaccard_measures_bigram_overlap() -> None:
    assert jaccard(bigrams("公积金怎么取"), bigrams("公积金怎么取")) == 1.0
    assert jaccard(bigrams("公积金怎么取"), bigrams("低保标准是多少")) == 0.0
    assert near_copies(["社保卡丢了怎么补办"], ["社保卡丢了怎么办"]) != []


def test_calibration_texts_are_loaded_from_both_lists() -> None:
    texts = out_of_domain_texts()
    assert len(texts) >= 140
    assert "离职以后公积金能全部取出来吗" in texts  # near_domain
    assert "今天下午会不会下雨" in texts  # out_of_domain
    assert len(set(texts)) == len(texts)


def test_no_calibration_text_is_a_near_copy_of_an_eval_question() -> None:
    assert (EVAL_DIR / "paraphrases.yml").exists()
    cases = [c.q for c in load_cases(EVAL_DIR, "all")]
    assert len(cases) > 100
    # Names only the calibration side, so a failure does not print evaluation questions.
    offenders = sorted({text for text, _, _ in near_copies(out_of_domain_texts(OOD_FILE), cases)})
    assert offenders == [], offenders


def test_no_calibration_text_is_a_near_copy_of_a_seed_question() -> None:
    questions = [q for d in load_seed_documents() for q in (d.question, *d.similar)]
    found = near_copies(out_of_domain_texts(OOD_FILE), questions)
    assert not found, found
