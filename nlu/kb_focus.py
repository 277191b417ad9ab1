"""Find the request in a long message: a caller's story, greeting or complaint around the question
must not drown it in the KB search.

`requests(text)` splits the message into sentences (。！？；, line breaks) and returns the
request sentences — those that ask (吗, 怎么, 哪, 多少, 能不能 … or a question mark) — each cut
down to its asking clause plus the clauses just before it that name what it is about (an item
such as 低保, or 申请/办理). Greeting and thanks clauses are dropped. Items named elsewhere in
the story are added as facts when the request does not name one ("我想申请低保，要带什么？").
A short message (≤ SHORT characters) is returned whole. Distinct requests, at most two, are
returned in the order asked; a message with no asking sentence is one request, the whole text.
"""

from __future__ import annotations

import re

from nlu.lexicon import find_items
from nlu.tokenize import normalize

SHORT = 24  # characters: a message this short is its own request
MAX_REQUESTS = 2
_SENTENCE = re.compile(r"[^。！？!?；;\n]+[。！？!?；;\n]*")
_CLAUSE = re.compile(r"[，,、：:\s]+")
_ASKS = re.compile(
    r"[？?]|吗|么|嘛|呢|啥|咋|怎|哪|多少|多久|多长|几[天个点年月号成]|能不能|可不可以|行不行|"
    r"是不是|要不要|有没有|会不会|算不算|够不够|给不给|收不收|还是|如何|什么|请问|想问|想知道|问一下|问问"
)
_GREETING = re.compile(
    r"^(?:喂|你好|您好|你们好|同志|师傅|大姐|大哥|老师|领导|工作人员|打扰了?|麻烦(?:你|您)?|谢谢|"
    r"感谢|辛苦了?|唉|哎|嗯|啊|好的|是这样的?|我想问个事|问个事|着急|太难了|实在是太难了|"
    r"是(?:救助|民政|政务)?热线吗|是12345吗|在吗|能听到吗|听得见吗)+"
    r"(?:你|您|你们|您们|啊|呀|了|一下)*$"
)
_TOPIC = re.compile(r"申请|办理|办|认定|领取|补贴|救助|贷款|登记|材料|条件|电话|结果|进度")


def _clauses(sentence: str) -> list[str]:
    return [c for c in _CLAUSE.split(sentence.strip("。！？!?；; \n")) if c]


def _focus(clauses: list[str]) -> str:
    """The last asking clause and the clauses before it back to the one naming the topic."""
    last = max(i for i, c in enumerate(clauses) if _ASKS.search(c))
    start = last
    # Back over asking clauses (one request asked twice over) to the clause naming the item or
    # the action (申请, 办 …), at most three back; a clause of pure story ends the request.
    for j in range(last, max(last - 4, -1), -1):
        clause, asks = clauses[j], _ASKS.search(clauses[j])
        if j < last and not asks and not _TOPIC.search(clause) and not find_items(clause):
            break
        start = j
        if find_items(clause) or (j < last and not asks):
            break
    if (
        start == last
        and last > 0
        and not (_TOPIC.search(clauses[last]) or find_items(clauses[last]))
    ):
        start = last - 1  # a bare "要什么条件？" reads with the clause before it
    kept = [c for c in clauses[start : last + 1] if not _GREETING.match(c)]
    return "，".join(kept) or clauses[last]


def requests(text: str) -> list[str]:
    """The request(s) in a message, each a short text to search the KB with."""
    clean = normalize(text).strip()
    if len(clean) <= SHORT:
        return [clean]
    sentences = [s for s in _SENTENCE.findall(clean) if s.strip()]
    found: list[str] = []
    for sentence in sentences:
        clauses = [c for c in _clauses(sentence) if not _GREETING.match(c)]
        if clauses and any(_ASKS.search(c) for c in clauses):
            focus = _focus(clauses)
            if focus not in found:
                found.append(focus)
    if not found:
        return [clean]
    found = found[-MAX_REQUESTS:]
    context = _item_clause(clean)
    return [focus if find_items(focus) else context + focus for focus in found]


def _item_clause(text: str) -> str:
    """The first clause naming an item, in the caller's words (synonyms read it again)."""
    for clause in _clauses(text):
        if find_items(clause):
            return clause + "，"
    return ""
