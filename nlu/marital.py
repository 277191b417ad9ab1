"""Marital status said in a story: the two cases a rule reads (特困's 法定义务人, guides'
tekun_duty): a member never married ("儿子三十八，一直没结婚": their only obligors are their
parents), and the speaker widowed ("老头子走了好几年了": no other parent of their children)."""

from __future__ import annotations

import re
from typing import NamedTuple

from nlu.mentions import UNNAMED, Mention, clause_at, sentence_at, who_at


class MaritalSaid(NamedTuple):
    value: str  # guides/data/enums.yml marital_status
    start: int
    end: int
    who: str | None  # a relation key; None: the one the text is about (nlu.facts.Fact.who)


# "一直没结婚", "还没成家", "没娶上媳妇", "光棍一个": never married (not "结婚证没办")
_NEVER_MARRIED = re.compile(
    r"(?:一直|还|都|也|至今|到现在)?没(?:有)?(?:结过?婚(?!证)|成(?:过)?家|娶(?:上)?媳妇|说上媳妇)"
    r"|未婚|(?<!老)光棍|单身"
)
_SPOUSE = "spouse"
# died, said right after the spouse ("老头子走了好几年了", "老伴前年得癌症走了"); not 没了工作
_DIED = re.compile(
    r"[^，。；！？,;!?]{0,6}?(?:走了|走得早|走的早|先走了|去世|过世|不在了|病死|死了|殁了|没了)"
    r"(?![工收钱活地])"
)
# the death told at the end of what happened to them ("我男人…让大货车撞了，人没了")
_DIED_LATER = re.compile(r"人(?:就|也)?(?:没了|走了|不在了)|(?:去世|过世)了")
_WIDOWED_WORDS = re.compile(r"丧偶|守寡|(?:我|俺|额)(?:是|一个)?寡妇")


def marital_said(text: str, mentions: list[Mention]) -> list[MaritalSaid]:
    return _never_married(text, mentions) + _widowed(text, mentions)


def _never_married(text: str, mentions: list[Mention]) -> list[MaritalSaid]:
    found = []
    for said in _NEVER_MARRIED.finditer(text):
        who, gone = who_at(mentions, text, said.start())
        if not gone:
            found.append(MaritalSaid("single", said.start(), said.end(), who))
    return found


def _widowed(text: str, mentions: list[Mention]) -> list[MaritalSaid]:
    for said in _WIDOWED_WORDS.finditer(text):
        return [MaritalSaid("widowed", said.start(), said.end(), "self")]
    for mention in mentions:
        if mention.relation != _SPOUSE or not mention.departed:
            continue
        if any(m.relation == UNNAMED and m.start < mention.start for m in mentions):
            return []  # "替楼下的王大爷问…老伴前年去世了": the neighbour's wife, not the writer's
        died = _DIED.match(text, mention.end)
        if died and died.end() <= clause_at(text, mention.start)[1]:
            return [MaritalSaid("widowed", mention.start, died.end(), "self")]
        later = _DIED_LATER.search(text, mention.end, sentence_at(text, mention.start)[1])
        if later and not any(mention.end <= m.start < later.start() for m in mentions):
            return [MaritalSaid("widowed", mention.start, later.end(), "self")]
    return []
