"""An answer parsed once per wording: the same short answers come back turn after turn and
from citizen after citizen ("没有", "有", "不知道", "两口人", "同意"), and reading one runs
the parsers' dozens of regular expressions.

`parse_answer` depends on nothing but its arguments and the words in the parsers' data files
(read once), so its result is kept, per worker, under all of them: the question (by identity:
the bank is loaded once), the text, the date (ages from birth years), the region, whether the
member asked about is somebody else, whether the speaker asks for a parent and the relation of
the member asked about (`asked`). Only results
nobody can change are kept (nothing, 不知道, a doubt, or a value that is a plain number, word
or yes/no with no further member facts); the others are parsed on every call.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict

from dialogue.answer_values import DONT_KNOW, Answer, Value
from dialogue.answers import parse_answer
from dialogue.doubts import Doubt
from dialogue.questions import Question
from guides.ids import RegionId

ANSWERS_KEPT = 4096
LONGEST_KEPT = 120  # characters: longer texts are stories, seldom said twice

_Key = tuple[int, str, dt.date, RegionId | None, bool, bool, str | None]
_Parsed = Answer | Doubt | None
_kept: OrderedDict[_Key, tuple[Question, _Parsed]] = OrderedDict()
_lock = threading.Lock()
_SCALARS = (bool, int, float, str)


def parsed_answer(
    question: Question,
    text: str,
    today: dt.date,
    *,
    region: RegionId | None = None,
    of_another: bool = False,
    speaker_owes: bool = False,
    asked: str | None = None,
) -> _Parsed:
    """`parse_answer(question, text, today, region=…, of_another=…, speaker_owes=…, asked=…)`."""
    if len(text) > LONGEST_KEPT:
        return parse_answer(
            question, text, today, region=region, of_another=of_another,
            speaker_owes=speaker_owes, asked=asked,
        )  # fmt: skip
    key = (id(question), text, today, region, of_another, speaker_owes, asked)
    with _lock:
        kept = _kept.get(key)
    if kept is not None and kept[0] is question:
        return kept[1]
    answer = parse_answer(
        question, text, today, region=region, of_another=of_another,
        speaker_owes=speaker_owes, asked=asked,
    )  # fmt: skip
    if _unchangeable(answer):
        with _lock:
            _kept[key] = (question, answer)  # the question kept: its id is never another's
            while len(_kept) > ANSWERS_KEPT:
                _kept.popitem(last=False)
    return answer


def _unchangeable(answer: _Parsed) -> bool:
    """Safe to hand to every caller: frozen, and holding no list or dict."""
    if answer is None or answer is DONT_KNOW or isinstance(answer, Doubt):
        return True
    return (
        isinstance(answer, Value)
        and not answer.extra
        and (answer.value is None or isinstance(answer.value, _SCALARS))
    )
