"""Short answers to the questionnaire: yes/no, "I don't know", and choices among options.

"不知道" is never a "no": it is checked first and gives None. A question back ("是不是…",
"有没有…", "…吗") is not an answer either. Single-character forms (是, 有, 行, 不, 没…) count
only at the start of a clause, after an optional subject ("我没有", "俺家有").
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from nlu.numbers import Found
from nlu.numerals import normalize_digits, parse_range

_DONT_KNOW = re.compile(
    r"不知道|不晓得|不造|不清楚|不太清楚|说不好|说不清|说不准|记不得|记不清|不记得|忘了|忘记了"
    r"|不确定|搞不清|弄不清|没印象|不太了解|不了解|不好说|难说|不一定|说不定|也许吧|不懂"
)
_QUESTION = re.compile(
    r"是不是|有没有|要不要|对不对|好不好|行不行|能不能|可不可以|用不用|是否|吗|嘛[?？]|[?？]"
)
_YES = [
    "是的",
    "是啊",
    "是呀",
    "是滴",
    "是",
    "对的",
    "对啊",
    "对呀",
    "对头",
    "对",
    "嗯嗯",
    "嗯",
    "恩",
    "有的",
    "有啊",
    "有",
    "好的",
    "好啊",
    "好",
    "可以",
    "同意",
    "行",
    "没错",
    "没问题",
    "没毛病",
    "不错",
    "ok",
    "okay",
    "yes",
    "y",
    "要的",
    "要",
    "需要",
    "当然",
    "确实",
    "肯定是",
    "肯定",
    "对着呢",
    "有呢",
]
_NO = [
    "不是",
    "不对",
    "不用",
    "不要",
    "不行",
    "不同意",
    "不可以",
    "不需要",
    "不会",
    "没有",
    "没得",
    "莫得",
    "木有",
    "没",
    "无",
    "否",
    "不",
    "算了",
    "错了",
    "no",
    "nope",
    "n",
    "一个都没有",
    "都没有",
]
_EXACT_YES = {"中", "中中", "中啊"}
_FORMS = {**{f: True for f in _YES}, **{f: False for f in _NO}}
_SUBJECT = r"(?:我们家|我们|我家|俺家|咱家|我|俺|咱|他们|他|她|家里|家|那就|那|就|都|也|还|应该|这个|肯定|当然|确实)*"
_FORM_RE = re.compile(
    rf"{_SUBJECT}(?P<form>{'|'.join(re.escape(f) for f in sorted(_FORMS, key=len, reverse=True))})"
)
_CLAUSE = re.compile(r"[^，。；！？,;!?\s~～…]+")
_STRIP = " \t\n。，,.!！~～…啊呀吧哈"


def is_dont_know(text: str) -> bool:
    """True for "不知道", "不清楚", "记不得了", "说不好"…"""
    return bool(_DONT_KNOW.search(text))


def find_dont_know(text: str) -> Found | None:
    m = _DONT_KNOW.search(text)
    return Found(True, m.start(), m.end()) if m else None


def find_yes_no(text: str) -> Found | None:
    """The yes/no an answer gives, with the span of the word that gives it."""
    lowered = text.lower()
    if not lowered.strip(_STRIP) or _DONT_KNOW.search(lowered) or _QUESTION.search(lowered):
        return None
    for clause in _CLAUSE.finditer(lowered):
        word = clause.group().strip(_STRIP)
        if word in _EXACT_YES:
            return Found(True, clause.start(), clause.end())
        m = _FORM_RE.match(lowered, clause.start(), clause.end())
        if m:
            form = m.group("form")
            if form in {"y", "n"} and m.end() < clause.end():
                continue  # a letter inside a word is not an answer
            return Found(_FORMS[form], m.start("form"), m.end("form"))
    return None


def parse_yes_no(text: str) -> bool | None:
    """True for 是/对/有/好/可以/嗯…, False for 不是/没有/不用/无…, None otherwise."""
    found = find_yes_no(text)
    return None if found is None else bool(found.value)


_ORDINAL = re.compile(
    r"^(?:第|选|选择|就)?(?P<n>\d{1,2}|[一二两三四五六七八九十]{1,3})"
    r"(?:个|项|种|条|号|类|\.|、)?(?:吧|啊|呀|的)?$"
)
_LABEL_PARTS = re.compile(r"[/／、（）()]|或")


def _norm(text: str) -> str:
    return re.sub(r"[\s，。,.!！?？~～、]", "", normalize_digits(text)).lower()


def _parts(label: str) -> list[str]:
    return [p for p in _LABEL_PARTS.split(label) if p]


def _best(hits: list[tuple[int, str]]) -> str | None:
    """The id of the longest hit; None when two different ids tie."""
    if not hits:
        return None
    hits.sort(reverse=True)
    if len(hits) > 1 and hits[0][0] == hits[1][0] and hits[0][1] != hits[1][1]:
        return None
    return hits[0][1]


def parse_choice(
    text: str,
    options: Mapping[str, str],
    synonyms: Mapping[str, Sequence[str]] | None = None,
) -> str | None:
    """The option id a free answer chooses, or None.

    In order: the exact label (or id); a number or ordinal ("2", "第二个") choosing that
    option in the given order; the longest label contained in the answer; the longest label
    part ("健康或良好" -> 健康, 良好; "子/婿" -> 子, 婿) equal to or (two characters or more)
    contained in the answer; a label containing the answer; the longest synonym contained.
    """
    answer = _norm(text)
    if not answer:
        return None
    for option_id, label in options.items():
        if answer in (_norm(label), option_id.lower()):
            return option_id
    m = _ORDINAL.match(answer)
    if m:
        bounds = parse_range(m.group("n"))
        ids = list(options)
        if bounds and bounds[0] == bounds[1] and 1 <= bounds[0] <= len(ids):
            return ids[int(bounds[0]) - 1]
    steps: list[list[tuple[int, str]]] = [
        [(len(_norm(lb)), i) for i, lb in options.items() if _norm(lb) in answer],
        [
            (len(p), i)
            for i, lb in options.items()
            for p in map(_norm, _parts(lb))
            if p == answer or (len(p) > 1 and p in answer)
        ],
        [
            (-len(_norm(lb)), i)
            for i, lb in options.items()
            if len(answer) > 1 and answer in _norm(lb)
        ],
        [
            (len(_norm(s)), i)
            for i, words in (synonyms or {}).items()
            if i in options
            for s in words
            if _norm(s) and _norm(s) in answer
        ],
    ]
    for hits in steps:
        chosen = _best(hits)
        if chosen is not None:
            return chosen
        if hits:
            return None  # ambiguous at this step: ask again rather than guess
    return None
