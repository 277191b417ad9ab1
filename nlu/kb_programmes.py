"""Neighbouring programmes the KB does not hold (nlu/data/neighbour_programmes.yml): 医保,
养老保险, 公积金, 工伤, 户口迁移 …

A question that names one of them and no social-assistance item is about that programme. The
reranker matches its other words ("住院能报百分之几") to an entry about something else (医疗救助
的比例), often confidently; such a hit is kept as a suggestion, never answered: its confidence
is scaled by `RetrievalConfig.other_programme_factor`. An entry whose questions mention the
programme ("医保和医疗救助有啥区别", "低保户交医保要自己出钱吗") answers as before.
"""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from guides.yamlio import load_model
from nlu.kb_focus import names_a_benefit
from nlu.lexicon import find_items

DATA = Path(__file__).parent / "data" / "neighbour_programmes.yml"


class _Programmes(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    programmes: dict[str, list[str]] = Field(min_length=1)
    # programmes callers name as the background of one of our items ("医保报完了医疗救助还能
    # 报多少", "有退休金能吃低保吗"): with an item named, they are not what is asked
    beside_items: list[str] = []
    # words of a question about income: an entry whose question names one mentions programmes
    # only as income ("抚恤金算不算收入")
    income_words: list[str] = []
    # words asking for help beyond the programme ("新农合报完了还掏好多 还有别的办法没"): such a
    # question is about what social assistance adds, as one naming a benefit is
    more_help: list[str] = []


@cache
def _words() -> tuple[tuple[str, tuple[str, ...]], ...]:
    data = load_model(DATA, _Programmes)
    return tuple((name, tuple(words)) for name, words in data.programmes.items())


def programmes(text: str) -> frozenset[str]:
    """The neighbouring programmes the text names."""
    return frozenset(name for name, words in _words() if any(w in text for w in words))


def asked_beside_items(text: str) -> frozenset[str]:
    """The neighbouring programmes the text names that are asked about even beside one of our
    items ("退役军人优待证咋办"): not those that are the item's background (医保, 退休金)."""
    return programmes(text) - _beside_items()


@cache
def _beside_items() -> frozenset[str]:
    return frozenset(load_model(DATA, _Programmes).beside_items)


def off_programme(asked: frozenset[str], entry_texts: tuple[str, ...], request: str = "") -> bool:
    """The question names programmes (`asked`) none of which the entry's questions (its main
    question first) mention; of programmes beside the background ones (医保, 养老保险, 社保),
    none of those. An entry about income (its main question names an income word)
    mentions them only as income: it is off a `request` that does not ask about income ("计生
    奖扶一年给多少" against "计划生育奖励扶助金算收入吗")."""
    if not asked:
        return False
    if entry_texts and about_income(entry_texts[0]) and not about_income(request):
        return True
    # a background programme (医保) named beside a procedure of its own (异地就医) or another
    # programme: the entry has to mention one of those
    wanted = asked - _beside_items() or asked
    return not wanted & _mentioned(entry_texts)


def beside_our_item(asked: frozenset[str], entry_question: str, request: str) -> bool:
    """An entry about one of our items next to a background programme (医保, 养老保险, 社保:
    "医保和医疗救助有什么不一样", "低保户交医保要自己出钱吗") does not answer a question about
    the programme alone ("医保报销多少", "居民医保今年交几百"): one that names none of our items,
    no benefit (补贴, 救助 …) and no help beyond the programme (别的办法). An entry on what
    counts as income is left to `off_programme`."""
    if not asked & _beside_items():
        return False
    if about_income(entry_question) or not find_items(entry_question):
        return False
    if find_items(request) or names_a_benefit(request):
        return False
    return not any(w in request for w in load_model(DATA, _Programmes).more_help)


def about_income(text: str) -> bool:
    """The text asks about income (收入, 算不算 …: nlu/data/neighbour_programmes.yml)."""
    return any(w in text for w in _income_words())


@cache
def _income_words() -> tuple[str, ...]:
    return tuple(load_model(DATA, _Programmes).income_words)


@lru_cache(maxsize=4096)  # an entry's texts are the same question after question
def _mentioned(entry_texts: tuple[str, ...]) -> frozenset[str]:
    return programmes(" ".join(entry_texts))
