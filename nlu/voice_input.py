"""Voice input typed into the chat often arrives without punctuation ("喂你好我想问一下我家孩子
今年考上大学了…我们家是建档立卡脱贫户…能不能办助学贷款"). Commas are put back where a new clause
plainly starts, so that what one clause asks ("能不能办助学贷款") does not swallow what the
others state, and an amount is read with its own clause, not with every word of the message.

Only long runs without any punctuation are touched: typed text keeps its own commas."""

from __future__ import annotations

import re

_LONG_RUN = re.compile(r"[^，。,.；;：:！!？?、\s]{30,}")
_SPEAKER = r"我(?!们?家的)|俺"
_PEOPLE = (
    r"老伴|老婆|老公|媳妇|男人|老汉|婆姨|掌柜的|爱人|对象|儿子|闺女|女儿|孩子|娃|父亲|母亲|我爸|我妈|公公|婆婆"
    r"|孙子|孙女|爷爷|奶奶|家里|现在|目前|去年|前年|今年"
)
# what ends a clause before somebody named: a particle, a unit, an illness
_CLAUSE_END = r"[了呢吗啊吧呀岁人钱块元病药]"
# what binds the speaker to the words before ("和我", "给我", "问我")
_LINKED = r"[和跟与同及给帮替带让叫是说把被对向为问找请求像靠就也都还连]"
_BREAK = re.compile(
    rf"(?<={_CLAUSE_END})(?={_PEOPLE})"
    rf"|(?<=[^\s，,{_LINKED[1:-1]}])(?={_SPEAKER})"
    # a question or request starts its own clause ("…两万来块钱能不能办助学贷款")
    r"|(?<=[^我俺你您就也都还想])(?=想问|请问|能不能|可不可以|能否|有没有什么|需要什么|要准备)"
)


# between Chinese words, or a Latin word and Chinese ("现在还在ICU 肇事的跑了"), or a number
# and the next words ("一个月1千8 儿子结婚…"; not its unit or 左右: "1千5 左右")
_SPACED = re.compile(
    r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fffA-Za-z])|(?<=[A-Za-z])\s+(?=[\u4e00-\u9fff])"
    r"|(?<=[0-9])\s+(?=[\u4e00-\u9fff])(?![左上下多来块元岁万千百以口个出号年月日天平亩周])"
)


# a period said on its own before a pause, or with what is spent or earned in it: it belongs
# to the amount after it ("一年 挣三万多", "一个月吃喝 一千多")
_PERIOD_ALONE = re.compile(
    r"(?:^|[，,\s])(?:一年|每年|一个月|每个月|每月|一天|每天|一周|每周|一星期)"
    r"(?:吃喝|吃穿|花销|开销|花|挣|赚|收入|能挣|能赚|领|拿)?$"
)


def spaces_as_commas(text: str, *, except_after_a_period: bool = False) -> str:
    """Spaces between Chinese words are voice input's pauses: commas ("五口 不对 四口"), one
    per space so spans stay put; `except_after_a_period`: not the pause after a period said
    alone, which the amount after it takes ("一年 挣三万多")."""

    def comma(pause: re.Match[str]) -> str:
        if except_after_a_period and _PERIOD_ALONE.search(text, 0, pause.start()):
            return pause.group()
        return "，" * len(pause.group())

    return _SPACED.sub(comma, text)


def punctuate(text: str) -> str:
    """`text` with a comma before each plain clause start inside long unpunctuated runs."""
    return _LONG_RUN.sub(lambda run: _BREAK.sub("，", run.group()), text)
