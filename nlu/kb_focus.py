"""Find the request in a long message: a caller's story, greeting or complaint around the question
must not drown it in the KB search.

`requests(text)` splits the message into sentences (。！？；, line breaks) and returns the
request sentences — those that ask (吗, 怎么, 哪, 多少, 能否, 上不上班 … or a question mark) —
each cut down to its asking clause plus the clauses just before it that name what it is about
(an item such as 低保, or 申请/办理). Greeting and thanks clauses are dropped. A complaint or
exclamation dressed as a question (为啥我家评不上？急成啥了) is a request only when nothing
else asks; a message that asks nothing is searched on its plea (恳请……给予临时救助). Items
named elsewhere in the story are added as facts, the item words alone, when the request does not
name one ("我想申请低保，要带什么？"). A clause after the asking one that still names the item or
the action ("能不能不算全家，只给我儿子单独办低保？") is kept with it; a bare asking clause
reads with the clause before it unless that one is pure story. One sentence may ask twice
("12345到底能管些什么，……你们能不能直接帮我批下来？"): an earlier real asking clause, before where
the last request starts, is a request too; so is one counted off before the next ("一是……，二是
……", "……，还有就是……": the next then names the benefit of the one before when it names none),
and one adding (还, 再, 另外 …) another aspect (材料, 时限, 渠道 …) of an item of ours named in it or
in the plea before it ("想申请临时救助，要去哪里申请，还要准备啥材料"; the later one takes that item), and,
without 还, one asking an aspect the question just before it does not ask as one with it ("低保要带
啥材料，多少天能办完": `_asked_apart`; a short message too, `_two_asked`). Told
in the story is not asked: a question the caller was asked ("村上来人问我家有没有车"), 几 after 了
("挣不了几个钱"); a check of what was heard ("是不是这样") reads with what was heard. A short message (≤ SHORT characters) is returned
whole, unless it ends in a whole question naming its item after story clauses that name no place
(`_ends_complete`). Distinct requests, at most two, are returned in the order asked; a message
with no asking sentence is one request, the whole text.
"""

from __future__ import annotations

import re

from nlu.lexicon import find_items, match_items, match_regions
from nlu.places import other_place
from nlu.synonyms import kindred_aspects, table
from nlu.tokenize import normalize, tokenize

SHORT = 24  # characters: a message this short is its own request
MAX_REQUESTS = 2
_SENTENCE = re.compile(r"[^。！？!?；;\n]+[。！？!?；;\n]*")
# Clauses are cut at commas, colons and spaces, not at the enumeration comma: "低保、特困还是临时
# 救助" is one list, and its tail alone ("特困还是临时救助") would read as a question of its own.
_CLAUSE = re.compile(r"[，,：:\s]+")
# Not asking: 这么/那么/多么, 不怎么, 没啥/啥都, 没谁/有谁/谁都, 说不定哪天/哪怕, 没多少, 好几年/二十几号/
# 前几天/这几年/没几个/我们几个/收不了几个钱/跑了几年, and a number before 几 (八几年, 六十几岁: about so
# many).
_ASKS = re.compile(
    r"[？?]|吗|(?<![这那多])(?<!不怎)么|嘛|呢|(?<!没)啥(?![都也])|(?<![没有])谁(?![都也])|咋|(?<!不)怎|(?<!说不定)哪(?![怕])|"
    r"(?<![没了])多少|多久|多长|(?<![好十几这那前后没们了一二三四五六七八九两0-9])几[天个点年月号成]|(.)[不没]\1|可不可以|"
    r"还是|如何|什么|请问|想问|想知道|问一下|问问|能否|是否|可否|有无|何时|何处|咨询|了解一下|"
    r"告诉我|告知|帮我查|查一下|真的假的|是真是假"
)
# A plea without a question word ("恳请政府给予临时救助", "我想给我爸申请低保"): the request
# when the message asks nothing.
_PLEA = re.compile(r"希望|恳请|请求|求求|盼|望|帮帮|想申请|要申请|想给.{1,6}申请|想办|想帮")
# Asking words that are not a request: a complaint ("为啥我家评不上？"), an exclamation
# ("急成啥了"), a sigh. A request is looked for among the other asking clauses first.
_NOT_ASKING = re.compile(
    r"^(?:为啥|为什么|凭什么|怎么还|咋还|难道|谁管)|(?:合理|公平|应该|对)吗$|成啥(?:样)?了$|"
    r"^(?:这可)?咋办(?:呢|啊)?$|^怎么办(?:呢|啊)?$|是这样吗$|是真的吗$|^真的吗$|"
    # "听说……能单独吃低保，真的假的，怎么申请": a check of what was heard, read over to it
    r"真的假的$|是真是假$|"
    # a preamble: "额想问问低保的事", "我想问个事情" (the question comes after it)
    r"^(?:我|俺|额)?(?:就)?(?:想|要)?(?:问问|问一下|问下|问个事情?|咨询一下?|打听一下?)"
    r"(?:.{0,8}的事(?:情|儿)?)?$|"
    # "我想问两个事", "想咨询几个问题": the questions come after it
    r"^(?:我|俺|额)?(?:就)?(?:想|要)?(?:问|咨询|打听|请教)(?:一下)?[两几三俩]个?(?:事|事情|事儿|问题)$|"
    # a question the caller was asked, told in the story: "乡里来调查问我们家有没有存款"
    r"(?:他|她|他们|人家|干部|工作人员|乡里|村里|村上|乡上|街道|社区|调查|上门|来人).{0,3}问(?:我|俺|额|咱)"
)
_GREETING = re.compile(
    r"^(?:喂|你好|您好|你们好|同志|师傅|大姐|大哥|老师|领导|工作人员|打扰了?|麻烦(?:你|您)?|谢谢|"
    r"感谢|辛苦了?|唉|哎|嗯|啊|好的|是这样的?|我想问个事|问个事|着急|太难了|实在是太难了|"
    r"是(?:救助|民政|政务)?热线吗|是12345吗|在吗|能听到吗|听得见吗)+"
    r"(?:你|您|你们|您们|啊|呀|了|一下)*$"
)
# What a request is about: an action the KB answers on, a complaint or disagreement, a programme
# named without an item (a clause naming one is not pure story: "我要投诉，应该去哪里反映",
# "听说能算事实无人抚养儿童，要去哪里申请"). Not nouns a story lists (残疾证, 丧葬补助金).
_TOPIC = re.compile(
    r"申请|办理|办|认定|领取|补贴|津贴|救助|帮扶|贷款|登记|材料|条件|电话|结果|进度|"
    r"投诉|反映|复议|复查|不服|不同意|无人抚养"
)


def _clauses(sentence: str) -> list[str]:
    return [c for c in _CLAUSE.split(sentence.strip("。！？!?；; \n")) if c]


def _asks(clause: str) -> bool:
    return bool(_ASKS.search(clause))


def _asking(clauses: list[str]) -> list[int]:
    """Indices of the request clauses: asking ones that are not a complaint or exclamation
    (all asking ones when every one is), else the pleas."""
    asking = [i for i, c in enumerate(clauses) if _asks(c)]
    real = [i for i in asking if not _NOT_ASKING.search(clauses[i])]
    return real or asking or [i for i, c in enumerate(clauses) if _PLEA.search(c)]


def _focuses(clauses: list[str]) -> list[str]:
    """The requests of one sentence, in order: the last one, and before where it starts, an
    earlier real asking clause ("12345到底能管些什么，……你们能不能直接帮我批下来？")."""
    found: list[str] = []
    end = len(clauses)
    while end > 0 and len(found) < MAX_REQUESTS:
        part = clauses[:end]
        if found and not any(_asks(c) and not _NOT_ASKING.search(c) for c in part):
            break  # before the last request, only real questions count (not a sigh or plea)
        if not _asking(part):
            break
        start, focus = _focus(part)
        found.insert(0, focus)
        end = start
    return found


def _focus(clauses: list[str]) -> tuple[int, str]:
    """The last asking clause and the clauses before it back to the one naming the topic, and
    the index of the first clause it takes."""
    last = max(_asking(clauses))
    if last > 0 and _follow_up(clauses[last]) and _complete(clauses[last - 1]):
        last -= 1  # "……要到哪里去申请，县上还是学校": the question is asked before it
    start = last
    # Back over asking clauses (one request asked twice over) to the clause naming the item or
    # the action (申请, 办 …), at most three back; a clause of pure story ends the request, and
    # so does one that opens the next of several ("一是……，二是……": _NEXT).
    asked = _aspects(clauses[last])
    item = ""
    for j in range(last, max(last - 4, -1), -1):
        clause = clauses[j]
        if j < last and _NEXT.match(clauses[j + 1]):
            break
        if (
            j < last
            and asked
            and _AND.match(clauses[last])
            and _asks(clause)
            and (_aspects(clause) - asked)
        ) or (j == last - 1 and _asked_apart(clause, clauses[last])):
            item = _ours(clauses, j)
        if item:
            # "低保要去哪里申请，还要准备啥材料": where, then what to bring, two requests (of an
            # item of ours named there: "教师资格证一年考几次，在哪报名" stays one, its subject)
            break
        if j < last and _NOT_ASKING.search(clause):
            continue  # "这是真的吗": read over it to what the request is about
        asks = _asks(clause)
        if j < last and not asks and not _TOPIC.search(clause) and not find_items(clause):
            break
        start = j
        if find_items(clause) or (j < last and not asks):
            break
    if (
        start == last
        and last > 0
        and not item
        and not _NEXT.match(clauses[last])
        and not (_TOPIC.search(clauses[last]) or find_items(clauses[last]))
    ):
        before = clauses[last - 1]
        if _asks(before) or _continues(before) or _POINTS_BACK.search(clauses[last]):
            # not a clause of pure story ("我心里不舒服"), unless the question points back at
            # it ("家里情况变了要报告，这种情况要不要去报")
            start = last - 1  # a bare "要什么条件？" reads with the clause before it
    end = last + 1  # and on over the clauses after it that still say what is asked for
    while end < len(clauses) and _continues(clauses[end]):
        end += 1
    kept = [
        c
        for i, c in enumerate(clauses[start:end], start)
        if not _GREETING.match(c) and (i >= last or not _NOT_ASKING.search(c))
    ]
    focus = "，".join(kept) or clauses[last]
    return start, f"{item}，{focus}" if item and not find_items(focus) else focus


# A clause that only narrows the question before it: a choice between two places or ways
# ("县上还是学校", "是政务大厅还是乡政府") or the caller's own case ("俺这个算哪一种",
# "我们这种算不算").
_FOLLOW_UP = re.compile(
    r"^(?:是|去|在|找)?[^，,还]{1,6}还是[^，,]{1,6}?(?:呀|啊|呢|吧)?$|"
    r"^(?:我|俺|额|我们|俺们|我家|俺家)?(?:这种|这个|这样)(?:情况)?(?:的)?(?:人)?"
    r"(?:算哪|算啥|算什么|属于哪|属于啥|算不算|属不属于)"
)


# A clause opening the next of several questions in one sentence: "一是低保在哪申请，二是多长时间出
# 结果", "一个是要带啥材料，再一个是几天能批", "……谁能领，还有就是要什么材料".
_NEXT = re.compile(
    r"^(?:二是|三是|第二|第三|其二|其次|再一个|再一个是|再就是|还有就是|还有一个是?|另外|另一个是|"
    r"再有就是)"
)


# A clause adding a question ("……，还要准备啥材料"), not one following up ("……，大概要多久").
_AND = re.compile(r"^(?:还|再|另外|并且|同时|以及|顺便)")


# A question about the situation just told: "这种情况要不要去报", "这事找谁".
# So is a check of what the caller heard ("村里有人说亲戚是干部就不能报，是不是这样").
_POINTS_BACK = re.compile(
    r"这种情况|这个情况|这样的情况|这情况|这种事|这个事|这事|"
    r"^(?:是不是这样|是这样吗|是不是真的|是真的吗|对不对|对吗)(?:呀|啊|呢|吧)?$"
)
# "这个护理补贴俺家能不能领": the thing asked about is the one named earlier in the story.
_THIS = re.compile(r"(?:这个|那个|这种|那种|这|那)(?=[\u4e00-\u9fff])")


def _with_antecedent(clauses: list[str], focus: str) -> str:
    """The request with the story clause that introduced what it calls 这个/那个 X ("听说重度
    残疾人有护理补贴，……这个护理补贴俺家能不能领"): the clause says which X it is (the
    disabled's 护理补贴, not the old people's). X is the first word after the demonstrative, of
    two characters or more and not an item (an item named in the story is added anyway); the
    clause is looked for up to three clauses before the request. The request as it is when
    there is none."""
    asked = _clauses(focus)
    if not asked or asked[0] not in clauses:
        return focus
    start = clauses.index(asked[0])
    for clause in asked:
        for m in _THIS.finditer(clause):
            words = tokenize(clause[m.end() :])
            word = words[0] if words else ""
            if len(word) < 2 or not _BENEFIT.search(word) or word in clause[: m.start()]:
                continue
            for j in range(start - 1, max(start - 4, -1), -1):
                if word in clauses[j]:
                    return f"{clauses[j]}，{focus}"
    return focus


def _asked_apart(first: str, then: str) -> bool:
    """Two questions asked back to back, without 还 or 另外, on different aspects of an item
    ("历城低保要啥材料，多少天办完"; "特困要啥条件，一个月给多少"): both real questions, each naming
    an aspect (材料, 时限, 条件 …) and none the other asks as one with it (在哪申请 and 怎么申请
    are one, nlu.synonyms.kindred_aspects). One question asked twice over ("多久能批，啥时候有
    结果") or a narrowing of it ("……，县上还是学校") is not two; nor is a question about another
    place ("上海的公租房咋申请，要排多久") or a neighbouring programme ("退伍军人户口迁回原籍去哪办，
    要带什么"), whose second half, read alone with our item, would be answered with our rules."""
    from nlu.kb_programmes import programmes  # it imports this module

    if not all(_asks(c) and not _NOT_ASKING.search(c) for c in (first, then)):
        return False
    if other_place(first) is not None or programmes(first):
        return False
    one, two = _aspects(first), _aspects(then)
    if "流程" in one:  # "申请低保是怎么个流程，大概要多久": the procedure, its length a part of it
        return False
    return bool(one and two) and not kindred_aspects(frozenset(one)) & two


def _two_asked(text: str) -> bool:
    """A short message of two questions on different aspects of the item its first names
    ("宁夏特困要带啥 多久批下来"): two requests, not one."""
    clauses = _clauses(text)
    return len(clauses) == 2 and bool(match_items(clauses[0])) and _asked_apart(*clauses)


def _ours(clauses: list[str], j: int) -> str:
    """The item of ours both requests are about, as the caller names it: in asking clause j, or
    in the plea just before it ("想申请低保，要去哪里申请"), not in a clause of story ("低保也报过
    没批上，这个计划生育奖扶一年给多少"). Empty when there is none."""
    for clause in (clauses[j], clauses[j - 1] if j > 0 else ""):
        found = match_items(clause)
        if found and (clause is clauses[j] or _PLEA.search(clause)):
            return "".join(dict.fromkeys(m.text for m in found))
    return ""


def _aspects(clause: str) -> set[str]:
    """What a clause asks about of an item (材料, 时限, 渠道, 金额 …: the synonym table's aspects)."""
    syn = table()
    return syn.aspects(syn.canonical_tokens(tokenize(syn.spaced(clause))))


def _follow_up(clause: str) -> bool:
    """An asking clause that only narrows the question before it (_FOLLOW_UP) and names no
    topic, item or aspect (材料, 时限, 渠道 …) of its own: its words (县上, 学校, 一种) are in
    no entry, so searched with it the right entry reads as less certain."""
    if not _FOLLOW_UP.search(clause) or _TOPIC.search(clause) or find_items(clause):
        return False
    syn = table()
    return not syn.aspects(syn.canonical_tokens(tokenize(syn.spaced(clause))))


def _complete(clause: str) -> bool:
    """A real question that names what it is about: "生源地助学贷款要到哪里去申请"."""
    asks = _asks(clause) and not _NOT_ASKING.search(clause)
    return asks and bool(_TOPIC.search(clause) or find_items(clause))


def _continues(clause: str) -> bool:
    """ "能不能不算全家，只给我儿子一个人单独办低保？": a clause after the asking one that
    still says what is asked for (an item or an action), not a greeting or thanks."""
    return not _GREETING.match(clause) and bool(_TOPIC.search(clause) or find_items(clause))


def requests(text: str) -> list[str]:
    """The request(s) in a message, each a short text to search the KB with."""
    clean = normalize(text).strip()
    if len(clean) <= SHORT and not _ends_complete(clean) and not _two_asked(clean):
        return [clean]
    sentences = [s for s in _SENTENCE.findall(clean) if s.strip()]
    split = [[c for c in _clauses(s) if not _GREETING.match(c)] for s in sentences]
    asking = [c for c in split if any(_asks(x) for x in c)]
    real = [c for c in asking if any(not _NOT_ASKING.search(x) for x in c if _asks(x))]
    # Sentences with a real question; else complaints too; else pleas ("恳请……给予救助").
    chosen = real or asking or [c for c in split if _asking(c)]
    found: list[str] = []
    for clauses in chosen:
        for focus in _focuses(clauses):
            if focus not in found:
                found.append(focus)
    if not found:
        return [clean]
    found = found[-MAX_REQUESTS:]
    every = [c for c in _clauses(clean) if not _GREETING.match(c)]
    found = [_with_antecedent(every, focus) for focus in found]
    found = [_with_subject(found[:i], focus) for i, focus in enumerate(found)]
    context = _item_clause(clean)
    return [focus if find_items(focus) else context + focus for focus in found]


def _with_subject(before: list[str], focus: str) -> str:
    """The next of several questions naming nothing of its own ("经济困难老年人补贴谁能领，还有就是
    申请要什么材料") is about the benefit the question before it names: its name goes with it
    (not that question's asking words: "一个是要带啥材料，再一个是几天能批" stays apart)."""
    if not before or not _NEXT.match(focus) or names_a_benefit(focus):
        return focus
    named = _NAMED_BENEFIT.findall(before[-1])
    return f"{named[-1]}，{focus}" if named else focus


# A benefit's name as a caller says it: the words before 补贴, 救助 … in one clause.
_NAMED_BENEFIT = re.compile(r"[\u4e00-\u9fff]{0,6}(?:补贴|津贴|补助|救助|帮扶|贷款|保障|供养)")


def _ends_complete(text: str) -> bool:
    """A short message whose last clause is a whole question naming its item ("家里是低保户 娃考上
    大学了 助学贷款上哪办") after clauses of story that name no place: the story's words (低保,
    上学) are the background, not what is asked, and searched with it they pulled a sibling on
    another step (the loan's conditions, not where to apply). Its request is that clause, the
    rest its story (the whole message is searched too, nlu.retrieval_answers). A place in the
    story stays with the question: whole."""
    clauses = _clauses(text)
    if len(clauses) < 2 or not (_complete(clauses[-1]) and find_items(clauses[-1])):
        return False
    story = "，".join(clauses[:-1])
    return not match_regions(story) and other_place(story) is None


def _item_clause(text: str) -> str:
    """The items named in the first clause naming one, in the caller's words (synonyms read
    them again), without the rest of that clause: "我申请低保签了个授权书" adds 低保, not
    授权书, to "核对都查些啥"."""
    for clause in _clauses(text):
        found = match_items(clause)
        if found:  # each named once: "低保复查把我家的低保取消了" -> 低保
            return "".join(dict.fromkeys(m.text for m in found)) + "，"
    return ""


# What a request asks for, when it names no item: a benefit of some kind ("有没有生活补贴").
_BENEFIT = re.compile(r"补贴|津贴|补助|救助|帮扶|贷款|保障|供养|慰问")


def names_a_benefit(request: str) -> bool:
    """The request says what it asks for (an item, or 补贴/救助 …), not only how or where
    ("能去哪里申请复核", "这个钱在哪里申请")."""
    return bool(find_items(request) or _BENEFIT.search(request))


def says_what(request: str) -> bool:
    """The request names what it is about (an item, a benefit, an action or topic such as 申请,
    材料, 投诉), not only whom or where to ask ("这个事我该找谁", "这种情况咋办")."""
    return names_a_benefit(request) or bool(_TOPIC.search(request))


def asking_part(request: str) -> str:
    """The clauses of a request that ask or name the action or benefit asked about ("想办个退役
    军人优待证，在哪儿办"; "听说乡村医生有老年生活补助，这个补助咋申请"), without the story
    clauses kept around them ("我们俩有退休金，……是不是真的，咋办": not 退休金)."""
    return "，".join(
        c
        for c in _clauses(normalize(request))
        if _asks(c) or _TOPIC.search(c) or _BENEFIT.search(c)
    )


def lead_in(text: str, request: str, clauses: int = 1) -> str:
    """The (up to) `clauses` clauses of the message just before where its request starts: what
    a request naming no subject of its own is about ("拆迁补偿谁说了算，能去哪里申请复核").
    Empty when the request is the whole message or is not found in it."""
    split = _clauses(normalize(text))
    asked = _clauses(request)
    if not asked:
        return ""
    for start in range(len(split) - 1, -1, -1):
        if split[start] == asked[0]:
            return "，".join(split[max(start - clauses, 0) : start])
    return ""


_THERE = re.compile(r"那边|那里|那儿|那块|当地|他们那|她那|他那")


def points_elsewhere(request: str) -> bool:
    """ "她那边低保去哪申请": the request is about a place named earlier in the story."""
    return bool(_THERE.search(request))


def asked_elsewhere(request: str) -> str | None:
    """ "我是宁夏的，在北京干活，北京那边低保咋申请": the clause that asks names another
    province or city (and none of ours), though the story before it names ours."""
    clauses = _clauses(normalize(request))
    return other_place(clauses[-1]) if clauses else None


def last_place(text: str) -> tuple[str | None, str | None]:
    """The place the message last names, as (our region id, None) or (None, another place's
    name): "我在银川上班，我妈在兰州住，她那边……" is about 兰州. (None, None): no place."""
    for clause in reversed(_clauses(normalize(text))):
        ours = match_regions(clause)
        if ours:
            return ours[-1].id, None
        place = other_place(clause)
        if place is not None:
            return None, place
    return None, None
