"""Word-level differences between two texts, for the editor's version comparison.

Chinese has no spaces, so the texts are cut into words by the project's jieba tokenizer
(nlu.tokenize.get_tokenizer, which keeps every character, punctuation included) and compared
with difflib. Each side comes back as segments: unchanged text, and what was removed (old side)
or added (new side). Lists (similar questions, regions, tags) are compared element by element.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Literal

from nlu.tokenize import get_tokenizer

SegmentKind = Literal["same", "removed", "added"]


@dataclass(frozen=True)
class Segment:
    kind: SegmentKind
    text: str


def words(text: str) -> list[str]:
    """`text` cut into words; joining them gives `text` back exactly."""
    return list(get_tokenizer().cut(text, HMM=False)) if text else []


def _merge(segments: list[Segment]) -> list[Segment]:
    merged: list[Segment] = []
    for seg in segments:
        if merged and merged[-1].kind == seg.kind:
            merged[-1] = Segment(seg.kind, merged[-1].text + seg.text)
        elif seg.text:
            merged.append(seg)
    return merged


def diff_tokens(
    old: list[str], new: list[str], sep: str = ""
) -> tuple[list[Segment], list[Segment]]:
    """The old side (same/removed) and the new side (same/added) of two token lists, each
    token followed by `sep` except the last (so lists read "甲；乙；丙")."""
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    left: list[Segment] = []
    right: list[Segment] = []

    def emit(
        side: list[Segment], kind: SegmentKind, tokens: list[str], start: int, total: int
    ) -> None:
        for offset, token in enumerate(tokens):
            side.append(Segment(kind, token))
            if sep and start + offset < total - 1:
                side.append(Segment("same", sep))

    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            emit(left, "same", old[i1:i2], i1, len(old))
            emit(right, "same", new[j1:j2], j1, len(new))
            continue
        emit(left, "removed", old[i1:i2], i1, len(old))
        emit(right, "added", new[j1:j2], j1, len(new))
    return _merge(left), _merge(right)


def diff_text(old: str, new: str) -> tuple[list[Segment], list[Segment]]:
    return diff_tokens(words(old), words(new))
