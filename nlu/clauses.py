"""Clause-level readings of an answer: which clauses still hold, what is denied, what adds up.

- "以前是农村的，后来转成城镇了": the clause about the past gives way to the one about now.
- "不是农村的": a denied option; with two options, the other one.
- "前年吃过低保，后来取消了": an item that ended is not received now.
- "城里一套，老家还有一套": counts joined by 还有/另外 add up.
- "我跟老伴，还有俩孙子": the people listed, counted (4).
- "要是儿子寄钱能有两千": supposed, not stated; "我的在这，老伴的在老家": differs by person.
Amounts read clause by clause are in nlu.amount_clauses.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from nlu.answers import parse_choice
from nlu.lexicon import find_items, match_relations, parse_relation
from nlu.numbers import THE_COUPLE, find_amounts
from nlu.numerals import NUMERAL_RE, parse_number

# all of it spent: "早花光了", "全交医药费了", "都搭进去了", "给孙子交学费花了，现在没了"
SPENT_ALL = re.compile(
    r"(?:花|用|折腾)(?:光|完|没)了|(?:现在|早就?|早都|全|都)没了"
    # "都给老伴看病花了": given to somebody's treatment
    r"|(?:全|都|全部)(?:拿去|拿来|给[^，。；！？\s]{0,3}?)?(?:看病|治病|交|搭|填|贴|垫|花|用|砸)"
    r"(?:进去|在|到|了|医|学|看|花|用)"
)
_CLAUSE_SPLIT = re.compile(r"[，,；;。！!？?]+")
_PAST = re.compile(
    r"以前|原来|原先|之前|过去|曾经|早先|本来|那时候?|那会儿?|那阵子?|前几年|小时候|^有过"
    r"|(?:出事|生病|得病|受伤|住院|下岗|失业)(?:以|之)?前"  # "他出事前一个月六千多"
)
_NOW = re.compile(
    r"后来|现在|如今|目前|已经|转成|转为|改成|变成|换成|迁成|农转非|转了"
    r"|走了|去世|过世|没了|搬走|搬出去|分出去|嫁出去|离了|离婚"  # a change since: "原来四口，老伴走了"
    r"|剩|卖了|卖掉|卖给|处理了|报废"  # what is left: "原来有两万，…就剩五千了", "以前有辆车，卖了"
    r"|刚办|才办|新办|办下来|改造|翻修|翻盖|修好|重建|重盖"  # "原来没有，去年刚办的"
    r"|评成|评为|定成|定为|调成|调为|重新|换证"  # "原来是三级，今年重新评成二级了"
    r"|迁回|迁过来|迁来|迁到|迁走|迁出|落户|落了户"  # "以前在外地，前年迁回来了"
    r"|查出|确诊|患上"  # "本来好好的，前年查出来尿毒症": an illness found since
    r"|(?:以|之)后|自从|打那"  # "以前靠他六七千，出事以后就没收入了"
    r"|(?:不|没)(?:干|当|做)了"  # it ended: "以前当过村支书，早就不干了"
    r"|注销|吊销|辞了|辞职|倒闭|关门了"  # "以前办过个体执照，早就注销了", "上个月刚辞了"
    rf"|{SPENT_ALL.pattern}"  # "原来有两万，花光了": none left now
    r"|拆迁|置换|废铁|废品|撞坏|撞报废"  # "以前有一套，拆迁了给了两套", "有过，卖废铁了"
)
_ENDED = re.compile(
    r"取消|停了|停发|不给了|断了|退出|清退|被退|没再|不领了|不发了"
    r"|没批|不批|没通过|被拒|没下来|在申请|申请中|正在办|还在审"  # asked for, not (yet) granted
)
_HAD = re.compile(r"(?:吃|领|拿|享受|办|评)过")
_NONE_RECEIVED = re.compile(
    r"(?:都|也)?(?:没有|没领|没吃|没享受|没拿|没得)(?:过)?[了的呢]?$|^(?:也|都)?(?:没有|没吃|没领|不是)"
)
_SPEAKER = re.compile(r"^(?:我|俺|咱)(?!们|家)")
_PRONOUN = re.compile(r"^(?:他|她)(?!们|家)")
_FILLER = re.compile(r"[就只有也都还是吧啊呢了的嘛]")
_ADDED = re.compile(r"^(?:还有|另外|另|又|再|也有|外加|加上)|(?:还|另外|又|也)有")
_ONE_HOME = re.compile(r"(?:个|一个)\S{0,2}(?:宅子|院子|老宅|房子|院)")
_GONE = re.compile(r"卖了|卖掉|卖给|拆了|塌了|没了|收回")  # "另一套早卖了": not counted


def clauses(text: str) -> list[str]:
    return [c for c in _CLAUSE_SPLIT.split(text) if c.strip()]


# "三万，哦不，是三千", "七十二，不对不对，七十三": the speaker mends what they just said
_REPAIR_WORDS = r"(?:哦|噢|喔|啊|呃|哎)?(?:不对|不不|不是不是|不|(?:刚才|刚刚|刚)?(?:说错了|搞错了|说错))+(?:了|啊|呀)?"
_REPAIR = re.compile(rf"^{_REPAIR_WORDS}(?:是|应该是)?")
_PERIOD_SAID = re.compile(r"一年|每年|一个月|每个月|每月|一天|每天")
_REPAIR_ALONE = re.compile(rf"^{_REPAIR_WORDS}$")


def self_repaired(text: str) -> str:
    """What follows a repair said after the first clause ("三万，哦不，是三千" -> "是三千");
    the whole text when there is none, "" when nothing follows it ("三万，不对"). A number
    echoed as a question and denied is dropped too ("三套？没有，就一套" -> "就一套")."""
    echo = _ECHO_DENIED.match(text)
    if echo:
        return echo.group("rest")
    parts = clauses(text)
    for index in range(len(parts) - 1, 0, -1):
        clause = parts[index].strip()
        if _REPAIR_ALONE.match(clause):
            # "一年，四万来块，不对，三万多": what came before the mended clause still holds
            context = [p for p in parts[: index - 1] if not find_amounts(p, answer=True)]
            return "".join(context) + _period_kept(parts[index - 1], parts[index + 1 :])
        repair = _REPAIR.match(clause)
        if repair and repair.group().startswith(
            ("哦", "噢", "喔", "啊", "呃", "哎", "不对", "说错", "搞错")
        ):
            return "，".join([clause[repair.end() :], *parts[index + 1 :]]).strip("，")
    return text


def _period_kept(mended: str, after: list[str]) -> str:
    """The clauses after a repair, the period of the mended amount kept with the new one when
    they name none ("一年卖个四五千，哦刚才说错了，今年就卖了三千来块": 一年…三千来块)."""
    period = _PERIOD_SAID.match(mended.strip())
    if period is None or any(_PERIOD_SAID.search(c) for c in after):
        return "，".join(after)
    kept = list(after)
    for i, clause in enumerate(kept):
        if find_amounts(clause, answer=True):
            kept[i] = period.group() + clause
            break
    return "，".join(kept)


# "我家三口人，不对，四口人", "六十五，哦不对，六十六了": a number mended inside a story; the
# clause's last number is the one mended ("我一个月挣两千，不对，两千五")
_NUMERAL_CHAR = r"[\d零〇一二两三四五六七八九十百千万亿几]"
_NUMBER_MENDED = re.compile(
    rf"(?:^|(?<=[，,。；！？\s]))[^，,。；！？\s]*(?<!{_NUMERAL_CHAR})(?P<old>{NUMERAL_RE.pattern}[^，,。；！？\s]*)"
    r"[，,\s]+(?:(?:嗯|呃|哦|噢|啊)[，,\s]*)?(?:哦|噢)?(?:不对|说错了|搞错了|不是不是|不不)(?:不对)*(?:了|啊|呀)?"
    rf"[，,\s]+(?=(?:是|应该是)?[^，,。；！？\s]*?{NUMERAL_RE.pattern})"
)


def numbers_mended(text: str) -> str:
    """`text` with a number the speaker mended blanked out (from the number on), the repair
    words too, so only the mended one is read ("俺今年六十五，不对，六十六了" -> "俺今年，，，…
    六十六了"); spans stay put."""
    return _NUMBER_MENDED.sub(
        lambda m: m.group()[: m.start("old") - m.start()] + "，" * (m.end() - m.start("old")),
        text,
    )


_ECHO_DENIED = re.compile(
    r"^[^？?，,。]{1,8}[？?]\s*(?:没有|不是|不对|哪有|哪里)[，,。\s]*(?P<rest>\S.*)$"
)


# "不是没有，有一辆旧车": a denied no is a yes
_NOT_NONE = re.compile(r"(?:也|倒|可)?不是没(?:有)?")


# "没啥不同意的", "没有不愿意的": nothing against is a yes
_NOTHING_AGAINST = re.compile(
    r"(?:没|没有)(?:啥|什么|啥子)?不(?P<said>同意|愿意|乐意|答应|可以|行)(?:的|啊|呀)?"
)


# "我没说不同意啊", "没说不能办": what was not said against is said; "没说干不了": able to
_NOT_SAID_AGAINST = re.compile(
    r"没(?:有)?说(?:过)?不(?P<said>同意|愿意|乐意|答应|可以|行|能)"
    r"|没(?:有)?说(?:过)?(?P<verb>[干做办])不(?:了|成|动)"
)
# "也不是不想学", "倒不是不愿意": a denied refusal is the wish itself
_NOT_UNWILLING = re.compile(r"(?:也|倒|并)?不是不(?P<said>想|愿意|同意|乐意|肯)")


def _said_for(m: re.Match[str]) -> str:
    return m.group("said") or f"能{m.group('verb')}"


def without_double_negation(text: str) -> str:
    text = _NOT_UNWILLING.sub(lambda m: m.group("said"), _NOT_SAID_AGAINST.sub(_said_for, text))
    return _NOTHING_AGAINST.sub(lambda m: m.group("said"), _NOT_NONE.sub("有", text))


def current_clauses(text: str) -> str:
    """The clauses about now: "以前是农村的，后来转成城镇了" -> "后来转成城镇了". Unchanged
    when no clause is about the past or none is about now."""
    parts = clauses(text)
    past: list[str] = []
    before = False
    for clause in parts:  # "原先在饭馆干，一个月三千，上个月刚辞了": the story of before goes on
        changed = _NOW.search(clause) is not None
        before = not changed and (before or _PAST.search(clause) is not None)
        if before:
            past.append(clause)
    now = [c for c in parts if c not in past]
    if not past or not any(_NOW.search(c) for c in now):
        return text
    return "，".join(now)


def superseded(text: str) -> list[tuple[int, int]]:
    """Spans of `text` the same answer takes back: a clause the speaker mends, with the
    repair words ("二级，不对，是三级": "二级，不对"), and the clauses about before when a later
    one says what changed ("以前有个面包车，去年卖了": "以前有个面包车"), as current_clauses
    and self_repaired drop them from the answer."""
    parts = [(m.start(), m.end()) for m in _CLAUSE_SPANS.finditer(text)]
    spans: list[tuple[int, int]] = []
    for index in range(1, len(parts)):
        start, end = parts[index]
        repair = _REPAIR.match(text, start, end)
        alone = _REPAIR_ALONE.match(text[start:end].strip())
        if alone or (repair and repair.group().startswith(_REPAIR_OPENERS)):
            spans.append((parts[index - 1][0], repair.end() if repair else end))
    past: list[tuple[int, int]] = []
    before = now_said = False
    for start, end in parts:
        clause = text[start:end]
        changed = _NOW.search(clause) is not None
        now_said = now_said or changed
        before = not changed and (before or _PAST.search(clause) is not None)
        if before:
            past.append((start, end))
    return spans + (past if past and now_said else [])


_CLAUSE_SPANS = re.compile(r"[^，,；;。！!？?]+")
_REPAIR_OPENERS = ("哦", "噢", "喔", "啊", "呃", "哎", "不对", "说错", "搞错")


# a clause about now that says how much (none), or that the work has ended ("现在也干不成了")
_NOW_AMOUNT = re.compile(r"没|无|光了|完了|干不(?:成|了|动)|不能干")


def told_before_now(text: str, start: int, end: int) -> bool:
    """The clause text[start:end] tells how it was ("以前靠他一个月六七千") and a clause after it
    how much it is now ("出事以后就没收入了", "现在就几百"): what it says is not the present."""
    clause = text[start:end]
    if not _PAST.search(clause) or _NOW.search(clause):
        return False
    return any(
        _NOW.search(c) and (NUMERAL_RE.search(c) or _NOW_AMOUNT.search(c))
        for c in clauses(text[end:])
    )


_DENIED = re.compile(r"(?:不是|不算|并非|不属于)(?P<said>[^，,；;。！!？?]{1,8})")
_NOT_HAD = re.compile(r"没有?(?P<said>[^，,；;。！!？?]{1,8})")
_HARDLY = re.compile(r"(?P<not>不咋|不怎么|不大|不太)(?P<said>[^，,；;。！!？?]{1,6})")
_STOPPED = re.compile(r"(?:不再|没再|不|没)(?P<said>[^，,；;。！!？?]{1,6})了")  # "不种地了"


def _negation_is_its_word(
    text: str, picked: str, synonyms: Mapping[str, Sequence[str]] | None
) -> bool:
    """ "没念完就退学了": the negation read as denying 退学 is part of a word of the same option
    (没念完), so nothing is denied."""
    return any(word[0] in "没不未" and word in text for word in (synonyms or {}).get(picked, ()))


def denied_choice(
    text: str, options: Mapping[str, str], synonyms: Mapping[str, Sequence[str]] | None
) -> str | None:
    """The option an answer chooses, read with what it denies: "不是农村的" to 城镇还是农村 is
    the other of two; "不种地了，出去打工了" is the option the rest names; the denied option
    alone ("不上班了") or with another named beside two options is none."""
    hardly = _HARDLY.search(text)
    if hardly and not any(
        word.startswith(hardly.group("not")) and word in text
        for words in (synonyms or {}).values()
        for word in words
    ):  # "不咋能干" (Shanxi: hardly able) is not 能干; "不咋好" is a word of its own (一般)
        picked = parse_choice(hardly.group("said"), options, synonyms)
        rest = parse_choice(text[: hardly.start()] + text[hardly.end() :], options, synonyms)
        if picked is not None:
            return rest if rest != picked else None
    # of two options, "没有城镇户口，都是农村的" denies one as 不是 does
    denied = _DENIED.search(text) or (
        _STOPPED.search(text) if len(options) > 2 else _NOT_HAD.search(text)
    )
    picked = None if denied is None else parse_choice(denied.group("said"), options, synonyms)
    if denied is None or picked is None or _negation_is_its_word(text, picked, synonyms):
        return parse_choice(text, options, synonyms)
    rest = parse_choice(text[: denied.start()] + text[denied.end() :], options, synonyms)
    if len(options) != 2:
        return rest if rest != picked else None
    if denied.re is _NOT_HAD and rest not in (None, picked):
        return rest  # "没有城镇户口，都是农村的": the other one, said too
    if rest not in (None, picked):
        return None
    return next(option for option in options if option != picked)


def still_received(text: str, named: list[str]) -> list[str]:
    """The items of `named` still received: an item whose clause says it was had before
    ("吃过低保") or ended ("取消了"), or is followed by a clause saying it ended, is dropped."""
    parts = clauses(text)
    ended: set[str] = set()
    for index, clause in enumerate(parts):
        following = parts[index + 1] if index + 1 < len(parts) else ""
        over = (
            _ENDED.search(clause)
            or _HAD.search(clause)
            or _PAST.search(clause)
            or _NONE_RECEIVED.search(clause)  # "特困和低保都没有", "没有低保"
        )
        if over or (_ENDED.search(following) and not find_items(following)):
            ended.update(str(i) for i in find_items(clause))
    return [i for i in named if i not in ended]


_THE_TWO = re.compile(r"老两口|老俩口|两口子|(?:我|俺|咱|额)们?(?:俩|两个)")


def person_of(clause: str) -> str | None:
    """Whose the clause is: the relation named ("老头子的九百"), "self" for 我, another member
    for 他/她; None when it names nobody."""
    relation = parse_relation(clause)
    if relation is not None:
        return relation
    named = match_relations(clause)  # "老头子的九百": the owner of the amount
    if named and clause[named[0].end : named[0].end + 1] == "的":
        return named[0].id
    if _PRONOUN.match(clause.strip()):
        return "him or her"  # "他一个月三千，我一千五": another member than the speaker
    if _THE_TWO.search(clause):
        return "the couple"  # "儿子一个月三千，老两口一人一百七": the speaker and the spouse
    return "self" if _SPEAKER.match(clause.strip()) else None


def without_speaker(text: str) -> str:
    """The clauses not about the speaker ("她没有，我有退休金两千" -> "她没有"); the whole text
    when every clause is, or none names anybody else."""
    parts = clauses(text)
    mine = [_speaks_of_self(c) for c in parts]
    if not any(mine) or all(mine) or not any(person_of(c) for c in parts if not _speaks_of_self(c)):
        return text
    return "，".join(c for c, own in zip(parts, mine, strict=True) if not own)


def without_other_members(text: str, asked: str) -> str:
    """The clauses not about a member other than the one asked about (relation `asked`):
    "她没收入，儿子在厂里一个月四千" asked of the wife -> "她没收入"; "" when every clause is
    about somebody else; the whole text when none names anybody."""
    parts = clauses(text)
    others = [_names_only_others(c, asked) for c in parts]
    if not any(others):
        return text
    return "，".join(c for c, other in zip(parts, others, strict=True) if not other)


_OWNER = re.compile(r"^(?:我|俺|咱|额)(?:的|家的?|们家的?)?")


def without_other_subjects(text: str, asked: str) -> str:
    """The clauses not led by a member other than the one asked about (relation `asked`), nor
    going on about one ("我还行，老伴不行，常年吃药" asked of the speaker -> "我还行"); a member
    named inside a clause ("在家看孙子") is no subject. The whole text when no clause, or every
    clause, is another's."""
    parts = clauses(text)
    others: list[bool] = []
    for clause in parts:
        said = clause.strip()
        owner = _OWNER.match(said)
        led = [m for m in match_relations(said[owner.end() if owner else 0 :]) if m.start == 0]
        if led:
            others.append(led[0].id not in (asked, "self"))
        elif match_relations(said):
            others.append(False)
        else:
            others.append(bool(others) and others[-1])  # no subject: the one before goes on
    if not any(others) or all(others):
        return text
    return "，".join(c for c, other in zip(parts, others, strict=True) if not other)


def _names_only_others(clause: str, asked: str) -> bool:
    named = {m.id for m in match_relations(clause)} - {"self"}
    return bool(named) and asked not in named


def _speaks_of_self(clause: str) -> bool:
    """ "我有退休金两千": led by 我 with nobody else named ("我老伴…", "自己也困难" are not)."""
    said = clause.strip()
    return bool(_SPEAKER.match(said)) and not [m for m in match_relations(said) if m.id != "self"]


_SAME_AS = re.compile(r"也|都|一样")


def differs_by_person(text: str) -> bool:
    """ "我的在这，老伴的还在她娘家那边": clauses about different people, none saying the
    same holds (也, 都, 一样): the answer is not one for the whole household."""
    people: list[str] = []
    for index, clause in enumerate(clauses(text)):
        person = person_of(clause)
        if person is not None and person not in people:
            if index > 0 and _SAME_AS.search(clause):
                return False
            people.append(person)
    return len(people) > 1


def added_count(text: str, unit: re.Pattern[str]) -> int | None:
    """ "城里一套，老家还有一套" -> 2: a count in each clause, the later ones said with 还有/另外,
    or one each, side by side ("一套自己住，一套出租"). None otherwise ("两套，一套是拆迁分的"
    is one count, broken down)."""
    counts: list[tuple[int, bool, bool]] = []  # (count, said with 还有, described)
    for clause in clauses(text):
        number = NUMERAL_RE.search(clause)
        if _GONE.search(clause):
            continue
        if (number is None or not unit.match(clause, number.end())) and counts:
            if _ADDED.search(clause) and _ONE_HOME.search(clause):
                counts.append((1, True, True))  # "…，村里还有个老宅子": one more
            continue
        if number is None or not unit.match(clause, number.end()):
            continue
        value = parse_number(number.group())
        if value is None or value != int(value):
            return None
        said_about = _FILLER.sub("", clause[: number.start()] + clause[number.end() + 1 :])
        counts.append((int(value), bool(_ADDED.search(clause)), len(said_about) >= 2))
    if len(counts) < 2:
        return None
    added = all(also for _, also, _ in counts[1:])
    # "一套，就一套" says one twice: side by side only when each one is told apart
    side_by_side = all(value == 1 and described for value, _, described in counts)
    return sum(value for value, _, _ in counts) if added or side_by_side else None


# a place lived in but not owned: rented, borrowed, someone else's
# (not one let out: "一套出租", "租给别人")
_NOT_OWNED = re.compile(
    r"(?<!出)租(?!出|给)|借住|借的|寄住|住(?:在|的是)?[^，,；;。]{0,6}(?:家|那儿|那里)"
)


_NOT_OURS = re.compile(
    r"不是(?:我们|我|自己|咱|俺)(?:家|们)?的|(?:是|属于)(?:单位|公家|厂里|学校|村里|集体|公司)的"
)


_A_HOME = re.compile(rf"{NUMERAL_RE.pattern}|房|套|处|院")


def owned_clauses(text: str) -> str | None:
    """The clauses about homes owned: "没有房，租的一间平房" -> "没有房"; None when every
    clause is about a home rented or borrowed ("租的两间房": how many are owned is not said)."""
    parts = clauses(text)
    rented = {i for i, c in enumerate(parts) if _NOT_OWNED.search(c)}
    for i, clause in enumerate(parts):  # "房子有，但不是自己的，是单位的": that house is not ours
        if _NOT_OURS.search(clause):  # said of the house before when it names none itself
            alone = i > 0 and not _A_HOME.search(clause)
            rented |= {i, i - 1} if alone else {i}
    if not rented:
        return text
    return "，".join(c for i, c in enumerate(parts) if i not in rented) or None


_SPEAKER_WORDS = re.compile(r"我|俺|咱|额(?![度外])")  # 额: 我 in 甘肃/宁夏/山西 speech
_COUPLE = re.compile(r"两口子|老两口|老俩口|(?:我|俺|咱|额)们?俩")
_CHILDREN = re.compile(r"娃|孩子|小孩")
_HOW_MANY = {"俩": 2, "仨": 3, "两个": 2, "三个": 3, "四个": 4, "一个": 1, "个": 1}
_HOW_MANY_BEFORE = re.compile(r"(?:俩|仨|两个|三个|四个|一个|个)$")
_LIST_FILLER = re.compile(
    r"现在|就剩|只剩|剩下|家里|家|就|只有|一共|总共|还有|另外|再加上?一?个?|加上|加|带着|带|和|跟|同|与|以及"
    r"|小(?=$)"  # "再加个小孙子": the little one, before the relation word
    r"|们|了|呢|吧|啊|的|、|\s|俩$"  # "我跟老伴俩": the two just listed
    r"|(?:一?个)?(?:傻|残疾|瘫痪|生病|有病|聋哑|智障)"  # "还有个傻儿子": how, not who else
)
# a relative with a household of their own, or gone; not one working away (外出务工 may still
# be a member: the total is asked)
_LIVES_ELSEWHERE = re.compile(
    r"成家|去世|过世|走了|不在了|(?<![还都也])没了(?![^，。；！？,\s])|死了|分家|分开过|另过|单过|嫁人|嫁出去|出嫁|住隔壁|住对门|另住|单住|分开住"
    r"|(?<![我俺额咱])(?:自己|自个儿?)过"  # "儿子在兰州自己过"
    # not "在外地打工": a migrant worker may still be one of the household (ask the total)
    r"|不跟(?:我们|俺们|咱们|我|俺)(?:一起|一块儿?)?(?:住|过)"
)


def _possessive_end(clause: str, at: int) -> int:
    while at < len(clause) and clause[at] in "家们的":
        at += 1
    return at


# the speaker living apart from those asked about ("俺娘跟俺弟弟两个人，俺不跟他们一块住")
_SPEAKER_ELSEWHERE = re.compile(
    r"(?:我|俺|额)(?:不|没)(?:跟|和)(?:他们|她们|他|她|他俩|她俩)(?:一起|一块儿?)?(?:住|过)"
)


def lives_elsewhere(clause: str) -> bool:
    """ "闺女出嫁了", "儿子成家了": somebody of the clause has a home of their own (or is gone)."""
    return _LIVES_ELSEWHERE.search(clause) is not None


def without_people_elsewhere(text: str) -> str:
    """The answer to 几口人 without its clauses about people who live elsewhere ("俺两口子，
    儿子在太原上班，不跟俺们一块过" -> "俺两口子"): the first clause is always kept."""
    parts = clauses(text)
    kept = parts[:1]
    for index, part in enumerate(parts[1:], start=1):
        after = parts[index + 1] if index + 1 < len(parts) else ""
        told_after = not match_relations(after) and _LIVES_ELSEWHERE.search(after)
        if _LIVES_ELSEWHERE.search(part) or _SPEAKER_ELSEWHERE.search(part) or told_after:
            continue
        kept.append(part)
    return "，".join(kept)


def people_listed(text: str) -> int | None:
    """ "我跟老伴，还有俩孙子" -> 4, "家里就我和老头子" -> 2: the speaker and the relatives
    listed (each once, or as counted: 俩孙子). None unless some clause is nothing but such a
    list, with the speaker (我) or a couple (两口子) in it, and every other clause naming a
    relative says that one lives elsewhere."""
    total, listed, couple_counted = 0, False, False
    for clause in clauses(text):
        spans = [(m.start, m.end) for m in match_relations(clause)]
        spans += [(m.start(), m.end()) for m in _CHILDREN.finditer(clause)]
        spans += [(m.start(), m.end()) for m in _COUPLE.finditer(clause)]
        if not spans:
            continue
        people, rest, last = 0, "", 0
        for start, end in sorted(spans):
            if start < last:
                return None  # overlapping words: not a plain list
            before = _HOW_MANY_BEFORE.search(clause, last, start)
            rest += clause[last : before.start() if before else start]
            pair = _COUPLE.fullmatch(clause, start, end)
            people += 2 if pair else _HOW_MANY[before.group()] if before else 1
            last = end
        rest += clause[last:]
        starts = {start for start, _ in spans}
        speaker = any(  # "我老伴", "我家老头": possessive, not the speaker listed
            _possessive_end(clause, m.end()) not in starts for m in _SPEAKER_WORDS.finditer(clause)
        )
        rest = _LIST_FILLER.sub("", _SPEAKER_WORDS.sub("", rest))
        couple = _COUPLE.search(clause) is not None
        if not rest:
            listed = listed or speaker or couple
            # "两口子，我跟老伴": the same two said again
            just_us = (couple and people == 2) or (
                speaker and people == 1 and {m.id for m in match_relations(clause)} <= THE_COUPLE
            )
            if just_us and couple_counted:
                continue
            couple_counted = couple_counted or just_us
            total += people + (1 if speaker and not couple else 0)
        elif not _LIVES_ELSEWHERE.search(clause):
            return None
    return total if listed else None  # "老伴和孙子" alone: is the speaker one of them?


# "要是儿子寄钱能有两千", "如果算上儿子的": a supposition states no fact ("如果说…" and
# "要说…" only name the topic)
_SUPPOSED = re.compile(
    r"^(?:可|但|但是|不过|就|那|那要|可要)?(?:要是|如果|假如|假设|若是|倘若|万一|要不是)(?!说)"
)
_SUPPOSED_ENDS = re.compile(r"的话")
_THEN = re.compile(
    r"^(?:那|就|能|会|得|也|还|有(?!时)|至少|最少|起码|大概|可能|估计)"
)  # "…，能有一千五"


def supposed_clauses(text: str, *, keep_consequence: bool) -> tuple[str, str]:
    """(what the answer states, what it supposes): "要是能办我早办了，没有" -> ("没有",
    "要是能办我早办了"). What follows a condition ("…的话，", "如果闺女给钱，能有一千五") is
    supposed too, unless `keep_consequence` ("要是不要钱的话，想学": a wish, said of now)."""
    stated: list[str] = []
    supposed: list[str] = []
    then = False  # the clause before was a condition: this one may be what follows it
    for clause in clauses(text):
        said = clause.strip()
        if _SUPPOSED.match(said):
            condition = _SUPPOSED_ENDS.search(said)
            rest = said[condition.end() :] if condition else ""
            if rest and keep_consequence:
                supposed.append(said[: condition.end() if condition else len(said)])
                stated.append(rest)
            else:
                supposed.append(said)
            then = not rest
        elif then and not keep_consequence and (_THEN.match(said) or supposed[-1].endswith("的话")):
            supposed.append(said)
            then = False
        else:
            stated.append(said)
            then = False
    return "，".join(stated), "，".join(supposed)
