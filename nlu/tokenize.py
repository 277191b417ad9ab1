"""Chinese word segmentation with a domain dictionary (jieba), plus character n-grams.

Stable API used by intents and KB retrieval:
- `tokenize(text) -> list[str]`: lowercased words, punctuation and fillers dropped.
- `char_ngrams(text, n_min=1, n_max=3) -> list[str]`: character n-grams of the normalised text.
- `collapse_a_not_a(text) -> str`: spoken A-not-A questions as the plain verb (收不收费 -> 收费).

A private `jieba.Tokenizer` is used (never the global one), initialised once with
`nlu/data/domain_dict.txt` and, when present, the terms of `nlu.lexicon.all_terms()`.
"""

from __future__ import annotations

import importlib
import logging
import re
import threading
import unicodedata
from collections.abc import Iterable
from pathlib import Path

import jieba

DOMAIN_DICT = Path(__file__).parent / "data" / "domain_dict.txt"

# Spoken fillers that carry no meaning for intents or retrieval.
FILLERS: frozenset[str] = frozenset(
    {
        "嗯",
        "嗯嗯",
        "啊",
        "呃",
        "额",
        "哦",
        "噢",
        "唉",
        "哎",
        "诶",
        "欸",
        "呀",
        "嘛",
        "呐",
        "哈",
        "那个",
        "就是说",
    }
)

_KEEP = re.compile(r"[0-9a-z\u3400-\u9fff]+")
# An A-not-A question: a verb of one or two characters, 不/没, the same verb again (收不收费,
# 要不要, 能不能, 方便不方便, 批没批).
_A_NOT_A = re.compile(r"([\u3400-\u9fff]{1,2})[不没]\1")
_lock = threading.Lock()
_tokenizer: jieba.Tokenizer | None = None


def normalize(text: str) -> str:
    """NFKC (full-width digits and letters to ASCII), lowercased, whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text).lower().split())


def collapse_a_not_a(text: str) -> str:
    """Each A-not-A form as its verb: "到底收不收费" -> "到底收费", "要不要交钱" -> "要交钱".
    It asks the same thing, and its split tokens (收, 不) match nothing in the KB."""
    return _A_NOT_A.sub(r"\1", text)


def lexicon_terms() -> list[str]:
    """Terms from `nlu.lexicon.all_terms()` if that module exists; [] otherwise."""
    try:
        lexicon = importlib.import_module("nlu.lexicon")
    except ImportError:
        return []
    all_terms = getattr(lexicon, "all_terms", None)
    if all_terms is None:
        return []
    try:
        terms: Iterable[object] = all_terms()
        return [t.strip() for t in terms if isinstance(t, str) and t.strip()]
    except Exception:  # a broken lexicon must not break segmentation
        logging.getLogger(__name__).warning("nlu.lexicon.all_terms() failed; ignored")
        return []


def _build() -> jieba.Tokenizer:
    jieba.setLogLevel(logging.WARNING)
    logging.getLogger("jieba").setLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    tok.initialize()
    tok.load_userdict(str(DOMAIN_DICT))
    for term in lexicon_terms():
        if " " not in term:
            tok.add_word(term.lower(), freq=800)
    return tok


def get_tokenizer() -> jieba.Tokenizer:
    """The shared private tokenizer, built on first use (thread-safe)."""
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                _tokenizer = _build()
    return _tokenizer


def tokenize(text: str) -> list[str]:
    """Words of `text`: lowercased, punctuation, spaces and fillers dropped."""
    norm = normalize(text)
    if not norm:
        return []
    words: list[str] = []
    for piece in get_tokenizer().lcut(norm, HMM=True):
        kept = "".join(_KEEP.findall(piece))
        if kept and kept not in FILLERS:
            words.append(kept)
    return words


def char_ngrams(text: str, n_min: int = 1, n_max: int = 3) -> list[str]:
    """Character n-grams (n_min..n_max) of each run of letters/digits/CJK in `text`."""
    if n_min < 1 or n_max < n_min:
        raise ValueError("need 1 <= n_min <= n_max")
    grams: list[str] = []
    for run in _KEEP.findall(normalize(text)):
        for n in range(n_min, n_max + 1):
            grams.extend(run[i : i + n] for i in range(len(run) - n + 1))
    return grams
