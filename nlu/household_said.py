"""Household-wide things a free text says: its size ("一家四口", "就剩我和两个孩子"), and
whether an amount said is the household's income (nlu.facts reads the rest)."""

from __future__ import annotations

import re
from collections.abc import Collection

from guides.ids import RegionId
from guides.places import FIXED_PLACE, aliases, places
from nlu.lexicon import match_regions
from nlu.mentions import (
    CHILD,
    COUNT,
    SELF,
    UNNAMED,
    Mention,
    clause_at,
    members_of,
    possessive,
    sentence_at,
    small_number,
    who_at,
)
from nlu.numbers import Amount, find_amounts
from nlu.numerals import negative_at
from nlu.places import other_place

_COUNT = COUNT
_PAUSE = r"[，,]*(?:(?:嗯|呃|那个|就是)[，,]*)?"  # voice input's pauses, as commas
_SIZE_SAID = [
    re.compile(rf"(?:一共|总共|全家)(?:是)?{_COUNT}口(?!子)"),  # "三口人加外婆一共四口"
    re.compile(rf"一家{_COUNT}口"),
    re.compile(rf"(?<![第\d]){_COUNT}口之家"),
    re.compile(rf"(?<![第\d]){_COUNT}口人"),
    # "我家三个人", voice-typed "额们家 嗯 三个人" (a mended number blanked: "俺家是，，，五口")
    # "家里现在就我们三个人"
    re.compile(
        rf"(?:家里|[我俺咱额]们?家)(?:现在|目前)?(?:是)?{_PAUSE}(?:一共|总共|就|只有)?"
        rf"(?:[我俺咱额]们)?{_COUNT}个人"
    ),
    re.compile(rf"(?:家里|[我俺额]们?家)(?:是)?{_PAUSE}(?:一共|总共|就|只有)?{_COUNT}口(?![子])"),
    re.compile(rf"(?<![第\d]){_COUNT}个人(?:一起)?(?:生活|过日子|住|过(?![来去]))"),
    # a call summary's "与老伴、孙子三人共同生活", "家中共3人"
    re.compile(rf"(?<![第\d]){_COUNT}人(?:共同|一起|一同)(?:生活|居住)"),
    re.compile(rf"(?:家中|家里|全家|该户)(?:现)?共(?:有)?{_COUNT}(?:口)?人"),
]
_SIZE_ONE = re.compile(
    r"(?:一个人|独自|孤身一人)(?:在[^，。,；！？]{1,10}?)?(?:居住|住|过|生活)|孤身一人"  # "一个人在老家住"
    r"|就我一个人(?:住|过|生活)?(?=$|[，。,；])"
    r"|(?:^|(?<=[，。,；]))(?:现在|就)?一个人(?=$|[，。,；])"  # "老伴没了，一个人，农村的"
    r"|(?:^|(?<=[，。,；]))(?:现在|如今)?(?:就|只)(?:剩下?)?(?:我|俺)(?:自己|一个)人?了?(?=$|[，。,；])"
    r"|(?:^|(?<=[，。,；\s]))(?:我|俺|额)(?:就|只有)一个人(?=$|[，。,；\s])"  # "俺就一个人 六十三了"
    r"|(?:^|(?<=[，。,；\s]))(?:我|俺|额)一个人在家(?=$|[，。,；])"  # not "一个人在家带孩子"
    r"|(?:都是|就是)(?:我|俺|额)一个人(?=$|[，。,；])"  # "平时都是我一个人"
)  # "闺女嫁出去了，现在就我自己"
_PAIR = r"(?:娘俩|娘儿俩|爷俩|爷儿俩|母子俩|父子俩|母女俩|父女俩|祖孙俩|婆孙俩|奶孙俩|爷孙俩)"
_PAIR_WORD = re.compile(_PAIR)
_LIVE = r"(?:过日子|过(?![来去])|生活|住|相依为命)"
_SIZE_TWO = re.compile(
    r"(?:就|只有|只剩|就剩|家里就)(?:我们|咱们|俺们|额们|我|俺|咱)?(?:老两口|我俩|我们俩|咱俩|俺俩|俺们俩|额们俩|两口子|娘俩|爷俩|两个人)"
    r"|(?:家里就|家里只有)(?:我|俺|咱)们?(?:两个|俩)(?!孩子|娃)"  # "家里就俺两个"
    r"|(?:就|只有|只剩|就剩)(?:我|俺)(?:和|跟)(?:我)?\S{1,3}?(?:两个人?|俩人?)?(?:了)?(?=$|[，。,；\s])"
    r"(?![，,]还有)"  # "就我和老伴，还有儿子儿媳": more to come
    # two who live together, said as such: "我跟孙子俩人过", "我们娘俩相依为命"
    rf"|(?:(?:我|俺)(?:和|跟)(?:我)?\S{{1,3}}?(?:俩人?|两个人)|(?:我们|俺们|咱们)?{_PAIR})"
    rf"(?:一起|一块儿?)?{_LIVE}"
    # the speaker (or 其, in an agent's summary) with one other: "与老伴二人在家生活"
    rf"|(?:(?<=[我俺其])|(?<=目前|现在)|(?:^|(?<=[，。,；\s])))(?:与|和|跟)\S{{1,3}}?(?:二人|两人)"
    rf"(?:在家)?(?:一起)?{_LIVE}"
    rf"|老两口(?:单独|自己)(?:居住|{_LIVE})"  # "老两口单独居住"
    # a clause that is only the two: "俺家，俺跟俺儿两个人，俺儿有残疾证"
    r"|(?:^|(?<=[，。；\s]))(?:家里)?(?:我|俺|额)(?:和|跟)(?:我|俺|额)?\S{1,3}?(?:两个人|俩人)(?=$|[，。；])"
    # the two live on it: "俺俩就靠每月一千三的退休金过"
    r"|(?:我|俺|咱|额)们?俩(?:就|全|都)?靠[^，。；！？]{1,16}?(?:过日子|过活|过|生活)(?=$|[，。；])"
)
# "就剩我和两个孩子": the speaker and the children
_KIDS = r"(?:孩子|娃娃?|小孩|孙子|孙女|外孙女?)"  # "一个人拉扯两个孙子": theirs to raise
_SIZE_WITH_CHILDREN = [
    re.compile(rf"(?:就剩|只剩|只有|就)(?:我|俺)(?:和|跟|带着?){_COUNT}个{_KIDS}"),
    re.compile(
        rf"(?:(?:我|俺)(?:一个人)?|一个人)(?:带着|拉扯着?|养活着?|养着)"
        rf"{_COUNT}个?{_KIDS}(?:过|生活|住|(?=[，。；]))"
    ),
    # "他爸走了，我一个人带俩孩子": alone with them ("在家带娃" alone says nothing of the size)
    re.compile(rf"(?:我|俺)?(?:一个人|自己)带着?{_COUNT}个?{_KIDS}"),
]
# "离婚了，两个孩子都跟着我": the speaker and the children, when no partner lives with them
_KIDS_WITH_ME = re.compile(rf"{_COUNT}个?{_KIDS}都跟着?(?:我|俺)(?!们)")
# "我带着女儿过": the speaker and one child
_SIZE_WITH_CHILD = re.compile(
    r"(?:我|俺)(?:一个人|自己)?带着(?:一)?个?(?:女儿|儿子|闺女|孩子|娃|小孩)(?:过|生活|住|(?=$|[，。,；]))"
    r"|(?:^|(?<=[，,后\s]))(?:我|俺)?(?:一直|现在|如今)?一个人带着?(?:一个)?(?:女儿|儿子|闺女|孩子|娃|小孩)"
    r"(?=$|[，。,；\s])"  # "离婚后一直一个人带着儿子", voice-typed "一个人带孩子 现在…"
)
# "我带着孙子过日子": the speaker and one grandchild raised by them
_WITH_GRANDCHILD = re.compile(
    r"(?:我|俺|额)(?:一个人|自己)?带着(?:一)?个?(?:孙子|孙女|外孙女?|孙娃子?)(?:过|生活|住|(?=$|[，。,；]))"
)
# "我和孙子一起过", "俺跟俺娘一块住": the speaker and the one relative named in between
_WITH_ONE_RELATIVE = re.compile(
    r"(?:^|(?<=[，。,；\s]))(?:现在|目前|平时|如今)?(?:就)?(?:我|俺|额)(?:和|跟|同)(?:我|俺|额)?"
    r"(?P<who>\S{1,4}?)(?:一起|一块儿?)(?:过日子|过(?![来去])|生活|住)"
)
# "老两口带着孙子过": the couple and the children they raise
_COUPLE_WITH_CHILDREN = re.compile(
    rf"(?:我们|俺们|咱们|额们)?老两口(?:带着?|拉扯着?|养着)(?:{_COUNT}个?)?{_KIDS}"
    r"(?:过|生活|住|(?=$|[，。,；]))"
)
_INCOME = re.compile(r"收入|落(?:个|下)")  # "一年也就落个万把块": what is left, earned


def _speaker_goes_on(text: str, mentions: list[Mention], lo: int) -> bool:
    """The clauses before `lo` in its sentence, back to the last one with a subject, have no
    subject of their own and that one begins with the speaker: "我白天在小区当保洁一个月一千八，
    晚上再去饭店洗碗，一个月能多挣个七八百" goes on about the speaker."""
    before = clause_before(text, lo)
    while before is not None:
        first = _SPEAKER_FIRST.match(text, before[0])
        if first and not any(m.start == first.end() and m.relation != SELF for m in mentions):
            return True  # not "俺兄弟在济南上班": the speaker's brother
        if any(before[0] <= m.start < before[1] for m in mentions):
            return False
        before = clause_before(text, before[0])
    return False


_SPEAKER_FIRST = re.compile(
    r"(?:现在|平时)?(?:我|俺|咱)(?!们|家|妈|爸|娘|爹|两口子|俩|两个)"
    r"(?![和跟][^，。；！？\s]{1,5}(?:都|俩|两个))"  # "我和娃他妈都在家务农": the two of them
)
# a job said by what one does: "在超市当收银员", "在饭店端盘子", "在太原送外卖", "到手2300"
_JOB = re.compile(
    r"当(?!时|年|初)\S{1,4}员|端盘子|刷盘子|洗碗|刷碗|送外卖|跑外卖|收银|保洁|保安|保姆|到手|后厨"
    r"|打扫卫生|帮厨|看工地|看大门|看车棚|看仓库|卖(?:衣服|鞋|化妆品|家电|手机|日用品)|修(?:自行车|鞋)"
    r"|卖早点|钟点工|上(?:夜|白|早|晚|中)班|(?:公司|厂)(?:里)?开(?:货|大)?车"
    r"|(?:厂子?|公司|超市|饭店|饭馆)(?:里|上)?(?:干活|做事)"  # "在村里的小厂子里干活，一个月两千来块"
)
_WORKS_FOR_PAY = re.compile(
    r"挣|赚|工资|上班|打工|打(?:点|些)?零工|种地|务农|干活|做工|跑(?:货|大)?车|开(?:货|大|出租|网约)?车"
    r"|开出租|跑出租|退休金|养老金"
)
# a speaker alone: what they get a month is the household's ("一个人过…退休金一个月一千三")
OWN_INCOME = re.compile(r"退休金|养老金|工资|收入|挣|收个|收成")
# a clause saying what work one does, no amount: "给人当保姆，一个月一千五" is a pay
_WORKS = re.compile(
    r"上班|打工|打(?:点|些)?零工|做工|当保姆|做保姆|做保洁|干保洁|当服务员|送外卖|摆摊|开出租|跑出租|看大门|扫大街|工地上干"
)
_NOT = re.compile(r"[不没]")
_HE_OR_SHE = re.compile(r"\s*[他她](?!们)")  # a clause about somebody not named: nobody we place
_TOTAL_INCOME = re.compile(
    r"加起来|一共|总共|拢共|统共|全家|全靠|就靠|只靠|家里[^，。；！？\s]{0,8}收入"  # "家里六亩地一年收入"
    r"|该户|全户|家庭(?:年|月)?总?收入"  # a call summary's "其妻务农，该户年收入约1.2万元"
    # the only earner: "家里就我一个人挣钱，一个月三千来块"
    r"|(?:就|只有|只)(?:我|俺)一个(?:人(?:挣钱|赚钱|上班|打工|干活)|劳力|劳动力)"
    # "家里就我一个人在饭馆当服务员挣钱": where and as what said between
    r"|(?:就|只有|只)(?:我|俺)一个人在[^，。；！？\s]{1,10}?(?:挣钱|赚钱)"
    # the only earners: "就我跟他妈种地打工，一年三万块钱"
    r"|(?:就|只有|只)(?:我|俺)(?:跟|和)[^，。；！？\s]{1,3}?(?:种地|打工|干活|挣钱|赚钱|上班)"
    # the one earner named: "家里一个月就我老婆打零工挣一千五"
    r"|(?:就|只有|只)(?:我|俺)[^，。；！？\s不没]{0,3}?(?:一个人)?"
    r"(?:打零工|打工|上班|挣钱|赚钱|干活|种地|种了|种着|挣)"
    # the one pension: "一个月就俺六百块钱的养老金"
    r"|(?:就|只有|只)(?:我|俺|额)[^，。；！？\s不没]{0,8}?(?:养老金|退休金)"
)
# "没有收入了" as a clause of its own: whose is said before it
_BARE_NO_INCOME = re.compile(
    r"(?:^|(?<=[，,]))(?:现在|目前)?(?:没(?:有)?(?:工作|活)(?:也)?)?"  # "没工作没收入"
    r"(?:(?:就|也|都)?没(?:有|啥|什么)?(?:任何)?收入(?:来源)?"
    r"|(?:啥|什么|一点)收入(?:也|都)没(?:有)?)了?"  # "啥收入也没有"
    r"(?=[，。,！!；]|$)"
)
_HUKOU_PLACE = re.compile(
    r"(?:户口|户籍)(?:还|都)?(?:在|是)(?:老家)?"  # a call summary's "户籍在河北"
    r"|户口(?:已经|早就|也|都)?(?:迁回|迁到|迁来|迁进|落在|落到|转回|转到)(?:了)?"  # 户口迁回历城了
)
SUMMED = re.compile(r"加起来|一共|总共|拢共|统共|合计")  # a sum said after the parts wins over them


# "俺老汉七十八了，俺七十五，没儿没女的": the speaker and the spouse, with nobody to live with
_CHILDLESS = re.compile(r"[没无]儿[没无]女|膝下无(?:儿女|子女)|没有(?:儿女|子女)|无子女")
_OTHERS = ("parent", "grandparent", "sibling", "grandchild", "other", UNNAMED)
_CHILDREN = ("son", "daughter", CHILD)


def _childless_couple(text: str, mentions: list[Mention]) -> re.Match[str] | None:
    """The speaker, named in this clause or the one before, says they have no children and
    names a living spouse and nobody else who could live with them (a son named after 他 is
    somebody else's: "隔壁老王家…他儿子"; "邻居老两口没儿没女" is not about the speaker)."""
    m = _CHILDLESS.search(text)
    if m is None:
        return None
    lo, _ = clause_at(text, m.start())
    if lo > 1:
        lo, _ = clause_at(text, lo - 2)
    if not any(p.relation == SELF and lo <= p.start < m.start() for p in mentions):
        return None
    living = [p for p in mentions if not p.departed]
    if not any(p.relation == "spouse" for p in living) or any(
        p.relation in _OTHERS
        or (p.relation in _CHILDREN and text[p.start - 1 : p.start] not in ("他", "她"))
        for p in living
    ):
        return None
    return m


def said_size(
    text: str, mentions: list[Mention], asked_for: str | None = None, *, story: bool = False
) -> tuple[int, int, int] | None:
    """The household size the text says, with its span ("她一个人住" about an aunt is not,
    unless the aunt is the one `asked_for`: then it is the size of her household). In a
    `story` (an opening), "我跟小儿子一起住" leaves others unsaid; in an answer to 几口人 it is
    the count."""
    for pattern in _SIZE_SAID:
        m = next((m for m in pattern.finditer(text) if not _their_own(text, m.start())), None)
        if m is None:
            continue
        n = m.group("n")
        if negative_at(text, m.start("n")):
            continue  # "-3口人": no size; the dialogue asks again, saying why
        size = small_number(n)
        if (
            size is not None
            and 1 <= size <= 30
            and not _somebody_else_alone(mentions, text, m, size, asked_for)
        ):
            return size, m.start(), m.end()
    # "我带着俩娃…婆婆跟我们住": the speaker and the children are not all of them
    others = _another_lives_with(text, mentions)
    for pattern in _SIZE_WITH_CHILDREN:
        m = pattern.search(text)
        children = small_number(m.group("n")) if m else None
        if m is not None and children is not None and not others:
            return children + 1, m.start(), m.end()
    m = _KIDS_WITH_ME.search(text)
    children = small_number(m.group("n")) if m else None
    partner = any(p.relation == "spouse" and not p.departed for p in mentions)
    if m is not None and children is not None and children >= 2 and not partner and not others:
        return children + 1, m.start(), m.end()
    counted = None if story else _named_with_the_speaker(text, mentions, others)
    if counted is not None:
        return counted
    for pattern, size in ((_SIZE_ONE, 1), (_SIZE_TWO, 2), (_SIZE_WITH_CHILD, 2)):
        m = pattern.search(text)
        if pattern is _SIZE_WITH_CHILD and others:
            continue
        if m and not _somebody_else_alone(mentions, text, m, size, asked_for):
            if pattern is _SIZE_TWO and _more_named_after(text, mentions, m.start(), m.end()):
                continue  # "就俺们老两口，儿子，再加个小孙子": four, not two
            if pattern is _SIZE_WITH_CHILD and any(
                c.relation == CHILD and c.count > 1 for c in mentions
            ):
                continue  # "两个娃…我一个人带娃": more than one child
            return size, m.start(), m.end()
    m = _childless_couple(text, mentions)
    return (2, m.start(), m.end()) if m else None


def _named_with_the_speaker(
    text: str, mentions: list[Mention], others: bool
) -> tuple[int, int, int] | None:
    """An answer to 几口人 naming who lives with the speaker: "老两口带着孙子过" (three), "我和
    孙子一起过", "我带着孙子过日子" (two); not when somebody else is said to live here too."""
    if others:
        return None
    m = _COUPLE_WITH_CHILDREN.search(text)
    children = (small_number(m.group("n")) if m.group("n") else 1) if m else None
    if (
        m is not None
        and children is not None
        and not _more_named_after(text, mentions, m.start(), m.end())
    ):
        return children + 2, m.start(), m.end()
    m = _WITH_ONE_RELATIVE.search(text)
    if (
        m is not None
        and _one_relative(mentions, m.start("who"), m.end("who"))
        and not _more_named_after(text, mentions, m.start(), m.end())
    ):
        return 2, m.start(), m.end()
    m = _WITH_GRANDCHILD.search(text)
    if m is not None and not _more_named_after(text, mentions, m.start(), m.end()):
        return 2, m.start(), m.end()
    return None


def _one_relative(mentions: list[Mention], start: int, end: int) -> bool:
    """Exactly one living relative, one person, is named from `start` to `end` ("孙子", "俺娘";
    not "孩子们", "老伴和儿子")."""
    inside = [m for m in mentions if start <= m.start < end and m.relation != SELF]
    return (
        len(inside) == 1
        and inside[0].start == start
        and inside[0].end == end
        and inside[0].count == 1
        and not inside[0].departed
        and inside[0].relation != UNNAMED
    )


# "儿子在嘉峪关上班…自己一家四口也紧巴", "他家五口人": the count of another family
_THEIR_OWN = re.compile(
    r"(?:(?<![我俺咱额们])自己|他们?|她们?|人家|他们?家|她们?家)(?:也|都|还)?(?:是)?$"
)


def _their_own(text: str, start: int) -> bool:
    return _THEIR_OWN.search(text, max(0, start - 5), start) is not None


_LIST_REACH = 8  # characters after "老两口" within which more people named go on the list
# somebody said to live with the speaker's family: "婆婆跟我们住", "我妈和我们住一起"
_LIVES_WITH_US = re.compile(
    r"(?:也|还|一直|现在)?(?:跟|和|同)(?:着)?(?:我们|俺们|咱们|我|俺)(?:一起|一块儿?)?(?:住|过|生活)"
)
_ELDERS_AND_OTHERS = ("parent", "grandparent", "sibling", "grandchild", "other")


def _another_lives_with(text: str, mentions: list[Mention]) -> bool:
    """A relative other than a spouse or child is said to live with the speaker right after
    being named ("婆婆跟我们住，七十多了")."""
    return any(
        m.relation in _ELDERS_AND_OTHERS
        and not m.departed
        and _LIVES_WITH_US.match(text, m.end) is not None
        for m in mentions
    )


def _more_named_after(text: str, mentions: list[Mention], start: int, end: int) -> bool:
    """Somebody else still living here is named right after, in the same sentence (a list
    going on: "就俺们老两口，儿子，再加个小孙子")."""
    _, sentence_end = sentence_at(text, end)
    named = {m.key for m in mentions if start <= m.start < end}  # "就我跟孙子俩人过，孙子…"
    if _PAIR_WORD.search(text, start, end):  # "我爸瘫了…就我们爷俩，靠我爸…": he is the other one
        named |= {m.key for m in mentions if m.start < start and not m.departed}
    return any(
        end <= m.start < min(sentence_end, end + _LIST_REACH)
        and m.relation not in (SELF, "spouse")
        and m.key not in named
        and not m.departed
        and text[m.start : m.end] not in ("他", "她")  # "…哪有钱供她上学": one of the two
        for m in mentions
    )


def _somebody_else_alone(
    mentions: list[Mention], text: str, m: re.Match[str], size: int, asked_for: str | None
) -> bool:
    """ "我姑姑…她一个人住", "儿子成家了，他一个人过": somebody else lives alone, not the
    household (nor the one asked for)."""
    if size != 1 or text[m.start()] in "我俺额":  # "俺就一个人": the speaker, said so
        return False
    who, gone = who_at(mentions, text, m.start())  # "老伴走了，一个人住": the speaker
    if gone and who != UNNAMED and _partner_of_somebody(mentions, text, m.start()):
        return True  # "村里有个张大爷…老伴走得早，一个人住": his late wife, he lives alone
    return who not in (None, SELF, asked_for) and (who == UNNAMED or not gone)


def _partner_of_somebody(mentions: list[Mention], text: str, index: int) -> bool:
    """The departed one named last before `index` is said with no possessive of the speaker
    ("老伴走得早", not "我老伴走了"), right after somebody unnamed: theirs, not the speaker's."""
    lo, _ = sentence_at(text, index)
    before = [x for x in mentions if lo <= x.start < index]
    gone = [x for x in before if x.departed and x.relation != SELF]
    if not gone:
        return False
    last = gone[-1]
    if any(x.relation == SELF and x.end == last.start for x in mentions):
        return False  # "我老伴走得早": the speaker's
    earlier = [x for x in before if x.start < last.start and x.relation != SELF]
    return bool(earlier) and earlier[-1].relation == UNNAMED


def household_income(text: str, mentions: list[Mention], lo: int, hi: int) -> bool:
    """An income said for the whole household: with 加起来/全靠…, in its clause or (an amount
    clause naming nobody) the clause before in the same sentence ("家里就靠我打零工，一个月
    一千来块"); or called 收入 in a clause naming nobody ("一年到头也就收入一万来块")."""
    before = clause_before(text, lo)
    if _MAINLY.search(text, lo, hi) or (before is not None and _MAINLY.search(text, *before)):
        return False  # "该户主要靠其在外务工，月收入约3000元": the main income, not all of it
    if _TOTAL_INCOME.search(text, lo, hi):
        return True
    if (
        _INCOME.search(text, lo, hi)
        and (_ME_AND.match(text, lo) or _JOINT.match(text, lo))
        and _together(text, mentions, lo, hi)
    ):
        return True  # "我和他爸都在家种地一年也就收入两万来块钱", "我们俩一年种地收入七八千"
    if any(lo <= m.start < hi for m in mentions):
        return False
    first, _ = sentence_at(text, lo)
    # who else may have earned it: named before in the sentence, still here, said to work
    # ("老伴打工，收入一个月两千"); not a son with his own family elsewhere, nor "我妈七十三了"
    others = [
        m
        for m in mentions
        if first <= m.start < lo
        and m.relation != SELF
        and not m.departed
        and _WORKS_FOR_PAY.search(text, *clause_at(text, m.start))
    ]
    if _INCOME.search(text, lo, hi) and not others:  # "老伴打工，收入一个月两千": the spouse's
        return True
    if _INCOME.search(text, lo, hi) and _earned_jointly(text, mentions, lo):
        return True  # "我和媳妇都在家种地，一年收入也就两万来块"
    return before is not None and bool(_TOTAL_INCOME.search(text, *before))


_MAINLY = re.compile(r"主要(?:是|就是)?(?:靠|指望)|大部分(?:是)?靠|多半靠")


def clause_before(text: str, lo: int) -> tuple[int, int] | None:
    """The clause before the one starting at `lo`, when it is in the same sentence."""
    if lo < 2:
        return None
    prev_lo, prev_hi = clause_at(text, lo - 2)
    return (prev_lo, prev_hi) if sentence_at(text, prev_lo) == sentence_at(text, lo) else None


# "我和他妈在家种地": the speaker and another as the clause's subject
_ME_AND = re.compile(r"(?:^|(?<=[，,]))(?:现在|平时)?(?:我|俺)(?:和|跟|与|同)")
# the speaker and others as one subject: "两个人都…", "我俩…", "两口子…"
_JOINT = re.compile(r"两个人|俩人|(?:我|俺|咱)们?(?:俩|两个)|两口子|老两口")


def _earned_jointly(text: str, mentions: list[Mention], lo: int) -> bool:
    """The clause before `lo`, in the same sentence, has the speaker and the others as its
    subject together ("我和媳妇都在家种地", "两个人都干不了重活")."""
    before = clause_before(text, lo)
    return before is not None and _together(text, mentions, *before)


def _together(text: str, mentions: list[Mention], lo: int, hi: int) -> bool:
    """The span has the speaker and the others as its subject together."""
    if _JOINT.search(text, lo, hi):
        return True
    named = members_of([m for m in mentions if lo <= m.start < hi], mentions, text)
    together = "都" in text[lo:hi] or _ME_AND.search(text, lo, hi)
    return bool(together) and SELF in named and len(named) > 1


def about_self(mentions: list[Mention], text: str, lo: int, hi: int, who: str = SELF) -> bool:
    """The clause names nobody but `who` (the speaker, or the relative asked for). Told for a
    relative, a clause naming nobody goes on about the one named last: "替我妈问…我在太原开出租，
    一个月挣个四五千" is the writer's pay, not hers."""
    named = [m for m in mentions if lo <= m.start < hi]
    if named or who == SELF:
        return all(m.key == who for m in named)
    last = nearest_named(text, mentions, lo)
    return not last or members_of(last, mentions, text) in ([who], [])


def nearest_named(text: str, mentions: list[Mention], index: int) -> list[Mention]:
    """Those named in the nearest clause before `index`, in its sentence, that names anybody
    (a reflexive 自己 names nobody new: "她…一个人住自己的窑洞" is still about her)."""
    first, _ = sentence_at(text, index)
    while index > first + 1:
        lo, _ = clause_at(text, index - 2)
        named = [n for n in mentions if lo <= n.start < index and text[n.start : n.end] != "自己"]
        if named:
            return named
        index = lo
    return []


def _says_amount(clause: str) -> bool:
    """An amount of money in the clause; a count is none ("一直靠打零工", "两口子都打工")."""
    return any(isinstance(found.value, Amount) for found in find_amounts(clause))


def own_income_said(text: str, lo: int, hi: int) -> bool:
    """An amount clause says it is an income ("退休金一个月两千"), or follows a clause that
    does without an amount of its own ("收入不稳定，一个月也就一两千"), or that says what work
    one does ("在县城给人当保姆，一个月一千五")."""
    if OWN_INCOME.search(text, lo, hi):
        return True
    before = clause_before(text, lo)
    if before is None or _says_amount(text[before[0] : before[1]]):
        return False
    works = (_WORKS.search(text, *before) or _JOB.search(text, *before)) and not _NOT.search(
        text, *before
    )  # "我在超市当收银员，一个月两千三"
    return bool(OWN_INCOME.search(text, *before) or works)


# the one named cannot work: what the next clause earns is not theirs
_NO_WORK = re.compile(r"(?:没法|没办法|不能|无法|干不了|出不去)(?:出去)?(?:打工|上班|干活|工作)")


def own_pay_of(
    text: str,
    mentions: list[Mention],
    lo: int,
    hi: int,
    pupils: Collection[str] = (),
    asked_for: str | None = None,
) -> str | None:
    """Whose own pay an amount clause gives, when it is the speaker's, the spouse's or a
    parent's alone ("我在超市上班一个月两千二", "老公在外打工一年能挣三万多", "靠我爸一个月
    一百多的养老金"): their key, else None (a child's pay is left: a grown child often lives
    apart). A clause that names nobody is the one named
    in the clause before; or the speaker's, when nobody but children at school (`pupils`) was
    named before it ("…小的闺女上小学。在超市当收银员一个月到手2300")."""
    if not (
        own_income_said(text, lo, hi)
        or _WORKS_FOR_PAY.search(text, lo, hi)
        or _JOB.search(text, lo, hi)
    ):
        return None
    # "就我老婆打零工": the speaker only says whose wife
    named = [m for m in mentions if lo <= m.start < hi and not _not_the_earner(m, mentions, text)]
    if not named:
        if _HE_OR_SHE.match(text, lo):
            return None  # "她在饭店洗碗一个月两千" with nobody named before: not the speaker
        if _speaker_goes_on(text, mentions, lo):
            return SELF  # "我跟爸妈住一起，在太原送外卖…": the speaker goes on
        before = clause_before(text, lo)
        if before is not None and _NO_WORK.search(text, before[0], before[1]):
            return None  # "妻子没法出去打工，全家一年就靠这点地收入一万多": not her pay
        named = [m for m in mentions if before and before[0] <= m.start < before[1]]
        # "俺老汉在外头打工，一个月两千多": 俺 only says whose husband
        named = [m for m in named if m.key not in pupils and not _not_the_earner(m, mentions, text)]
        earlier = [
            m for m in mentions if m.start < lo and m.key not in pupils and m.relation != CHILD
        ]
        third_person = before is not None and _HE_OR_SHE.match(text, before[0])
        if (
            not named
            and not third_person
            and all(m.relation == SELF or m.departed for m in earlier)
        ):
            return SELF  # the speaker tells their own story, the subject left unsaid
    keys = {m.key for m in named}
    if len(keys) != 1:
        return None
    who = named[0]
    if who.departed or who.couple:
        return None
    return who.key if who.relation in (SELF, "spouse", "parent") or who.key == asked_for else None


def _not_the_earner(m: Mention, mentions: list[Mention], text: str) -> bool:
    """Named in a pay clause but not who earns it: the owner in "我老婆", or the employer in
    "给人家看工地" / "给别人打工"."""
    return possessive(m, mentions, text) or (
        m.relation == UNNAMED and text[m.start - 1 : m.start] == "给"
    )


def speakers_own(text: str, mentions: list[Mention], lo: int) -> bool:
    """The clause before `lo` (same sentence) names the speaker alone: "我在小区做保洁，一个月
    一千六" is the speaker's pay, not a couple's."""
    before = clause_before(text, lo)
    if before is None:
        return False
    named = [m for m in mentions if before[0] <= m.start < before[1]]
    return bool(named) and all(m.relation == SELF and not m.couple for m in named)


def no_income_of_all(
    text: str, mentions: list[Mention], alone: str | None = None
) -> list[tuple[int, int]]:
    """ "我和孩子他爸都在家照顾孩子，没法上班，没有收入了": a bare 没有收入 after two or
    more members (or 老两口) named earlier in the sentence is the household's; after one
    person it is only theirs, unless that person (`alone`: the speaker, or the relative asked
    for) lives alone ("我姑妈…一个人住在村里，没收入")."""
    found = []
    for m in _BARE_NO_INCOME.finditer(text):
        named = nearest_named(text, mentions, m.start())
        if named:
            members = members_of(named, mentions, text)
            if len(members) > 1 or (alone is not None and members == [alone]):
                found.append((m.start(), m.end()))
    return found


def hukou_elsewhere(text: str, region: str) -> tuple[int, int] | None:
    """ "户口在甘肃" told in Ningxia: the hukou is in a place outside the region applied in
    (another of our regions, or a province or city we do not cover)."""
    for m in _HUKOU_PLACE.finditer(text):
        said = re.split(r"[，,。；;！!？?\s]", text[m.end() : m.end() + 8])[0]
        ours = [r for r in match_regions(said) if r.start == 0]
        if ours and ours[0].id != region:
            return m.start(), m.end() + ours[0].end
        place = other_place(said)
        if not ours and place is not None and said.startswith(place):
            return m.start(), m.end() + len(place)
    return None


def hukou_here(text: str, region: str) -> tuple[int, int] | None:
    """ "户口在历城", told in Licheng: the hukou is in the one county a region covers. (In a
    province, "户口在甘肃" does not say it is in the county applied in: nothing is read.)"""
    if RegionId(region) not in FIXED_PLACE:
        return None
    for m in _HUKOU_PLACE.finditer(text):
        if text[m.start() : m.end()].endswith("老家"):
            continue  # "户口在老家历城": home is elsewhere from where they live now
        said = re.split(r"[，,。；;！!？?\s]", text[m.end() : m.end() + 8])[0]
        ours = [r for r in match_regions(said) if r.start == 0]
        county = places().get(FIXED_PLACE[RegionId(region)])
        # the county itself, not only its city or province ("户口在济南" may be another 区)
        named = county is not None and any(a in said for a in aliases(county.name))
        if ours and ours[0].id == region and named:
            return m.start(), m.end() + ours[0].end
    return None
