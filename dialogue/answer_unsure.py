"""Whether an answer says the speaker does not know the asked fact itself: "几级忘了" after a yes
is about a detail, "那玩意儿不懂" after a plain no is about the thing, not about having it."""

from __future__ import annotations

import re

from dialogue.questions import Question
from nlu.answers import find_dont_know
from nlu.clauses import clauses
from nlu.mentions import clause_at

# what a "忘了" or "不清楚" is about when it is not the yes/no asked: a detail ("几级忘了")
_DETAIL = re.compile(r"几|多少|哪一?[年级类种个]|什么时候|啥时候|哪天")
_PLAIN_NO = re.compile(
    r"^(?:没有|没|没得|莫有|木有|么有|不是|没买过|没有过|没办|没办过|没弄过)[啊呀的]?$"
)
# "没办，俺都不知道要办那个": not knowing one had to is why it was not done, not a doubt
_NOT_KNOWN_OF = re.compile(r"(?:不知道|不晓得|不清楚)(?:还|得|要|有|能|可以)")


def unsure_of_it(question: Question, text: str) -> bool:
    """The speaker does not know the asked fact itself: not a detail after a yes/no ("办了，
    听力的，几级忘了"), nor the thing not understood after a plain no ("没有，那玩意儿不懂")."""
    found = find_dont_know(text)
    if found is None:
        return False
    parts = clauses(text)
    first_said = bool(parts) and text.find(parts[0]) + len(parts[0]) <= found.start
    if not first_said:
        return True
    lo, hi = clause_at(text, found.start)
    if question.answer == "yes_no" and _DETAIL.search(text[lo:hi]):
        return False
    if plain_no_first(text) and _NOT_KNOWN_OF.match(text, found.start):
        return False
    return not (plain_no_first(text) and text[found.start : found.end] == "不懂")


def plain_no_first(text: str) -> bool:
    parts = clauses(text)
    return bool(parts) and _PLAIN_NO.match(parts[0].strip()) is not None
