"""Short answers to the questionnaire: yes/no, "I don't know", and choices among options.

"不知道" is never a "no": it is checked first and gives None. A question back ("是不是…",
"有没有…", "…吗") is not an answer either, nor is a message that closes or steers the
conversation: a farewell or exit ("好的，再见了", "我要退出了"), a skip or refusal ("这个不想填"),
a request for a person ("我要人工"), "I don't understand you" ("听不明白") or a correction of an
earlier answer ("刚才答错了"). Polite idioms ("不好意思", "不客气") are not a "no".

Single-character forms (是, 有, 行, 不, 没…) count only at the start of a clause, after an
optional subject ("我没有", "俺家有"). The copula 是 followed by a noun phrase identifies
something ("是我老伴", "他是我儿子", "我是本人"): not a "yes". A bare 不/没 negates what follows
it; with a longer predicate after it ("没上过学") it is a statement, not a "no"; a short echo of
the question ("没车", "不在", "没工作") still is.

"忘了" is "I don't know" only when what is forgotten is the asked fact: alone ("我忘了"), or with
a question word ("多少忘了", "忘了是几号"); "社保卡密码忘了" is about something else.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from nlu.dialect import plain_no
from nlu.numbers import Found
from nlu.numerals import normalize_digits, parse_range

_FORGOT = r"(?:忘了|忘记了|忘掉了|忘啦)"
_ASKED = r"(?:多少|几|啥|什么|哪|具体|准确|确切)"
# "不知道咋过", "不知道去哪登记": what the speaker does not know is how or where, not the fact
# "不知道怎么办" asks; "不知道还要登记", "不知道有这个政策" says one did not know a thing
_HOW_OR_WHERE = (
    r"(?!(?:该|要|能|得|应该)?(?:咋|怎么|怎样|如何|去哪|上哪|到哪|往哪|从哪|找谁|跟谁)"
    r"|还要|还得|还需要|需要|有这|还有)"
)
_DONT_KNOW = re.compile(
    # not the mind or the speech said unclear ("脑子不清楚", "说话不清楚"): how someone is
    r"(?<!脑子)(?<!脑袋)(?<!头脑)(?<!神志)(?<!意识)(?<!说话)(?<!口齿)(?<!吐字)"
    rf"(?:不知道|不晓得|不清楚|不太清楚){_HOW_OR_WHERE}|不造|说不好|说不清|说不准|说不上来|记不得|记不清|记不住|不记得"
    r"|记不(?:太|大)(?:清|准|得)|记不准"
    r"|不确定|搞不清|弄不清|没印象|不太了解|不了解|不好说|难说|不一定|说不定|也许吧"
    # "没算过" said alone: the sum is not known ("没算过，反正不少" says it is a lot)
    r"|^(?:我|俺|也|都|从来)*没(?:细|仔细)?(?:算过|算|记过账?|记账)[了啊呀吧哈的嘛]*$"
    # "不懂" said last; "不懂那些，没有", "那玩意儿咱不懂，没买过": the product is not understood,
    # the no is said
    r"|不懂(?=[了啊呀吧哈的嘛]*$)"
    # "忘了" alone in its clause (after a subject or adverb), or tied to a question word
    rf"|(?:^|(?<=[，。；！？,;!?\s]))(?:我|俺|都|也|早|早就|全|全都|给|真|可能)*{_FORGOT}"
    r"(?=[了啊呀吧哈的嘛]*(?:$|[，。；！？,;!?\s]))"
    rf"|{_ASKED}[^，。；！？,;!?\s]{{0,4}}{_FORGOT}|{_FORGOT}(?:是|了)?{_ASKED}"
)
# "你问这干啥", "问这个做什么": why it is asked, asked back
_ASKS_WHY = re.compile(r"问(?:这|这个|那|那个|这些)?(?:干啥|干嘛|干什么|做啥|做什么)")
# Messages that close or steer the conversation rather than answer the question.
_NOT_AN_ANSWER = re.compile(
    r"再见|拜拜|bye|回头见|挂了|退出|不聊了|下次再说"
    r"|跳过|下一个|下一题|先空着|空着吧|不想(?:填|说|回答|答|讲|告诉)|不方便(?:说|回答|讲|透露)"
    r"|不愿意(?:说|回答|讲|透露)|人工|客服|真人"
    r"|听不(?:懂|明白|清)|没听(?:懂|明白|清)|不明白|看不懂"
    r"|(?:答|说|填|写|打|记|弄|搞|选)错"
    rf"|{_ASKS_WHY.pattern}"
)
# Idioms that contain a yes/no character but answer nothing; masked before matching.
_IDIOMS = re.compile(
    r"不好意思|不客气|不用谢|不过|要是|要不然|好像|没关系的话"
    r"|都(?:行|可以|成|中)(?=[，,]\s*(?:看|随))"  # "都行，看哪边好办": either, not a yes
    # "有低保撑着", "有点补贴": what the household gets, not a yes to the question
    r"|有(?:个|点)?(?:低保|五保|特困|补贴|补助|养老金)"
    r"|没(?:有)?(?:迁|搬|挪|动|变|改)(?:过|走|出去|动过)?"  # "一直在这儿，没迁过": nothing changed
)
# "没有没有", "不是不是", "不对不对": a repeated no, not the question "有没有"
_A_NOT_A = re.compile(
    r"(?<!不)是不是|(?<!没)有没有|(?<!不)要不要|(?<!不)对不对|(?<!不)行不行|能不能|可不可以|用不用|是否|"
    r"(?<!不)算不算|算不(?=[？?]|$)"  # "暂住证算不？", "民兵算不": asks whether it counts
)
_QUESTION = re.compile(rf"{_A_NOT_A.pattern}|好不好|吗|嘛[?？]|[?？]")
_YES = [
    "是的",
    "是啊",
    "是呀",
    "是滴",
    "是",
    "对的",
    "对啊",
    "对呀",
    "对头",
    "对",
    "嗯嗯",
    "嗯",
    "恩",
    "有的",
    "有啊",
    "有",
    "好的",
    "好啊",
    "好",
    "可以",
    "同意",
    "行",
    "没错",
    "没问题",
    "没毛病",
    "不错",
    "ok",
    "okay",
    "yes",
    "y",
    "要的",
    "要",
    "需要",
    "当然",
    "确实",
    "算是",
    "肯定是",
    "肯定",
    "对着呢",
    "有呢",
]
_NO = [
    "不是",
    "不对",
    "不用",
    "不要",
    "不行",
    "不同意",
    "不可以",
    "不需要",
    "不会",
    "没有",
    "没得",
    "莫得",
    "木得",
    "木有",
    "冇",
    "莫有",
    "么有",  # Shandong, and a voice-input spelling
    "美有",  # voice input: 没有 heard as 美有
    "没",
    "无",
    "否",
    "不",
    "算了",
    "错了",
    "no",
    "nope",
    "n",
    "一个都没有",
    "都没有",
    "没有人",
    "没人",
]
_EXACT_YES = {
    "中",
    "中中",
    "中啊",
    "那中",
    "那可不",
    "可不是",
    "可不",
    "可不咋的",
    "可不咋地",
    "可不是嘛",
}
# "没买过那些", "没炒过股", "没遇到啥事", "啥都没领": never did it, nothing of it — a "no"
# (not "没听说过"/"没鉴定过": not knowing is no answer)
_NEVER = re.compile(
    r"^(?:我们家|我家|俺家|家里|我们|我|俺|咱)?(?:现在|目前|眼下|最近)?(?:从来|从|也|都|还)?没有?"
    r"(?:(?:买|炒|领|拿|吃|办|当|遇到|碰到|遇上|碰上|得|患|存|开|住|享受|碰|做|弄)过"
    r"|(?:遇到|碰到|遇上|碰上|出|发生|领|拿|吃|得|有)(?:啥|什么|任何)"
    r"|(?:存|攒|剩)下"  # "没存下钱": nothing saved
    r"|(?:啥|什么)(?:大)?(?:事|难处)"  # "没啥大事"
    r"|(?:啥|什么)(?:突然|意外)的?(?:事)?)"  # "没啥突然的，就是一直穷"
    r"|^(?:啥|什么)(?:都|也)没(?:有|领|拿|吃|办|遇到|碰到|得|享受)"
    r"|^(?:俺们|我们|咱们|俺|我|咱|家里)?哪(?:有|来的?)(?:啥|什么)?"  # "哪有啥存款", "俺们哪有那闲钱"
    r"|^(?:还|又|那)?能有(?:啥|什么)(?!办法|法子|用)"  # "能有啥病，年轻着呢"; not 能有啥办法
    # "现在顾不上": no time for it now (to 想找工作吗, 想参加培训吗)
    r"|^(?:现在|目前|暂时|眼下|这会儿?)?(?:还|也)?(?:顾不上|顾不过来|没空|没工夫|走不开|脱不开身)"
    # "股票基金啥的都没碰过": the thing first, then never
    r"|^[^\d不没]{1,8}?(?:都|也|从来)?没有?(?:碰|买|炒|领|办|开|得|当|享受|做)过$"  # "康复没做过"
)
_FORMS = {**{f: True for f in _YES}, **{f: False for f in _NO}}
_SUBJECT = r"(?:我们家|我们|我家|俺家|咱家|我|俺|咱|他们|他|她|家里|家|那就|那|就|都|也|还|应该|这个|肯定|当然|确实)*"
_FORM_RE = re.compile(
    rf"{_SUBJECT}(?P<form>{'|'.join(re.escape(f) for f in sorted(_FORMS, key=len, reverse=True))})"
)
_TOPIC_THEN_NONE = re.compile(r"^[^\d不没]{1,6}?(?:也|都|还)?(?P<form>没有|没得|木得|木有)$")
_CLAUSE = re.compile(r"[^，。；！？,;!?\s~～…]+")
_STRIP = " \t\n。，,.!！~～…啊呀吧哈"
_PARTICLES = "的了啊呀吧哈呢哦嘛滴啦咯"
_COPULA = "是"
_NEGATORS = {"不", "没"}
_NEGATOR_SPLIT = re.compile(r"也?[没不]")
_ECHO_MAX = 2  # a bare negator followed by at most this many characters echoes the question


_ENDS_ASKING = re.compile(r"(?:吗|么|[?？])[\s。.!！~～]*$")
# words that make a message a question wherever they are ("低保标准是多少", "咋申请")
ASKING = re.compile(r"[?？]|吗|呢|啥|什么|怎么|咋|多少|哪|能不能|可不可以|是不是|会不会|几时|多久")


def is_question(text: str) -> bool:
    """ "有没有车都要说吗": the answer asks back (an A-not-A form, or it ends as a question);
    "车？哪买得起" does not."""
    return bool(_A_NOT_A.search(text) or _ENDS_ASKING.search(text.strip()))


# a question asked back instead of a yes or no: a dialect yes/no question ending in 不 ("培训给钱不",
# "糖尿病算大病不"; not a refusal: "俺也不", "就是不", "才不"), or one of how much, what for or how
# ("孤儿能领多少钱", "监测户是干啥的", "咋算难维持", "居住证在哪办")
_ASKS_BACK = re.compile(
    r"(?<=[^也都还并倒可决绝从本压真一活是偏就再才定然没])不$"
    r"|(?:领|给|发|补|补贴|要|花)(?:多少|几个)钱?$"
    r"|(?:是)?(?:干啥|干什么|干嘛)的$|是(?:啥|什么)(?:意思)?$|啥意思$"
    r"|^(?:咋|怎么|怎样)(?:算|办|弄|申请|登记|领)[^，,。；;！!？?也都]{0,6}$"
    r"|^[^就哪]{0,5}?(?:在|去|到)哪(?:儿|里)?(?:办|登记|领|申请|弄)$"  # not "住哪儿就在哪儿办"
)
_CLAUSE_BREAK = re.compile(r"[，,。；;！!？?\s]")


def asks_back(text: str) -> bool:
    """ "培训给钱不", "孤儿能领多少钱", "咋算难维持": the answer, one clause, is a question back
    said without a question mark or 吗 (is_question's forms); not "没有，不知道去哪办"."""
    said = text.strip().rstrip(" 。.!！~～啊呀呢")
    return not _CLAUSE_BREAK.search(said) and _ASKS_BACK.search(said) is not None


# the whole answer asks what a word means or where or how to do it ("啥叫城镇户口", "去哪登记"):
# a question back, not an answer
_ASKS_WHAT = re.compile(
    r"^(?:那|这)?(?:啥|什么|啥子|么子)(?:叫|是)[^，,。；;！!？?]{1,8}"
    r"|^(?:去|到|在|上)?(?:哪|哪儿|哪里)(?:登记|办|领|申请|查|弄)[^，,。；;！!？?]{0,3}"
    r"|^(?:咋|怎么)(?:登记|办|领|申请|弄)[^，,。；;！!？?]{0,3}"
)


def asks_what(text: str) -> bool:
    """ "啥叫城镇户口", "去哪登记": the answer only asks back what or where (nothing after)."""
    return _ASKS_WHAT.fullmatch(text.strip().rstrip("？?。.！!呀啊呢")) is not None


def asks_why(text: str) -> bool:
    """ "你问这干啥", "问这个做什么，户口在哪有啥关系": why it is asked, asked back; no answer."""
    return _ASKS_WHY.search(text) is not None


def is_dont_know(text: str) -> bool:
    """True for "不知道", "不清楚", "记不得了", "说不好"…"""
    return bool(_DONT_KNOW.search(text))


def find_dont_know(text: str) -> Found | None:
    m = _DONT_KNOW.search(text)
    return Found(True, m.start(), m.end()) if m else None


def find_yes_no(text: str) -> Found | None:
    """The yes/no an answer gives, with the span of the word that gives it."""
    lowered = text.lower()
    if (
        not lowered.strip(_STRIP)
        or _DONT_KNOW.search(lowered)
        or _QUESTION.search(lowered)
        or _NOT_AN_ANSWER.search(lowered)
    ):
        return None
    lowered = _IDIOMS.sub(lambda m: "，" * len(m.group()), lowered)  # spans stay put
    for clause in _CLAUSE.finditer(lowered):
        word = clause.group().strip(_STRIP)
        if word in _EXACT_YES:
            return Found(True, clause.start(), clause.end())
        if _NEVER.match(word):
            return Found(False, clause.start(), clause.end())
        topic = _TOPIC_THEN_NONE.match(word)
        if topic:  # "存款没有", "啥也没有", "一分钱进项都没有": the topic first, then none
            start = clause.start() + topic.start("form")
            return Found(False, start, start + len(topic.group("form")))
        m = _FORM_RE.match(lowered, clause.start(), clause.end())
        if m and _answers(m.group("form"), lowered[m.end() : clause.end()]):
            return Found(_FORMS[m.group("form")], m.start("form"), m.end("form"))
    return None


def _answers(form: str, rest: str) -> bool:
    """Whether a yes/no form followed by `rest` (the remainder of its clause) answers."""
    rest = rest.strip(_STRIP + _PARTICLES)
    if not rest:
        return True
    if form in {"y", "n"}:
        return False  # a letter inside a word is not an answer
    if form == "要":
        return False  # "她要带孙子": has to, a modal before a verb, not a yes
    if form == _COPULA:  # "是我老伴": identifies; "是有的", "是要": still a yes
        follow = _FORM_RE.match(rest)
        return follow is not None and _FORMS[follow.group("form")] is True
    if form in _NEGATORS:  # "没车没房", "不在": an echo; "没上过学": a statement
        return len(_NEGATOR_SPLIT.split(rest)[0]) <= _ECHO_MAX
    return True


def parse_yes_no(text: str) -> bool | None:
    """True for 是/对/有/好/可以/嗯…, False for 不是/没有/不用/无…, None otherwise."""
    found = find_yes_no(text)
    return None if found is None else bool(found.value)


_ORDINAL = re.compile(
    r"^(?:第|选|选择|就)?(?P<n>\d{1,2}|[一二两三四五六七八九十]{1,3})"
    r"(?:个|项|种|条|号|类|\.|、)?(?:吧|啊|呀|的)?$"
)
_LABEL_PARTS = re.compile(r"[/／、（）()]|或")


def _norm(text: str) -> str:
    return re.sub(r"[\s，。,.!！?？~～、]", "", normalize_digits(text)).lower()


def _parts(label: str) -> list[str]:
    return [p for p in _LABEL_PARTS.split(label) if p]


def _best(hits: list[tuple[int, str]]) -> str | None:
    """The id of the longest hit; None when two different ids tie."""
    if not hits:
        return None
    hits.sort(reverse=True)
    if len(hits) > 1 and hits[0][0] == hits[1][0] and hits[0][1] != hits[1][1]:
        return None
    return hits[0][1]


def parse_choice(
    text: str,
    options: Mapping[str, str],
    synonyms: Mapping[str, Sequence[str]] | None = None,
) -> str | None:
    """The option id a free answer chooses, or None.

    In order: the exact label (or id); a number or ordinal ("2", "第二个") choosing that
    option in the given order; the longest label contained in the answer; the longest label
    part ("健康或良好" -> 健康, 良好; "子/婿" -> 子, 婿) equal to or (two characters or more)
    contained in the answer; a label containing the answer; the longest synonym contained.
    """
    answer = _norm(text)
    if not answer:
        return None
    for option_id, label in options.items():
        if answer in (_norm(label), option_id.lower()):
            return option_id
    m = _ORDINAL.match(answer)
    if m:
        bounds = parse_range(m.group("n"))
        ids = list(options)
        if bounds and bounds[0] == bounds[1] and 1 <= bounds[0] <= len(ids):
            return ids[int(bounds[0]) - 1]
    steps: list[list[tuple[int, str]]] = [
        [(len(_norm(lb)), i) for i, lb in options.items() if _norm(lb) in answer],
        [
            (len(p), i)
            for i, lb in options.items()
            for p in map(_norm, _parts(lb))
            if p == answer or (len(p) > 1 and p in answer)
        ],
        [
            (-len(_norm(lb)), i)
            for i, lb in options.items()
            if len(answer) > 1 and answer in _norm(lb)
        ],
        [
            (len(_norm(s)), i)
            for i, words in (synonyms or {}).items()
            if i in options
            for s in words
            if _norm(s) and _norm(s) in answer
        ],
    ]
    for hits in steps:
        chosen = _best(hits)
        if chosen is not None:
            return chosen
        if hits:
            return None  # ambiguous at this step: ask again rather than guess
    return None


# 家庭经济状况核对授权 in everyday words: "你们查吧", "查就查", "不想让查"
_CONSENT_NO = re.compile(
    r"不(?:太|大|怎么|是很)?(?:想|让|愿意|同意|要)\S{0,4}查|别查|不授权|不给查"
    r"|^[^，,。]{0,6}?(?:不|没)(?:太|大)?(?:同意|愿意)[了的啊吧呀。！!]*$"  # "我爸不同意"
)
_CONSENT_YES = re.compile(
    r"查吧|查就查|你们查|可以查|随便查|尽管查|让你们查|查呗|授权|(?:核对|核查)吧|查(?:啥|什么)都行"
    r"|(?:咋|怎么)查都(?:行|中|成|可以)|签就签|依你们|随你们"  # "依你们，咋查都行", "签就签吧"
    r"|查[^，,。不没别]{0,6}(?:可以|没问题|没事)"  # "查我可以"
    r"|(?<![不别没])(?:让|叫)(?:你们)?查|说(?:可以|行|中|同意)(?=[，,。]|$)"  # "俺爹说可以，让查"
    r"|^[^，,。不没别]{0,6}?(?:同意|愿意)[了的啊吧呀。！!]*$"  # "我爸妈都同意" (for them)
    # "没有问题", "我没意见", "有啥不同意的": nothing against it
    r"|^(?:我|俺|额|我们|俺们)?(?:没有?|莫有|么得)(?:啥|什么)?(?:问题|意见)[了的啊吧呀。！!]*$"
)
_NOTHING_AGAINST = re.compile(r"(?:有|没)(?:啥|什么)不(?:同意|愿意)的")  # "有啥不同意的"


_CONSENT_ASKS = re.compile(rf"[？?]|会不会|{_A_NOT_A.pattern}")


# "有", "没有 孙子在上学", "有意见": whether something exists, said to the consent (an answer
# to another question, or a worry): no agreement either way
_THERE_IS = re.compile(r"(?:有|没有|没|无|莫有|么得)")
_NONE_OF_IT = re.compile(r"没|无|莫有|莫得|么有|么得|木有|木得|美有|冇")


def parse_consent(text: str) -> bool | None:
    """Consent to the income and asset check: a yes/no, or the everyday ways of saying it.
    Consent given in part ("查我可以，别查我儿子的") is none: the check covers the household."""
    text = plain_no(text)  # "莫问题": 没问题
    if _CONSENT_ASKS.search(text):
        # "查银行卡？那不行": the question echoed back, then the answer; "你们查了会不会把低保
        # 取消了？": a question back, none (not "同意么": 么 ends a yes too)
        text = re.split(r"[？?]", text)[-1]
        if not text.strip() or _CONSENT_ASKS.search(text):
            return None
    if _NOTHING_AGAINST.search(text):
        return True
    if _CONSENT_NO.search(text):
        rest = _CONSENT_NO.sub("，", text)  # what is said besides the refusal
        yes = _CONSENT_YES.search(rest) or any(parse_yes_no(c) for c in _CLAUSE.findall(rest))
        return None if yes else False
    if _CONSENT_YES.search(text):
        return True
    if _THERE_IS.match(text.strip()):
        return None  # "有 儿子有残疾证": an answer to another question, no agreement
    found = find_yes_no(text)
    if found is not None and not found.value and _NONE_OF_IT.search(text, found.start, found.end):
        return None  # "存款么有", "啥也没有": there is none of something, no refusal
    return None if found is None else bool(found.value)
