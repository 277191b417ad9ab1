"""Dialect negation said as the plain one, same length (spans stay put).

The northwest's 莫有/莫得, 木有/木得 and Shandong's (or voice input's) 么有/么得 are 没有/没得; 莫
and 么 before a verb or a noun they deny are 没 too ("莫问题", "莫当过", "么花啥钱", "还么办",
"俺还么到领的年纪"). Not 什么/怎么/这么/那么/多么/要么 (a question word or a degree), not 莫非,
莫名, 约莫, and not 么 ending a question ("是么？").
"""

from __future__ import annotations

import re

# what a dialect 没 denies, right after it: a thing had, a deed done, a trouble
_DENIED = r"有|得|问题|事|啥|当|办|做|花|到|去|弄|登记|领|拿|上|念|读|钱|人|病|收入|房|车|存|干|找|学|听|见|来"
_DIALECT_NOT = re.compile(rf"(?<![什怎这那多要约])(?:[莫么](?={_DENIED})|木(?=[有得]))")


# Gansu and Ningxia 麻达 (trouble): "没麻达" is 没问题
_TROUBLE = re.compile(r"(?<=[没莫么])麻达")


def plain_no(text: str) -> str:
    """`text` with the dialect 莫/木/么 that deny as 没 ("莫有车" -> "没有车"), and 没麻达 as
    没问题."""
    return _TROUBLE.sub("问题", _DIALECT_NOT.sub("没", text))


# "咋不难", "怎么不想": a question back that means "of course" — at a clause's start, with one
# or two characters after it before the clause ends (not "咋不给我办低保": a complaint)
_OF_COURSE = re.compile(
    r"(?:^|(?<=[，,。；;！!\s]))(?P<why>咋|怎么|哪能)不"
    r"(?=[\u4e00-\u9fff]{1,2}[啊呀呢哩嘞嘛]?(?:[，,。；;！!？?\s]|$))"
)


# "咋可能有车", "咋能过不去", "怎么能干活": a question back that means "not at all" — at a
# clause's start (not "咋能申请低保": a question, which goes on past a short verb phrase)
_NO_WAY_HAS = re.compile(r"(?:^|(?<=[，,。；;！!\s]))(?:咋|怎么|哪)(?:可能|会)有")
_NO_WAY_NOT = re.compile(
    r"(?:^|(?<=[，,。；;！!\s]))(?P<why>(?:咋|怎么|哪)(?:可能|能|会))(?P<v>[\u4e00-\u9fff])不"
    r"(?P<r>[\u4e00-\u9fff])(?=[了啊呀呢嘛]?(?:[，,。；;！!？?\s]|$))"
)
_NO_WAY_CAN = re.compile(
    r"(?:^|(?<=[，,。；;！!\s]))(?:咋|怎么)能(?=[\u4e00-\u9fff]{1,3}[了啊呀呢嘛]?(?:[，,。；;！!？?\s]|$))"
    r"(?![^，,。；;！!？?\s]*不)"
)

# "腿上打着钢板呢，咋找", "眼睛看不见了，咋学": after a reason, a bare 咋 + verb closing the answer
# means "cannot" (not "咋找" alone, nor "想找，不知道咋找": a question of how)
_NO_WAY_BARE = re.compile(r"(?<=[，,；;！!\s])(?:咋|怎么)(?=[找干学][啊呀呢嘛]?[。！!]?$)")


def of_course(text: str) -> str:
    """`text` with the rhetorical 咋不/怎么不/哪能不 as a plain yes (当然, 那当然), and
    咋可能有/咋能V不R/咋能V/…，咋V as a plain no (没有, V得R, 不能V, 不V), same length."""
    text = _OF_COURSE.sub(lambda m: "当然" if len(m.group()) == 2 else "那当然", text)
    text = _NO_WAY_HAS.sub(lambda m: "，" * (len(m.group()) - 2) + "没有", text)
    text = _NO_WAY_NOT.sub(
        lambda m: "，" * len(m.group("why")) + m.group("v") + "得" + m.group("r"), text
    )
    text = _NO_WAY_BARE.sub(lambda m: "，" * (len(m.group()) - 1) + "不", text)
    return _NO_WAY_CAN.sub(lambda m: "，" * (len(m.group()) - 2) + "不能", text)


# 甘肃/陕北/宁夏 call the father 大 ("我大今年六十五", "替我大问个事"): after a possessive, and only
# where 大 cannot begin another word (大哥, 大儿子, 大概, 大学, 大家, 大前年 are left alone)
_FATHER_DA = re.compile(
    r"(?<=[我俺额咱])大(?=今年|现在|如今|去年|年轻|以前|原来|身体|他|她|得|有|是|在|和|跟|说|也|都|就|还"
    r"|一辈子|[七八九六五四三两][十]|问|住|腿|眼|耳|腰|瘫|我|俺|额|[，,。；;！!？?\s]|$)"
)


def father_as_die(text: str) -> str:
    """`text` with the dialect 大 for the father as 爹 ("我大今年六十五" -> "我爹今年六十五")."""
    return _FATHER_DA.sub("爹", text)


# 西北/山西/济南 call an only son 一个儿 ("俺就一个儿 在新疆打工", "这一个儿"): 个儿 as 儿子, same
# length ("就一儿子"); not 一个儿子/儿童/儿女, nor 个儿 for one's height (高个儿, 个儿头)
_ONE_SON = re.compile(r"(?<=[一这那])个儿(?![子童女时孙媳歌头])")


def son_as_erzi(text: str) -> str:
    """`text` with the dialect 一个儿 for a son as 一儿子 ("俺就一个儿" -> "俺就一儿子")."""
    return _ONE_SON.sub("儿子", text)
