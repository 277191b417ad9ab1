"""Household members named in a free text, and which member a fact at some place is about.

Members are found by relation word (nlu.lexicon), the speaker (我/俺), children of unsaid sex,
couples (老两口) and pronouns (他/她: the member named last before who still lives there).
A member is marked departed when the words after it say so ("走了", "成家了"); the same words
("我儿子") later in the text name the same departed person. Members of the same relation are
told apart by a person key ("parent#父亲", "parent#母亲"; `Mention.key`), so "我爸八十，我妈有
心脏病" is two parents. Used by nlu.facts.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from nlu.lexicon import match_relations, relative_of
from nlu.numerals import parse_number
from nlu.surnames import PATTERN as SURNAME

SELF = "self"
CHILD = "child"  # a child of unsaid sex ("孩子", "两个娃"): no relation id yet
UNNAMED = "unnamed"  # "老人", "亲戚", "有人": somebody, but not a member we can place
COUNT = r"(?P<n>\d{1,2}|[一二两俩三仨四五六七八九十]{1,2})"
_SENTENCE = re.compile(r"[^。！？!?；;\n]+")
_CLAUSE = re.compile(r"[^，,。！？!?；;\n]+")
# 额 is 我 in 甘肃/宁夏/山西 speech, but only where it cannot be 金额/名额/额度: "额跟老伴", "额是…"
_SPEAKER = re.compile(
    r"(?:我|俺|本人|自己|(?<![金余限差总定名份数税面超配])额(?=[跟和是今也就都]))(?!们|家|村|市|县|区|省)"
)
# "我们村有人吃着低保": somebody else; "家里有人" is one of us (unplaced); "老人补贴" is an item
# Someone asked for who is no relative: "我们村有个孤儿", "楼下的王大爷" (大爷 after a possessive
# is a relative: lexicon.yml possessed_relations).
_UNNAMED = re.compile(
    r"老人家?(?![补津]贴)|老爷子|(?<![我俺咱家])老太太|邻居|村干部|干部|村主任|村长|支书|书记|工作人员|别人|人家"
    r"|(?<!家)(?<!里)有(?:个|一个|户|家)?人"
    r"|(?<!是)孤儿|(?<![我俺咱家])(?:大爷|大娘|大妈)"
    # "楼下的刘奶奶", "我们村马大姐": a surname before a kin word is how a neighbour is called
    rf"|(?<![我俺咱他她\d一二两三四五六七八九十百千万]){SURNAME}"
    r"(?:奶奶|爷爷|大爷|大娘|大妈|大婶|婶子|大姐|大哥|阿姨|叔叔|大叔|伯伯|老太太|老爷子)"
    # "村里的老马叔", "老王婶": 老 + a surname + a kin word is a villager, nobody's uncle
    rf"|老{SURNAME}(?:叔|婶|伯|爷|奶|姨)"
    # "我们班有个学生", "这个学生": a teacher's pupil, no relative of the writer
    r"|(?<=有个)学生|(?<=有一个)学生|(?:这|那|该)(?:个|名|位)?学生"
)
_THEIR_OWN = re.compile(r"自家的?|家的?")
_PRONOUN = re.compile(
    r"(?<!其)[他她](?!们|俩|两个)"
)  # not 其他 ("everyone else"), not 他俩 (a pair)
_COUPLE = re.compile(r"老两口|两口子|我们老俩")
# "我和老伴…我俩都七十了": the speaker and the spouse, once a spouse has been named
_WE_TWO = re.compile(r"(?:我|俺|咱|额)们?(?:俩|两个)(?!孩子|娃|儿子|闺女|女儿)")
# "俺俩加俩孩子", "我们两个带着娃": the two with their children are the children's parents
_AND_THE_CHILDREN = re.compile(
    r"人?(?:加上?|和|跟|带着?|还有)(?:俩|两个|仨|三个|一个)?(?:孩子|娃|小孩|儿子|闺女|女儿)"
)
_ELDER = re.compile(r"老人家?|老爷子|老太太")
_IS_MY = re.compile(r"是(?:我|俺)(?:的|家)?")
_NOBODY = (SELF, UNNAMED, CHILD)
_OF_OUR_CHILD = {"parent": "spouse", "grandparent": "parent"}
_OF_OUR_GRANDCHILD = {"grandparent": "spouse"}  # "孙子…他爷爷": the speaker's partner
_OUR_CHILDREN = ("son", "daughter", CHILD)
_JOINED = re.compile(r"[和跟与及、]?")
# 娘俩, 爷儿俩: a pair, the speaker may be either ("俺跟掌柜的俩人": the two of us, a spouse)
_PAIR = re.compile(r"儿?俩(?!人)|儿两个")
# "就我跟孙子俩": the speaker and that one relative, not a pair word like 娘俩
_WITH_SPEAKER = re.compile(r"(?:我|俺|额)(?:和|跟)(?:我|俺|额)?$")
_NONE_OF = re.compile(r"(?:没有|没|无)(?:个|一个|任何)?$")  # "也没有孩子": nobody to place


@dataclass(frozen=True)
class Mention:
    """A household member named in the text: a relation id, CHILD or UNNAMED; `person` tells
    apart members of the same relation ("母亲"), empty when the word names the relation only."""

    relation: str
    start: int
    end: int
    count: int = 1
    departed: bool = False
    couple: bool = False  # 老两口: the speaker and the spouse
    person: str = ""

    @property
    def key(self) -> str:
        """Who a fact is about: the relation, or "relation#person" ("parent#母亲")."""
        return f"{self.relation}#{self.person}" if self.person else self.relation


@dataclass(frozen=True)
class PersonWords:
    """Words that tell members of one relation apart (nlu/data/facts.yml `persons`)."""

    persons: dict[str, list[str]]
    ordinal: str = "(?!)"  # a mark said before a child's word: 大/小/二
    ordered: tuple[str, ...] = ()

    def person(self, text: str, start: int, end: int) -> str:
        word = text[start:end]
        said = next((key for key, words in self.persons.items() if word in words), "")
        if (
            word in self.ordered
            and start > 0
            and _compiled(self.ordinal).fullmatch(text[start - 1])
            and text[max(start - 2, 0) : start - 1] not in ("高", "初")  # "上高三儿子上初二"
        ):
            return text[start - 1] + word  # "大孙子", "小闺女"
        return said


NO_PERSONS = PersonWords({})


def small_number(word: str) -> int | None:
    """ "两" -> 2, "十二" -> 12, "3" -> 3 (nlu.numerals reads every form)."""
    value = parse_number(word)
    return int(value) if isinstance(value, int) else None


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


@lru_cache(maxsize=32)
def _spans(pattern: re.Pattern[str], text: str) -> tuple[tuple[int, int], ...]:
    return tuple((m.start(), m.end()) for m in pattern.finditer(text))


def _span_at(pattern: re.Pattern[str], text: str, index: int) -> tuple[int, int]:
    spans = _spans(pattern, text)  # computed once per text: this is asked for every fact
    i = bisect_right(spans, (index, len(text) + 1)) - 1
    if i >= 0 and spans[i][0] <= index < spans[i][1]:
        return spans[i]
    return index, index


def clause_at(text: str, index: int) -> tuple[int, int]:
    return _span_at(_CLAUSE, text, index)


def sentence_at(text: str, index: int) -> tuple[int, int]:
    return _span_at(_SENTENCE, text, index)


# "娃一个上初中一个上小学": one … the other …, right after the child word
_ONE_AND_ANOTHER = re.compile(r"[，,\s]?一个[^，。；！？,]{1,8}[，,\s]?一个")
_COUNTED = re.compile(r"(?P<n>[两俩三四五])个?$")
# the count said after the child word ("孩子两个"), not an age or a time ("孩子两个月",
# "娃三个人"); "我跟孩子两个" is the speaker and one child
_COUNTED_AFTER = re.compile(r"(?P<n>[两三四五])个(?![月人多小星礼钟半])")
_WITH_BEFORE = re.compile(r"[和跟与同带]")
_COUNTS = {"两": 2, "俩": 2, "三": 3, "四": 4, "五": 5}


def _counted(text: str, start: int) -> int:
    """ "两个女儿": how many of the relation were named at once (one unless counted)."""
    said = _COUNTED.search(text, max(0, start - 2), start)
    return _COUNTS[said.group("n")] if said else 1


# "现在住我大伯家", "寄住在姑姑家": the relative whose home one stays in
_STAYS_AT = re.compile(r"住(?:在|到)?(?:我|俺)?$")


def _as_host(text: str, mention: Mention) -> Mention:
    """A relative outside the family (an uncle, an aunt) whose home the speaker stays in is
    the host, not a member of the household the questionnaire is about."""
    if (
        mention.relation != "other"
        or mention.departed
        or text[mention.end : mention.end + 1] != "家"
    ):
        return mention
    if not _STAYS_AT.search(text, max(0, mention.start - 4), mention.start):
        return mention
    return replace(mention, departed=True)


def find_mentions(
    text: str, departed: str, children: str, persons: PersonWords = NO_PERSONS
) -> list[Mention]:
    """Every member named in `text`; `departed` and `children` are the word patterns."""
    found = [
        Mention(
            UNNAMED
            if m.text.startswith(("亲戚", "其他"))
            else m.id,  # "其他人都没有": not one of us
            m.start,
            m.end,
            count=_counted(text, m.start),
            person=persons.person(text, m.start, m.end),
        )
        for m in match_relations(text)
        if not _PAIR.match(text, m.end) or _WITH_SPEAKER.search(text, 0, m.start)
    ]
    unnamed = [Mention(UNNAMED, m.start(), m.end()) for m in _UNNAMED.finditer(text)]
    # "隔壁的李大娘", "邻居家的老太太": nobody's mother or wife (大娘, 太太 inside them)
    found = [f for f in found if not any(u.start < f.end and f.start < u.end for u in unnamed)]
    found += [Mention(SELF, m.start(), m.end()) for m in _SPEAKER.finditer(text)]
    # "我妈自己一个月一百多的养老金": 自己 right after a relative is that relative, not the speaker
    kin_ends = {f.end for f in found if f.relation != SELF}
    found = [
        f
        for f in found
        if not (f.relation == SELF and text[f.start : f.end] == "自己" and f.start in kin_ends)
    ]
    found += unnamed
    # "两个孩子", and "俩孩子" without 个 (not "二娃": the second child)
    for m in _compiled(rf"(?:{COUNT}个|(?P<bare>[两俩仨]))?(?:{children})").finditer(text):
        if not any(f.start <= m.start() < f.end for f in found):
            count = small_number(m.group("n") or m.group("bare") or "一") or 1
            if count == 1 and _ONE_AND_ANOTHER.match(text, m.end()):
                count = 2  # "娃一个上初中一个上小学": two of them
            after = _COUNTED_AFTER.match(text, m.end())
            if (
                count == 1
                and after is not None
                and not _WITH_BEFORE.search(text, max(0, m.start() - 3), m.start())
            ):
                count = _COUNTS[after.group("n")]  # "孩子两个，一个上五年级…"
            found.append(Mention(CHILD, m.start(), m.end(), count))
    found = _children_in_order(text, found)
    found += [Mention("spouse", m.start(), m.end(), couple=True) for m in _COUPLE.finditer(text)]
    found = _appositions(text, sorted(found, key=lambda f: f.start))
    found = _speaker_the_grandparent(text, found)
    found = _of_relatives(text, found)
    marked = [_as_host(text, f) for f in _mark_departed(text, found, _compiled(departed))]
    marked += _we_two(text, marked, or_with_children=True)
    placed: dict[str, Mention] = {}  # "她爸" as placed the first time it was said
    for m in _PRONOUN.finditer(text):  # 他/她: the member named last before, still living here
        if any(f.start < m.start() < f.end for f in marked):
            continue  # "孩子他爸": inside the word for the child's father, nobody of its own
        again = next((f for f in marked if f.start == m.end()), None)
        said = text[m.start() : again.end] if again else ""
        # "我和她爸照顾她，她爸今年查出肝癌": the child's other parent again, our one spouse (not
        # "他媳妇" of two sons, who are two people)
        # "我和孩子他爸都在银川，他爸开网约车": the child's father said again, shorter
        said_whole = next(
            (
                f
                for f in marked
                if said and f.relation == "spouse" and f.end <= m.start()
                and len(text[f.start : f.end]) > len(said) and text[f.start : f.end].endswith(said)
            ),
            None,
        )  # fmt: skip
        if said_whole is not None and said not in placed:
            placed[said] = said_whole
        if said in placed and again is not None and placed[said].relation == "spouse":
            first = placed[said]
            marked = [replace(first, start=f.start, end=f.end) if f is again else f for f in marked]
            continue
        earlier = [
            f
            for f in marked
            if f.end <= m.start() and f.relation != SELF and not f.departed
            and not (text[m.start()] == "她" and _is_male(f))  # 她 is never a son or a brother
            and f.count == 1  # "我姐带俩娃，她在饭店洗碗": one person, not the two children
            # "孙子…娃他爸妈离了，他妈走了": 他妈 is the grandchild's mother, not the son's
            and not (again is not None and _a_grandchilds_parent(text, f))
        ]  # fmt: skip
        if earlier:
            last = max(earlier, key=lambda f: f.start)
            marked.append(replace(last, start=m.start(), end=m.end(), count=1, couple=False))
            # "他爸", "他自家兄弟": the relative right after 他/她 (自家, 家的 between) is theirs
            after = _THEIR_OWN.match(text, m.end())
            at = after.end() if after else m.end()
            if last.relation == CHILD and _grandchild_before(text, marked, last):
                last = replace(last, relation="grandchild")  # "孙子…娃他爷爷": the grandchild
            marked = [_of_pronoun(last, f) if f.start == at else f for f in marked]
            placed.update((text[m.start() : f.end], f) for f in marked if f.start == m.end())
            marked = _grandparents_together(marked, m.end(), last)
        elif text.startswith(("他", "她")):
            # an answer about the one asked ("他没有，他媳妇得了癌症"), nobody named before: his
            # wife, not the speaker's
            after = _THEIR_OWN.match(text, m.end())
            at = after.end() if after else m.end()
            marked = [
                replace(f, relation=UNNAMED, person="")
                if f.start == at and f.relation not in (SELF, UNNAMED, CHILD)
                else f
                for f in marked
            ]
    # "娃跟着额和他爷爷过，额俩都七十多了": the spouse placed through 他 makes 额俩 the couple
    marked += _we_two(text, marked)
    return sorted(marked, key=lambda f: f.start)


def _we_two(text: str, marked: list[Mention], *, or_with_children: bool = False) -> list[Mention]:
    """ "我俩", "额俩" not yet placed: the speaker and the spouse, once a living spouse was named
    before (`or_with_children`: or said with their children, "我们两个带着娃")."""
    couples = {f.start for f in marked if f.couple}
    spouses = [f.end for f in marked if f.relation == "spouse" and not f.departed]
    return [
        Mention("spouse", m.start(), m.end(), couple=True)
        for m in _WE_TWO.finditer(text)
        if m.start() not in couples
        and (
            any(end <= m.start() for end in spouses)
            or (or_with_children and _AND_THE_CHILDREN.match(text, m.end()) is not None)
        )
    ]


_CHILD_ORDINALS = "大二三小老"


def _children_in_order(text: str, found: list[Mention]) -> list[Mention]:
    """ "大娃在银川上大专，二娃上高二": children of unsaid sex told apart by their order in one
    sentence are as many children (the first counts them all), not one said twice."""
    ordered = [
        f
        for f in found
        if f.relation == CHILD and f.count == 1 and f.start > 0
        and text[f.start - 1] in _CHILD_ORDINALS
    ]  # fmt: skip
    out = list(found)
    for sentence in {sentence_at(text, f.start) for f in ordered}:
        these = [f for f in ordered if sentence_at(text, f.start) == sentence]
        orders = {text[f.start - 1] for f in these}
        if len(orders) == len(these) >= 2:
            first = min(these, key=lambda f: f.start)
            out = [replace(f, count=len(these)) if f is first else f for f in out]
    return out


# "我是孩子的奶奶", "俺是这娃的姥爷": the speaker is the child's grandparent
_GRANDPARENT_SPEAKS = re.compile(
    r"(?:我|俺|额)是(?:这个?|那个?)?(?:孩子|娃|娃娃|小孩)(?:的|他|她)?"
    r"(?P<g>奶奶|爷爷|姥姥|姥爷|外婆|外公)"
)
_CHILD_WORD = re.compile(r"孩子|孩儿|孩|娃娃|娃儿|娃|小孩")
_FATHER_WORDS = ("爸", "爹")


def _speaker_the_grandparent(text: str, found: list[Mention]) -> list[Mention]:
    """ "我是孩子的奶奶，孩子她爸…": the speaker is the grandparent, so the child is a grandchild,
    the child's father or mother a son or daughter, the child's grandfather the speaker's
    spouse (nlu/data/lexicon.yml child_relatives reads them from a parent's side)."""
    said = _GRANDPARENT_SPEAKS.search(text)
    if said is None:
        return _the_grandchilds_parents(text, found)
    out = []
    for f in found:
        word = text[f.start : f.end]
        if said.start("g") <= f.start < said.end("g"):
            f = replace(f, relation=SELF, person="")
        elif f.relation == CHILD:
            f = replace(f, relation="grandchild")
        elif _CHILD_WORD.match(word) and f.relation == "spouse":
            f = replace(
                f, relation="son" if word.endswith(_FATHER_WORDS) else "daughter", person=""
            )
        elif _CHILD_WORD.match(word) and f.relation == "parent":
            f = replace(f, relation="spouse", person="")
        out.append(f)
    return out


_KIN_OF_A_CHILD = ("grandchild", CHILD, "son", "daughter")


def _the_grandchilds_parents(text: str, found: list[Mention]) -> list[Mention]:
    """ "老汉没了，我带着孙子过，娃他爸在外打工": the child last named is the speaker's
    grandchild, so 娃他爸 is a son (or son-in-law), 娃他妈 a daughter (or daughter-in-law), not the
    speaker's spouse; not when somebody else's grandchild ("我婆婆带着孙子") was named."""
    out = []
    for f in found:
        word = text[f.start : f.end]
        if _CHILD_WORD.match(word) and f.relation in ("spouse", "parent"):
            before = [m for m in found if m.end <= f.start and m.relation in _KIN_OF_A_CHILD]
            last = max(before, key=lambda m: m.start, default=None)
            if last is not None and last.relation == "grandchild" and _ours(text, found, last):
                if f.relation == "parent":
                    relation = "spouse"
                else:
                    relation = "son" if word.endswith(_FATHER_WORDS) else "daughter"
                f = replace(f, relation=relation, person="")
        out.append(f)
    return out


def _a_grandchilds_parent(text: str, mention: Mention) -> bool:
    """ "娃他爸" read as the speaker's son or daughter (_the_grandchilds_parents)."""
    return (
        mention.relation in ("son", "daughter")
        and _CHILD_WORD.match(text, mention.start) is not None
    )


def _ours(text: str, found: list[Mention], grandchild: Mention) -> bool:
    """The grandchild is the speaker's: no elder of the speaker names it in its clause ("我婆婆
    带着孙子": her grandchild, the speaker's child)."""
    lo, _ = clause_at(text, grandchild.start)
    return not any(
        lo <= m.start < grandchild.start and m.relation in ("parent", "grandparent") for m in found
    )


def _grandchild_before(text: str, marked: list[Mention], child: Mention) -> bool:
    """A grandchild, and no son or daughter, was named before a bare 娃/孩子: the speaker is
    a grandparent talking of that grandchild ("额孙子考上大学了…娃跟着额和他爷爷过"); the
    grandchild's own parents ("娃他爸") are that grandchild's, so they do not count."""
    before = [
        m.relation for m in marked if m.end <= child.start and not _CHILD_WORD.match(text, m.start)
    ]
    return "grandchild" in before and not {"son", "daughter"} & set(before)


def _grandparents_together(marked: list[Mention], start: int, child: Mention) -> list[Mention]:
    """ "娃…他爷爷奶奶都七十多了": the child's grandparents said as a pair are two of our
    parents, counted together (so "都" gives each the age); one mention for the two."""
    if child.relation not in _OUR_CHILDREN:
        return marked
    pair = [f for f in marked if f.start == start]
    for f in sorted(marked, key=lambda f: f.start):
        if pair and f.start == pair[-1].end and f.relation == "grandparent":
            pair.append(f)
    if len(pair) < 2 or pair[0].relation != "parent":
        return marked
    together = replace(pair[0], end=pair[-1].end, count=len(pair), person="")
    return [together if f is pair[0] else f for f in marked if f not in pair[1:]]


_MALE_PERSONS = frozenset(
    {"父亲", "公公", "岳父", "爷爷", "外公", "孙子", "外孙", "哥哥", "弟弟", "女婿",
     "大儿子", "小儿子", "二儿子"}
)  # fmt: skip


def _is_male(mention: Mention) -> bool:
    return mention.relation == "son" or mention.person in _MALE_PERSONS


def _of_relatives(text: str, found: list[Mention]) -> list[Mention]:
    """ "儿子的媳妇得了癌": a relative of a member named is placed from the speaker's side
    (the daughter-in-law, 女/媳), not as the speaker's own (the spouse)."""
    owners = {f.end + 1: f for f in found if f.relation not in (SELF, UNNAMED, CHILD)}
    return [
        _as_relative_of(owners[f.start], f)
        if f.start in owners and text[f.start - 1] == "的" and f.relation not in (SELF, CHILD)
        else f
        for f in found
    ]


def _of_pronoun(last: Mention, mention: Mention) -> Mention:
    """The relative named right after 他/她 that stands for `last`: "儿子…他爸" is the child's
    father, our spouse, "娃他奶奶" our parent (or parent-in-law), "儿子…他媳妇" our
    daughter-in-law (女/媳)."""
    if last.relation in _OUR_CHILDREN and mention.relation in _OF_OUR_CHILD:
        return replace(mention, relation=_OF_OUR_CHILD[mention.relation], person="")
    if last.relation == "grandchild" and mention.relation in _OF_OUR_GRANDCHILD:
        return replace(mention, relation=_OF_OUR_GRANDCHILD[mention.relation], person="")
    if mention.relation in (SELF, UNNAMED, CHILD) or last.relation == CHILD:
        return mention
    return _as_relative_of(last, mention)


def _as_relative_of(owner: Mention, mention: Mention) -> Mention:
    """`mention` said as `owner`'s relative; somebody we cannot place when the pair is not one
    of the family's (老伴的弟弟 is "other"; 孙子的妈 may be a daughter or a daughter-in-law)."""
    relation = relative_of(owner.relation, mention.relation)
    if relation is None:
        return replace(mention, relation=UNNAMED, person="")
    return replace(mention, relation=relation, person="")


def _appositions(text: str, found: list[Mention]) -> list[Mention]:
    """ "老人家今年九十一了，是我奶奶": the elder named later in the sentence is a member."""
    out = []
    for mention in found:
        if mention.relation == UNNAMED and _ELDER.fullmatch(text, mention.start, mention.end):
            _, hi = sentence_at(text, mention.start)
            for m in _IS_MY.finditer(text, mention.end, hi):
                named = [f for f in found if f.start == m.end() and f.relation not in _NOBODY]
                if named:
                    mention = replace(mention, relation=named[0].relation, person=named[0].person)
                    break
        out.append(mention)
    return out


_OUR_PARENT = re.compile(r"[我俺](?:爸|爹|父亲|妈|娘|母亲)?[和跟与]?$")  # "我爸妈", "我爸和我妈"


_MARRIED_OUT = frozenset({"闺女", "女儿", "姑娘", "大女儿", "小女儿", "二女儿", "儿子", "大儿子",
                          "小儿子", "二儿子"})  # fmt: skip
_IN_LAWS = frozenset({"女婿", "姑爷", "儿媳", "儿媳妇", "儿子媳妇"})


# a clause about a thing, not a person: what is "没了" there is the thing
_THING_FIRST = re.compile(
    r"(?:现在|如今|早就?)?(?:存款|积蓄|钱|家底|地|庄稼|房子|工作|活儿?|收入|粮食|东西)"
    # or somebody who is not family: "被货车撞了，肇事司机跑了", "老板跑了"
    r"|(?:肇事的?|对方的?|那个)?(?:司机|肇事者|肇事的|对方|老板|包工头|工头|车主|凶手)"
)


# a grown child with a home of their own, said a clause or two after the job
# ("儿子三十了在太原送外卖，一个月四五千，自己在太原租房住，有媳妇有娃")
_APART = re.compile(
    r"自己(?:在[^，。；！？]{1,6})?(?:租房|租房子|买了?房|买了房子)住?|另(?:外)?成(?:了)?家|单过"
    r"|有媳妇有娃|有老婆孩子|有老婆有孩子|有媳妇有孩子"
    # "四十好几了自己一家还顾不过来", "自己过自己的": a family of their own to keep
    r"|自己一家|自己过自己的|各过各的"
    # "俺就一个儿 在新疆打工 早成家了": married, with a home of their own
    r"|(?<!没)(?<!还没)成(?:了)?家了?(?!庭)"
)
_GROWN_CHILDREN = ("son", "daughter")
# "婆婆在老家跟她大儿子过": the member lives with another child of their own, elsewhere
_WITH_OWN_KIN = re.compile(
    r"跟(?:着)?[她他](?:家)?(?:大|二|三|小|老)?(?:儿子|儿|闺女|女儿|姑娘|哥哥?|弟弟?|姐姐?|妹妹?)"
    r"(?:家)?(?:一起)?(?:过|住|生活|养老)"
)


def _lives_apart(
    text: str, found: list[Mention], mention: Mention, after: int
) -> re.Match[str] | None:
    """Up to the clause after the next one (same sentence, nobody else named before it): the
    child has a home of their own."""
    _, third_end = clause_at(text, after + 1)
    hi = min(max(after, third_end), sentence_at(text, mention.start)[1])
    others = [f.start for f in found if mention.end <= f.start < hi and f.relation != SELF]
    return _APART.search(text, mention.end, min([hi, *others]))


def _opens_clause(text: str, at: int) -> bool:
    return at == 0 or text[at - 1] in "，,。；;！!？? "


_BACK_HOME = re.compile(r"老家(?:还|也)?有(?:个|一个|位|一位)?(?:七八十岁的|年迈的)?老?$")


# a death closing a clause of its own: "我爸以前是残疾人，肢体二级，去年冬天脑出血走了"
_DIED_LATER = re.compile(
    r"(?:去世|过世|(?<![搬跑拿带偷送运开飞抢冲赶撵接领调牵抱刮卷叫])走了"
    r"|(?<![花用赔输卖丢光手腿脚膊指睛牙])没了|死了|不在了|殁了)(?=[，,。！？!?；;]|$)"
)  # not "厂子搬走了", "钱花没了", "右手没了" (a hand lost)


def _died_later(text: str, found: list[Mention], mention: Mention, hi: int) -> re.Match[str] | None:
    """A death said further on in the sentence, before anybody else is named, in a clause
    that is not about a thing or an outsider ("钱也没了", "老板跑了")."""
    stop = sentence_at(text, mention.start)[1]
    stop = min([stop, *(f.start for f in found if f.start >= mention.end)])
    for said in _DIED_LATER.finditer(text, hi, stop):
        lo, _ = clause_at(text, said.start())
        if not _THING_FIRST.match(text, lo):
            return said
    return None


def _mark_departed(text: str, found: list[Mention], departed: re.Pattern[str]) -> list[Mention]:
    marked = []
    kin_elsewhere: list[tuple[int, int]] = []  # "跟她大儿子过": her son, not ours, away too
    for mention in found:
        # its clause and the next ("老公前年查出肺癌，上个月人没了"), not a later subject's
        # ("儿子出了车祸，…，肇事司机跑了")
        _, clause_end = clause_at(text, mention.start)
        _, next_end = clause_at(text, clause_end + 1)
        hi = min(max(clause_end, next_end), sentence_at(text, mention.start)[1])
        stop, anchor = hi, mention.end
        for f in found:  # the next member named stops it, unless named with it ("爸妈都走了")
            if f.relation == SELF and anchor <= f.start < hi and _opens_clause(text, f.start):
                stop = f.start  # "我妈七十一了，我早嫁到兰州了": the speaker is the one who left
                break
            if anchor <= f.start < hi and f.relation != SELF:
                # "爸妈", "爸和妈": together; "孙女父母": the granddaughter's parents
                joined = _JOINED.fullmatch(text, anchor, f.start) and (
                    f.start > anchor or f.relation == mention.relation
                )
                if not joined:
                    stop = f.start
                    break
                anchor = f.end
        said = departed.search(text, mention.end, stop)
        if (
            said is not None
            and said.start() > clause_end
            and _THING_FIRST.match(text, clause_end + 1)
        ):
            said = None  # "媳妇在饭馆洗碗，存款一分都没了": the savings are gone, not she
        if said is None and mention.relation not in _NOBODY:
            said = _died_later(text, found, mention, hi)
        if said is None and mention.relation in _GROWN_CHILDREN:
            said = _lives_apart(text, found, mention, next_end)
        if said is None and mention.relation != SELF:
            said = _WITH_OWN_KIN.search(text, mention.end, hi)
            if said is not None and said.start() < stop:  # nobody else named before it
                kin_elsewhere.append((said.start(), said.end()))
            else:
                said = None
        # "我爸妈离婚了": they left each other, not the speaker's household ("他们爸妈" are not ours)
        parted = (
            said is not None
            and said.group().startswith("离")
            and mention.relation == "parent"
            and _OUR_PARENT.search(text, 0, mention.start) is not None
        )
        gone = mention.relation != SELF and said is not None and not parted
        # "在济南打工…老家还有个老娘七十多了要养": the one back home lives apart
        gone = gone or (
            mention.relation not in (SELF, "spouse")
            and _BACK_HOME.search(text, max(0, mention.start - 8), mention.start) is not None
        )
        gone = gone or bool(_NONE_OF.search(text, max(0, mention.start - 4), mention.start))
        marked.append(replace(mention, departed=gone))
    # "我儿子有车…可我儿子早就分家了": the same words name the same person
    gone_words = {text[m.start : m.end] for m in marked if m.departed}
    # "我闺女嫁到银川了，女婿去年得了白血病": the in-law lives with the child who left
    if any(text[m.start : m.end] in _MARRIED_OUT for m in marked if m.departed):
        gone_words |= _IN_LAWS
    return [
        replace(m, departed=True)
        if (m.relation not in (SELF, UNNAMED, CHILD) and text[m.start : m.end] in gone_words)
        or any(start < m.start < end for start, end in kin_elsewhere)
        or _child_of_one_gone(text, marked, m)
        else m
        for m in marked
    ]


# the speaker keeping the grandchild: "孙子跟着俺过", "孙女在俺这儿上学", "俺带着孙子"
_KEPT_BY_SPEAKER = re.compile(
    r"跟着?(?:我|俺|额|咱)|(?:我|俺|额|咱)们?(?:带|养|看|照顾)|在(?:我|俺|额|咱)(?:这|跟前|身边)"
)


def _child_of_one_gone(text: str, marked: list[Mention], mention: Mention) -> bool:
    """A grandchild told of right after the son or daughter who lives apart ("俺有个儿子 在郑州
    成家了 孙子都上初中了"): that child's child, in that home, unless the speaker keeps them."""
    if mention.relation != "grandchild" or mention.departed:
        return False
    if any(m.relation == "grandchild" and m.start < mention.start for m in marked):
        return False  # "两个孙子跟着我过 儿子在监狱里…": told of before, as ours
    lo, _ = sentence_at(text, mention.start)
    before = [m for m in marked if lo <= m.start < mention.start and m.relation != SELF]
    if not before or before[-1].relation not in _GROWN_CHILDREN or not before[-1].departed:
        return False
    # the child left by marrying or setting up a home, not by going away to work or to jail
    if not _OWN_HOME.search(text, before[-1].end, mention.start):
        return False
    return not any(
        _KEPT_BY_SPEAKER.search(text, *clause_at(text, m.start))
        for m in marked
        if m.relation == "grandchild"
    )


_OWN_HOME = re.compile(r"成(?:了)?家|安家|嫁|单过|分家|分出去|买了?房|自己一家|各过各的")


def possessive(mention: Mention, mentions: list[Mention], text: str) -> bool:
    """ "我儿子", "我的老伴", "他爸": the speaker (or 他/她) only names whose member it is."""
    if mention.relation != SELF and not _PRONOUN.fullmatch(text, mention.start, mention.end):
        return False
    after = mention.end + (1 if text[mention.end : mention.end + 1] == "的" else 0)
    return any(m.start == after for m in mentions if m.relation != SELF)


# "孩子跟着俺，上初二", "孩子判给我了，今年上三年级": the speaker followed, or given the
# child, ending the clause, is no subject of what comes after
_FOLLOWED = re.compile(r"(?:跟着|随着|陪着|跟|随|(?:判|留|交|扔|托付)给)$")
_CLAUSE_ENDS = ("，", ",", "。", "；", "")


_FOLLOWED_PAIR = re.compile(r"(?:跟着|随着)[^，,。；;]{1,4}?[和跟与、](?:他|她)?$")
# "孙子在额跟前，上幼儿园": the speaker as the place a child stays, ending the clause
_BY_ME = re.compile(r"(?:跟前|身边|身旁|这儿|这里|这边)(?:过|住|待着?|呆着?)?")


def _followed(text: str, mention: Mention) -> bool:
    """Named as the one followed or given to, not a subject: the speaker in "孩子跟着俺，" or
    "孙子在额跟前，", or somebody worked for or handed something ("我男人给人家看工地", "地包给别
    人了")."""
    if mention.relation == UNNAMED:
        return text[mention.start - 1 : mention.start] == "给"
    after = mention.end + (text[mention.end : mention.end + 1] == "了")
    if mention.relation != SELF:
        # "孩子一直跟着我和她爷爷，": the second of those followed, ending the clause
        return (
            _FOLLOWED_PAIR.search(text, clause_at(text, mention.start)[0], mention.start)
            is not None
            and text[after : after + 1] in _CLAUSE_ENDS
        )
    if text[mention.start - 1 : mention.start] == "在":
        place = _BY_ME.match(text, mention.end)
        if place is not None and text[place.end() : place.end() + 1] in _CLAUSE_ENDS:
            return True
    return (
        _FOLLOWED.search(text, 0, mention.start) is not None
        and text[after : after + 1] in _CLAUSE_ENDS
    )


def _reflexive(mention: Mention, others: list[Mention]) -> bool:
    """自己 right after a relative's 他/她: that relative, not the speaker ("她自己想找个活干")."""
    return mention.relation == SELF and any(
        m.end == mention.start and m.relation not in (SELF, UNNAMED) for m in others
    )


# people at large, many of them: "额们村男的都出去打工了", "村里跟她一样岁数的好几个都吃上低保了",
# "好些人家": a fact of theirs is nobody's in the household
MANY_PEOPLE = re.compile(
    r"(?:村|庄|组|队|小区|楼)(?:里|上|子)?的?(?:男的|女的|男人|女人|年轻人|老人|人|劳力|娃娃?|孩子)"
    r"|好几[个家户]|好些[个人家户]?|好多[人家户]|不少[人家户]|很多[人家户]|家家户户|大部分人|一般人"
)


@lru_cache(maxsize=256)
def _tells_of_many(text: str) -> bool:
    return MANY_PEOPLE.search(text) is not None


def _of_many(mentions: list[Mention], text: str, index: int) -> bool:
    """The clause of `index` is about many people at large, named after anybody in it."""
    if not _tells_of_many(text):
        return False
    lo, _ = clause_at(text, index)
    said = [m.end() for m in MANY_PEOPLE.finditer(text, lo, index)]
    return bool(said) and not any(said[-1] <= m.start < index for m in mentions)


def who_at(mentions: list[Mention], text: str, index: int) -> tuple[str | None, bool]:
    """The member a fact at `index` is about, and whether it is not a member we can place
    (left the household, or somebody unnamed, or people at large: "额们村男的都出去打工了").
    With nobody named before it in its sentence, a sentence that goes on about the one member
    the sentence before was about ("我儿子今年二十六。想找个工作") is about that member."""
    if _of_many(mentions, text, index):
        return None, True
    lo, _ = sentence_at(text, index)
    before = [m for m in mentions if lo <= m.start < index and not _followed(text, m)]
    before = [
        m
        for m in before
        if not _reflexive(m, before)
        and not _died_before(text, m, index)
        and not _carer_before(text, m, index)
    ]
    if before:
        last = max(before, key=lambda m: m.start)
        return last.key, last.departed or last.relation == UNNAMED
    owner = _said_to_be_whose(mentions, text, index)
    if owner is not None:
        return owner.key, owner.departed
    if lo < 2:
        return None, False
    prev_lo, _ = sentence_at(text, lo - 2)
    previous = [
        m for m in mentions if prev_lo <= m.start < lo and not possessive(m, mentions, text)
    ]
    relations = {m.key for m in previous}
    if len(relations) == 1 and not relations & {UNNAMED, CHILD}:
        last = previous[-1]
        return last.key, last.departed
    return None, False


# said right after somebody, in their clause: they died ("老伴走了十来年了")
_DIED = re.compile(
    r"[^，,；;。]{0,6}?(?:殁了|走了|走得早|走的早|先走了|去世|过世|不在了|病死|死了)"
)


def _died_before(text: str, mention: Mention, index: int) -> bool:
    """Somebody said to have died, in a clause before the fact's: what comes after is not
    about them ("老伴走了十来年了 一辈子没儿没女 …办了残疾证": the speaker's)."""
    if not mention.departed or clause_at(text, mention.start) == clause_at(text, index):
        return False
    return _DIED.match(text, mention.end, clause_at(text, mention.start)[1]) is not None


# the speaker as the one who cares: "大小便都得俺伺候", "全靠我一个人照顾"
_CARES = re.compile(r"(?:一个人|自己)?(?:来|在)?(?:伺候|侍候|照顾|照料|护理|端屎端尿)")


def _carer_before(text: str, mention: Mention, index: int) -> bool:
    """The speaker said, in a clause before the fact's, to care for the one the story is
    about: what comes after is still about them ("俺男人…瘫在床上 大小便都得俺伺候 办了残疾证
    肢体一级": his certificate)."""
    if mention.relation != SELF or clause_at(text, mention.start) == clause_at(text, index):
        return False
    return _CARES.match(text, mention.end) is not None


def _said_to_be_whose(mentions: list[Mention], text: str, index: int) -> Mention | None:
    """Nobody named before: the clause right after says whose it is ("残疾证二级 精神的 是我儿子":
    the son's), 是我/是俺 opening a clause of the same sentence, before anybody else is named."""
    _, sentence_hi = sentence_at(text, index)
    for said in _WHOSE_IT_IS.finditer(text, index, sentence_hi):
        if any(index <= m.start < said.start() for m in mentions):
            return None
        named = [m for m in mentions if m.start == said.end() and m.relation not in _NOBODY]
        return named[0] if named else None
    return None


# a clause opening with 是我/是俺 and a relative: "…，是我儿子"
_WHOSE_IT_IS = re.compile(r"(?:(?<=[，,；;])|^)(?:这)?是(?:我|俺|额)(?:的|家)?")


def clause_who(mentions: list[Mention], text: str, index: int) -> tuple[str | None, bool]:
    """Who the clause around `index` is about, up to `index` ("有人开着小轿车": somebody else)."""
    lo, _ = clause_at(text, index)
    before = [m for m in mentions if lo <= m.start < index]
    if not before:
        return None, False
    last = max(before, key=lambda m: m.start)
    return last.key, last.departed or last.relation == UNNAMED


def everyone_in(mentions: list[Mention], text: str, index: int) -> list[str]:
    """Who "都" before `index` covers: every member named in its clause before it, or in the
    clause before ("我和老伴，都六十多了"); 老两口 is the speaker and the spouse."""
    lo, _ = clause_at(text, index)
    named = [m for m in mentions if lo <= m.start < index]
    if not named and lo > 1:
        prev_lo, _ = clause_at(text, lo - 2)
        if sentence_at(text, prev_lo) == sentence_at(text, lo):
            named = [m for m in mentions if prev_lo <= m.start < lo]
    return members_of(named, mentions, text)


def members_of(named: list[Mention], mentions: list[Mention], text: str) -> list[str]:
    """The relations `named` stand for: the speaker only as a subject, 老两口 as two."""
    out: list[str] = []
    for m in named:
        if m.departed or m.relation in (UNNAMED, CHILD) or possessive(m, mentions, text):
            continue
        for relation in (SELF, "spouse") if m.couple else (m.key,):
            if relation not in out:
                out.append(relation)
    return out
