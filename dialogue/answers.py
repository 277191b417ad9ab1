"""From an answer (text or a tapped choice) to the value of a question's fact.

The parsing itself is nlu's (numbers, dates, ID numbers, yes/no, choices, relations); this
module only picks the parser for the question's answer type and checks the range. It returns
`Value`, `DONT_KNOW` ("不知道/不清楚" is an answer), `Doubt` (a number that does not fit the
question — 29岁 to 几口人, 三间 to 几套房, a negative, 250岁 —: confirmed, never stored) or
None (not understood: re-ask).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from dialogue.answer_ages import ages_answer
from dialogue.answer_everyone import disability_details, everyone_else_none, states_its_fact
from dialogue.answer_numbers import (
    age_answer,
    amount_answer,
    area_answer,
    count_answer,
    only_a_part,
)
from dialogue.answer_scope import not_them, stated_part
from dialogue.answer_topics import same_topic
from dialogue.answer_unsure import plain_no_first, unsure_of_it
from dialogue.answer_values import DONT_KNOW, Answer, Value
from dialogue.doubts import (
    Doubt,
    find_doubt,
    negative_doubt,
)
from dialogue.questions import Question
from guides.ids import RegionId
from guides.places import Place, places
from nlu.amount_clauses import reimbursement_pending
from nlu.answers import (
    asks_back,
    asks_what,
    asks_why,
    find_yes_no,
    is_dont_know,
    is_question,
    parse_choice,
    parse_yes_no,
)
from nlu.clauses import (
    clauses,
    current_clauses,
    denied_choice,
    self_repaired,
    still_received,
    without_double_negation,
)
from nlu.commands import corrected_part
from nlu.dates import parse_age
from nlu.dialect import of_course, plain_no
from nlu.facts import (
    LONG_AGO,
    disability_kind_said,
    illness_kind_named,
    read_facts,
    unslipped,
)
from nlu.household_said import hukou_elsewhere
from nlu.lexicon import IN_LAW_WORDS, find_items, match_relations, own_child_said, parse_relation
from nlu.numbers import Found
from nlu.numerals import NUMERAL_RE, spoken_numerals
from nlu.voice_input import spaces_as_commas

# Doubt and negative_doubt live in dialogue.doubts; re-exported for the engine
__all__ = [
    "DONT_KNOW", "Answer", "Doubt", "Value", "negative_doubt", "parse_answer", "parse_tap",
    "same_topic",
]  # fmt: skip

YES_NO = {"yes": "是", "no": "不是"}
_CLAUSES = re.compile(r"(?:[，,、；;。和及与]|还有)+")  # not 有 alone: "没有着火"


# "村里说要鉴定": whether the house is a 危房 is for the appraisal to say, not known yet
_AWAITING_APPRAISAL = re.compile(
    r"(?:要|得|等|还没|没|正在|准备|还在)(?:去|来|人)?(?:鉴定|评定|认定)"
)
_STOPPED_NOW = re.compile(r"^(?:后来|现在|去年|今年)?(?:就|也|又|给)?(?:停了|取消了|断了|不给了)")
# a need that cannot be paid for ("看病没钱", "看不起病", "学费交不起"): said with "吃饭够", not a
# plain no to 基本生活很难维持 (支出型临时救助 is about just that), nor a yes
_NEED_UNPAID = re.compile(
    r"(?:看病|治病|吃药|住院|手术|上学|学费|医药费)\S{0,3}?(?:没钱|没有钱|钱不够|拿不出|交不起|凑不齐|没着落)"
    r"|(?:看|治|上)不起(?:病|学)|没钱(?:看病|治病|吃药|住院|上学|交学费)"
)
# "医院说可能是白血病，还在查": the diagnosis is not made yet
_UNDIAGNOSED = re.compile(r"还在查|还没确诊|没确诊|待确诊|疑似|还没查出|(?:医生|医院|大夫)说可能")
_SUDDEN = re.compile(r"突然|突发|一下子|猛地")
# a certificate applied for and not issued yet: "正在办，还没下来", "残疾证在办"
_BEING_ISSUED = re.compile(
    r"(?<![没不])(?:正在|还在|在)办(?:着|理)?(?:呢|了)?(?![^，,。；;]*?(?:不|没))"
)
_DENIES = re.compile(r"^(?:也|都|倒|可)?(?:没有|没|不是|不算|并没有)")
_LEFT_SCHOOL = re.compile(
    r"(?:毕业|毕了业|读完|念完|上完)\S{0,3}(?:不|没)(?:上|念|读)了?|辍学|退学了|毕业了"
    r"|^(?:早就?|已经|都)?不(?:上|念|读)(?:学|书)?了"  # "不念了，初中毕业就在家"
    r"|(?<!还)没有?(?:念|读|上)完(?!呢)"  # "初中没念完，在城里打工" (not "还没念完": at it)
)
_STILL_AT_SCHOOL = re.compile(r"(?:快|要|将|就|明年|今年)毕业了?")  # "大四，快毕业了"
# "明年毕业" is still at school; "去年就毕业了" is not
_GRADUATES_LATER = re.compile(r"(?:快|快要|要|将|明年|后年|还没)毕业了?")
# "高三，明年考大学": the next stage is hoped for, not the current one (考上 is: "考上大学了")
_NEXT_STAGE = re.compile(
    r"(?:明年|后年|将来|以后|准备|打算|想|要|快)(?:参加)?(?:高考|考(?!上)\S{0,3})"
    r"|(?:明年|后年|下半年|秋天|开学|马上|快|将来|以后|(?:今年)?(?:九|9)月份?)(?:就|才)?(?:要|该)?"
    r"(?:上|读|念|升)\S{0,3}"
)  # "上五年级，明年上初中", "今年九月就上高中了，现在初三": the stage after this one
# "小孩" said of the member asked about: a minor, 无劳动能力 on the form (not "要照顾小孩")
_JUST_A_CHILD = re.compile(
    r"^(?:是|就是|还是)?个?(?:小孩|孩子|娃|娃娃|小娃|小孩子)(?:呢|嘛|啊|呀)?$"
)
# one task done with help, after what is done alone: "…，就是洗澡得有人帮一下"
_HELP_WITH_SOME = re.compile(
    r"(?:就是|只是|但是|可是)[^，,。；;]{0,6}?(?:得|要|需要)(?:有)?人(?:帮|扶|搭把手|照看|看着)"
)
# 劳动法 第十五条: no employing anyone under sixteen
WORKING_AGE = 16
_BARE_NO = re.compile(r"^(?:没|没有|没得|不|不上|没上)(?:了|呢|啊|呀)?$")
_BARE_YES = re.compile(r"^(?:有|能|行|可以|中|嗯|是)(?:的|呢|啊|呀|嘞|哩)?$")
# "轻省活还能干点", "重活干不了，轻的还行": able to do light work only
_LIGHT_WORK_ONLY = re.compile(
    r"(?<!重)(?:轻省|轻巧|轻松|轻)(?:点|些|一点)?的?(?:活|$|[，,。]|还行|还能|能干|可以)"
    r"|只能干(?:点|些)|重(?:活|的|体力活)(?:都|也)?(?:干不了|干不动|做不了|不能干|不行)"
    # housework only: "做个饭还行，地里的活干不了了", "能给娃做个饭"
    r"|(?:做|烧)(?:个|点|口)?饭(?:还行|还能|能做|可以|没问题)|能(?:给\S{1,2})?(?:做|烧)(?:个|点|口)?饭"
)
# "医生让少干重活", "不让干重活": heavy work advised against, so light work only
_HEAVY_WORK_ADVISED_AGAINST = re.compile(r"(?:少|别|不让|不能|不叫|不敢)干重(?:活|的|体力活)")
# "轻活也干不了": the light work is ruled out too
_NO_LIGHT_WORK = re.compile(r"轻\S{0,3}(?:也|都)(?:干不了|干不动|做不了|不能干|不行)")


_OTHER_YEAR = re.compile(r"去年|前年|上一?年|头一年")
_THIS_YEAR = re.compile(r"今年|这学期|这一?年")


def _this_years(text: str) -> str:
    """The clauses about this year, when the answer tells another year's too; nothing when it
    tells only another year's ("去年办过": this year's is still to be asked)."""
    parts = clauses(text)
    if not any(_OTHER_YEAR.search(c) for c in parts):
        return text
    return "，".join(c for c in parts if _THIS_YEAR.search(c) or not _OTHER_YEAR.search(c))


# where somebody works or goes to school ("在城里打工", "娃都在这上学呢", "在这打了十来年工了"):
# not the hukou, unless the clause names it ("户口在城里")
_HUKOU_FACTS = (["hukou_type"], ["has_local_hukou"])
_WORK_OR_SCHOOL = re.compile(
    r"打工|上班|干活|务工|上学|念书|读书|上(?:幼儿园|小学|初中|高中|大学|技校)|打了[^，,。；;]{0,4}工"
)
_HUKOU_SAID = re.compile(r"户|农村的|城镇的|本地的|外地的|老家的")


def _not_work_or_school(text: str) -> str:
    """The clauses that do not tell where somebody works or studies (to a hukou question)."""
    parts = clauses(text)
    return "，".join(c for c in parts if _HUKOU_SAID.search(c) or not _WORK_OR_SCHOOL.search(c))


_MENDED = re.compile(r"不对|说错|搞错|不是不是|[哦噢]不")
# "好像是吧", "可能是甘州区": a guess at the asked fact itself, leading the answer
_GUESSED = re.compile(
    r"^(?:我|俺)?(?:好像|好象|可能|大概|也许|估计|兴许)(?:是|有|在|不是|没有|办了|没办)"
)
# answers whose number may take its period from the word before a pause ("一年 挣三万多")
_NUMBERS_WITH_UNITS = frozenset({"amount", "number"})


def parse_answer(
    question: Question,
    text: str,
    today: dt.date,
    *,
    region: RegionId | None = None,
    of_another: bool = False,
    speaker_owes: bool = False,
    asked: str | None = None,
) -> Answer | Doubt | None:
    """`of_another`: the member asked about is not the speaker (我 is someone else).
    `speaker_owes`: the speaker asks for their parent, who is the member asked about.
    `asked`: the relation of the member asked about, when known."""
    text = text.strip()
    if asked is not None and question.is_member and not_them(text, asked):
        return None  # "不是我老伴，我说的是我儿子，一个月四千": another member's, not theirs
    # voice input's pauses: "两个 就额跟老婆子", "五口 不对 四口", "有个一万来块 给儿子攒的学费"
    period_first = question.answer in _NUMBERS_WITH_UNITS and not _MENDED.search(text)
    text = spaces_as_commas(text, except_after_a_period=period_first)
    text = unslipped(of_course(plain_no(text)))  # "莫有车", "咋不难", "滴保": the plain words
    text = spoken_numerals(without_double_negation(text))  # 不是没有 -> 有; 八十有三
    text = self_repaired(corrected_part(text))  # "不是两千，是一千二", "两千，哦不，一千二"
    text = current_clauses(text)  # "原来有两万，…就剩五千了" -> the clause about now
    if not text or asks_why(text) or asks_what(text):
        return None  # "问这干啥，户口在哪有啥关系", "啥叫城镇户口": asked back
    if question.answer == "place" and _guessed(text):
        return Doubt("guessed")  # "好像是甘州区吧": confirmed, never stored
    if question.answer == "place":
        return _place(text, region)
    if (  # "户口在山西", told in Gansu
        question.fills == ["has_local_hukou"]
        and region is not None
        and hukou_elsewhere(text, region) is not None
    ):
        return Value(False)
    scoped = stated_part(question, text, of_another, asked)  # not a debt, a cost, a supposition…
    if scoped is None or isinstance(scoped, Doubt):
        return scoped
    text = scoped
    if question.fills in _HUKOU_FACTS:
        text = _not_work_or_school(text)  # "在城里打工": where one works, not the hukou
        if not text:
            return None
    if question.fills == ["members.has_student_loan_this_year"]:
        text = _this_years(text)  # "去年贷了，今年还没办": the question is this year's
    if question.fills == ["has_residence_permit"] and _THIS_YEAR.search(text):
        text = _this_years(text)  # "去年办过，今年过期了还没续": what holds now
    if question.fills == ["housing.is_dangerous_house"] and _AWAITING_APPRAISAL.search(text):
        return DONT_KNOW
    if question.fills == ["expenses_12m.medical"] and reimbursement_pending(text):
        return DONT_KNOW  # "医保能报多少还不知道": the share paid in the end is not known yet
    if (
        question.fills == ["basic_living_in_severe_difficulty"]
        and _NEED_UNPAID.search(text)
        and _parse(question, text, today, speaker_owes) != Value(True)
    ):
        return DONT_KNOW  # "吃饭够，看病没钱": whether that is 严重困难 is the office's call
    if question.fills == ["members.has_disability"] and _BEING_ISSUED.search(text):
        return None  # "残疾证在办，还没下来": not held yet, nor refused; asked again
    if question.fills == ["members.has_serious_illness"] and _UNDIAGNOSED.search(text):
        return Doubt("undiagnosed")  # "医院说可能是白血病，还在查": not known yet, never stored
    if question.answer == "yes_no" and _guessed(text):
        return Doubt("guessed")  # "好像是吧，村干部来登记过": confirmed, never stored
    doubt = find_doubt(question, text, today)
    if doubt is not None:
        return doubt
    if only_a_part(question, text):
        return Doubt("only_part", field=question.summary_label)  # "…，别的不清楚"
    parsed = _parse(question, text, today, speaker_owes)
    if isinstance(parsed, Doubt):
        return parsed  # yes and no both said: nothing stored, not even the facts read
    if isinstance(parsed, Value) and parsed.vague and is_dont_know(text):
        return DONT_KNOW  # "好几万，具体记不清了": too vague to store as a number
    unsure = unsure_of_it(question, text)
    if question.answer in ("yes_no", "count") and parsed is not None and unsure:
        return DONT_KNOW  # "不是危房吧，我也说不好", "好像是三级，记不清了": a guess
    if question.answer == "amount" and not NUMERAL_RE.search(text) and unsure:
        return DONT_KNOW  # "说不好，有活就有钱没活就没钱": no amount, and not none either
    if parsed is not None:
        if _in_range(question, parsed):
            return parsed
        return _out_of_range(question, parsed)
    if is_dont_know(text) and not unsure and plain_no_first(text):
        return Value(0.0 if question.answer == "amount" else False)  # "没有，那玩意儿不懂"
    if is_dont_know(text):
        return DONT_KNOW
    return None


def parse_tap(question: Question, choice: str) -> Answer | None:
    """A tapped button: a choice id, "yes"/"no" or "dont_know"."""
    if choice == "dont_know":
        return DONT_KNOW
    if question.answer == "yes_no" and choice in ("yes", "no"):
        return Value(choice == "yes")
    options = question.options()
    if question.answer == "choice" and choice in options:
        return Value(_typed(choice))
    if question.answer == "multi_choice":
        picked = [c for c in choice.split(",") if c in options]
        if picked or choice == "none":
            return Value(picked)
    return None


# 哪有车: none; 没办残疾证: the card not got; "不打算找", "没去登记": no intention, not done;
# "也不是说吃不上饭": not that
# "不太困难", "没那么难", "不是很难": a degree word between the negation and the word
_NEGATED = re.compile(
    r"(?:不|没|没有|不算|不是|并非|非|哪|没办|未办)"
    r"(?:打算|准备|想|去|再|用|太|很|那么|这么|怎么|多么?|算太|算很|说)?$"
)
_NEGATION_REACH = 5  # characters before a yes word searched for its negation
# after a no word, what undoes it: "将就不了", "糊口都难"
_UNDONE = re.compile(r"不了|不下去|不成|不住|(?:都|也)(?:难|成问题|困难|不行)")
# "要是不要钱的话，想学": the condition is not the answer
_CONDITION = re.compile(r"(?:要是|如果|假如|若是|万一)[^，,。；;！!？?]*?的话[，,]?")


def _synonym_yes_no(question: Question, text: str) -> tuple[bool | None, int, int] | None:
    """The question's own yes/no words ("在/不在", "危房/不是危房"); the longest wins, a word
    right after a negation ("不算危房", "不能过") or undone after it ("将就不了") counts as
    its opposite. None when there is none; a tie
    between yes and no ("有辆车，早报废了") is (None, -1, -1): asked again."""
    hits: list[tuple[int, bool, int, int]] = []  # (word length, yes, start, end)
    for key, words in question.synonyms.items():
        for word in words:
            start = text.find(word)
            if start < 0:
                continue
            yes, end = key == "yes", start + len(word)
            window = max(0, start - _NEGATION_REACH)
            negation = _NEGATED.search(text[window:start])
            # "不算危房" is a no, "不能过" a yes; "没有摩托" is still a no (没 denies a thing)
            if negation and (yes or not negation.group().startswith(("没", "未", "哪"))):
                yes = not yes
                start = window + negation.start()  # the negation is part of what was said
            elif not yes and _UNDONE.match(text, end):
                yes = True  # "将就不了了", "糊口都难"
            hits.append((len(word), yes, start, end))
    if not hits:
        return None
    hits.sort(reverse=True)
    if len(hits) > 1 and hits[0][0] == hits[1][0] and hits[0][1] != hits[1][1]:
        return None, -1, -1
    _, yes, start, end = hits[0]
    return yes, start, end


_HAS_AT_END = re.compile(r"(?<![没无])有(?:的|呢|啊|呀)?$")
# "不能", "不行" deny an ability or a request; to a question of whether there is someone or
# something (有没有赡养人) they answer another question
_CANNOT = re.compile(r"不(?:能|行|可以|会)")
_ASKS_AN_ABILITY = re.compile(r"能|会|行|可以")
# "有个三轮车", "有辆摩托": owning a thing; a yes only to a question asking whether there is one
_HAS_A_THING = re.compile(r"一?[个辆台间套头只部块张本]")


_EVERYONE = re.compile(r"都|全|谁|没人|没有人|家里|一个也|哪个|大家")


def _about_someone(text: str) -> bool:
    """The text names a member (儿子, 孙子…) and no word says everyone (都, 谁, 家里)."""
    named = [m for m in match_relations(text) if m.id != "self"]
    return bool(named) and not _EVERYONE.search(text)


_COPULA = re.compile(r"^(?:就|也|都|还|应该|肯定|那)?(?P<no>不)?是")


def _owns_a_thing_instead(question: Question, text: str, found: Found) -> bool:
    return (
        not question.asks_whether_there_is
        and text[found.start : found.end] == "有"
        and _HAS_A_THING.match(text, found.end) is not None
    )


def _cannot_to_whether_there_is(question: Question, text: str, found: Found) -> bool:
    return (
        question.asks_whether_there_is
        and _ASKS_AN_ABILITY.search(question.text) is None
        and _CANNOT.match(text, found.start) is not None
    )


# "行，你们查吧", "可以", "中": agreeing; a yes only to a question of what someone can, may or
# wants to do (想找工作吗), not to one of whether there is or what is so (有自己的房子吗)
_AGREEING = frozenset(
    {"好的", "好啊", "好", "可以", "同意", "行", "没问题", "中", "中中", "中啊", "那中"}
)
_ASKS_A_WILL = re.compile(rf"{_ASKS_AN_ABILITY.pattern}|想|愿意|同意")


def _agrees_instead(question: Question, text: str, found: Found) -> bool:
    said = text[found.start : found.end].strip(" 。，,.!！~啊呀吧")
    asked = question.text.split("比如")[0]
    return bool(found.value) and said in _AGREEING and _ASKS_A_WILL.search(asked) is None


def _copula_answer(text: str) -> bool | None:
    """ "就是本县的" is a yes, "不是本地的" a no: 是 leading a clause; not the 是 inside one
    ("住的是儿子的房子" says whose house, not yes)."""
    for clause in clauses(text):
        said = _COPULA.match(clause.strip())
        if said and _names_who(clause.strip()[said.end() :]):
            continue  # "是老伴得了脑梗": who it is, not a yes about the member asked
        if said:
            return said.group("no") is None
    return None


def _names_who(rest: str) -> bool:
    """What follows 是 starts with a member ("老伴…", "我儿子…")."""
    rest = rest.lstrip("我俺咱额他她")
    return any(m.start == 0 and m.id != "self" for m in match_relations(rest))


def _yes_and_no(question: Question, text: str) -> bool:
    """One clause says yes and another no ("我自己没有，我男人有，三级"); a clause with the
    question's own words says what they say ("没有，都好好的": 好好的 is a no to 残疾证)."""
    said = set()
    for clause in clauses(text):
        own = _synonym_yes_no(question, clause)
        found = find_yes_no(clause)
        if own is not None and own[0] is not None:
            said.add(own[0])
        elif found is not None:
            said.add(bool(found.value))
        elif _HAS_AT_END.search(clause):
            said.add(True)  # "我男人有": someone named, then 有
    return said == {True, False}


def _leading_no(text: str) -> bool:
    """The answer opens with a no about nobody in particular ("没有大病，老头子是摔的"): what
    follows is an aside, the no is everyone's (a yes in the aside is caught before)."""
    parts = clauses(text)
    if not parts:
        return False
    found = find_yes_no(parts[0])
    return found is not None and not found.value and not _about_someone(parts[0])


def _names_its_own(question: Question, text: str, at: int, value: bool) -> bool:
    """ "有个电动车，汽车没有": the 有 at `at` has a thing in its clause that the question's
    own words give `value` for (an electric bike is no car), so it does not say yes."""
    clause = next((c for c in _CLAUSE_SPANS.finditer(text) if c.start() <= at < c.end()), None)
    if clause is None:
        return False
    words = question.synonyms.get("yes" if value else "no", [])
    return any(word in clause.group() for word in words)


_CLAUSE_SPANS = re.compile(r"[^，,；;。！!？?]+")
_NEGATOR = re.compile(r"不|没|非|无")
_ASKS_BACK = re.compile(r"^(?:啥|什么|哪个|哪样)")  # "啥登记", not "不认识什么干部"
_REFUSED_AFTER = re.compile(r"^(?:就|也|都|还|倒是|那)?(?:算了|没有|没|不)")  # "培训就算了"
_BUT = re.compile(r"(?<=[，,；;])\s*(?:就是|只是|但是|可是)")


# who the law obliges to support an adult (民法典 第一千零五十九条、第一千零六十七条)
_OBLIGORS = frozenset({"spouse", "son", "daughter"})
_GONE_OR_NONE = re.compile(r"没了|走了|去世|过世|不在了|死了|没有|没得|无")
_SUPPORTS = re.compile(r"(?<![不没])(?:给|寄|打钱|拿钱|管|照顾|养活|养着|供)")
_NOT_SUPPORTING = re.compile(r"不[给寄管养供]|没[给寄管]|顾不|管不|给不|指望不|靠不")
# what a clause naming a spouse or child must say to answer yes, by the fact asked:
# "就一个儿子，在苏州上班" (alive, not said to have died) to 有没有法定赡养人; "儿子一年给个三四千"
# (gives or cares, not said unable) to 有能养活、照顾您的子女吗
_OBLIGOR_SAYS_YES: dict[str, Callable[[str], bool]] = {
    "members.has_legal_supporter": lambda clause: not _GONE_OR_NONE.search(clause),
    "members.has_capable_supporter": lambda clause: bool(
        _SUPPORTS.search(clause) and not _NOT_SUPPORTING.search(clause)
    ),
}


# the speaker (and the speaker's brothers and sisters) when they are the child of the one asked
# about: "俺俩轮着给点", "我弟一个月给五百"
_SPEAKER = re.compile(r"(?<![他她])(?:我|俺|咱|额)")
_SPEAKER_ALONE = re.compile(r"(?:就|只有|还有|有|就是)?(?:我|俺|咱|额)(?:一个|自己)?(?:了|呗|吧)?")
_SPEAKERS_SIBLINGS = frozenset({"sibling"})


def _obligor_said(
    text: str, says_yes: Callable[[str], bool], speaker_owes: bool = False
) -> bool | None:
    """A yes when a clause names a spouse or child and says what the question asks of them;
    else nothing (the question's own words decide). `speaker_owes`: the speaker is the child
    of the one asked about (asking for a parent), so 我 and 我弟 are obligors too."""
    obligors = _OBLIGORS | _SPEAKERS_SIBLINGS if speaker_owes else _OBLIGORS
    for clause in clauses(text):
        named = any(m.id in obligors for m in match_relations(clause))
        if (named or (speaker_owes and _SPEAKER.search(clause))) and says_yes(clause):
            return True
        if speaker_owes and _SPEAKER_ALONE.fullmatch(clause.strip()):
            return True  # "就俺": the speaker is the one
    return None


def _child_named_alive(text: str) -> bool:
    """A clause names a son or daughter and no death or denial ("儿子在银川打工"); not a
    spouse, whose word hides in others ("孤老头一个")."""
    return any(
        any(m.id in ("son", "daughter") for m in match_relations(clause))
        and not _GONE_OR_NONE.search(clause)
        for clause in clauses(text)
    )


# 民政部等 2019《关于进一步加强事实无人抚养儿童保障工作的意见》: each parent dead, missing
# (失踪, 失联) or in prison; "改嫁了", "在外头打工" are none of these
_FATHER = re.compile(r"爸|爹|父亲|他爷|爸爸")
_MOTHER = re.compile(r"妈|娘|母亲")
_CANNOT_RAISE = re.compile(
    r"走了|没了|死了|去世|过世|不在了|坐牢|服刑|判了|在押|关着|失踪|失联|联系不上|找不着|找不到|跑了"
)


def _no_parent_to_raise(text: str) -> bool | None:
    """True when a clause says the father and a clause the mother is dead, missing or in
    prison ("他爸走了，他妈跑了好些年，联系不上"); None otherwise (the question's words decide)."""
    parts = clauses(text)

    def gone(parent: re.Pattern[str]) -> bool:
        for index, clause in enumerate(parts):
            if parent.search(clause):
                after = parts[index + 1] if index + 1 < len(parts) else ""
                if _FATHER.search(after) or _MOTHER.search(after):
                    after = ""  # the next clause tells of the other parent
                return _CANNOT_RAISE.search(clause + after) is not None
        return False

    return True if gone(_FATHER) and gone(_MOTHER) else None


def _states_the_subject(question: Question, text: str) -> bool | None:
    """ "村里说我们是监测户" to 是不是监测户: the question's own subject, said plainly, is a
    yes; with a negation before it in the same clause ("不是监测户", "没当过兵") a no."""
    for span in _CLAUSE_SPANS.finditer(text):
        clause = span.group()
        if _ASKS_BACK.search(clause) or text[span.end() : span.end() + 1] in ("?", "？"):
            continue  # "啥登记？": the word is asked about, not stated
        for word in question.keywords:
            at = clause.find(word)
            if len(word) >= 2 and at >= 0:
                after = clause[at + len(word) :]
                return not (_NEGATOR.search(clause[:at]) or _REFUSED_AFTER.match(after))
    return None


# the questions that ask for a wish: a plan answers them ("打算找个活")
_WISHES = frozenset({"members.wants_job", "members.wants_training"})
_PLAN = re.compile(r"^(?:我|俺|咱|他|她|我们|俺们)?(?:正)?(?:打算|准备|计划|想着|寻思|琢磨)")


def _without_plans(text: str) -> str:
    """The clauses that are not a plan ("打算迁过来"), when some are and some are not."""
    parts = clauses(text)
    kept = [c for c in parts if not _PLAN.match(c.strip())]
    return "，".join(kept) if kept and len(kept) < len(parts) else text


def _after_asking_back(text: str) -> str:
    """ "啥监测户？没听说过", "残疾证？俺家没有": what is said after the question echoed or asked
    back; the question itself states nothing (its words are not a yes)."""
    rest = re.split(r"[？?]", text)[-1].strip("，,。 ")
    return rest or text


# "…，就是怕学不会": a worry after the answer
_BUT_A_WORRY = re.compile(r"(?<=[，,；;])\s*(?:就是|只是|但是|可是|就)(?:怕|担心|害怕|愁)")


def _before_the_but(question: Question, text: str) -> str:
    """ "想学，就是怕学不会": the clauses before a worry (就是怕…), when they answer by
    themselves (a yes/no word, the question's own or a plain one); the worry is no answer."""
    found = _BUT_A_WORRY.search(text)
    if found is None:
        return text
    head = text[: found.start()].rstrip("，,；; ")
    if not head or is_question(head):
        return text
    own = _synonym_yes_no(question, head)
    if (own is not None and own[0] is not None) or find_yes_no(head) is not None:
        return head
    return text


def _certificate_said(text: str) -> bool | None:
    """The certificate's kind and grade said ("肢体三级"): it is held; None otherwise."""
    details = disability_details(text)
    if len(details) == 2 and not _NEGATOR.search(text):
        return True
    return None


def _light_work_only(text: str) -> bool:
    """Light work said possible, in a clause that does not negate it ("轻省活还能干点"), or heavy
    work said impossible without light work ruled out too ("重活干不了")."""
    if _NO_LIGHT_WORK.search(text):
        return False
    if _HEAVY_WORK_ADVISED_AGAINST.search(text):
        return True
    for span in _CLAUSE_SPANS.finditer(text):
        found = _LIGHT_WORK_ONLY.search(span.group())
        if found and (found.group().startswith("重") or not _NEGATOR.search(span.group())):
            return True
    return False


def _fills_named(question: Question, text: str) -> tuple[str, ...]:
    """The facts of the question a no names, when it names some and not all ("都不找工作")."""
    named = tuple(f for f, words in question.fill_words.items() if any(w in text for w in words))
    return named if named and len(named) < len(question.fills) else ()


def _typed(choice_id: str) -> Any:
    return int(choice_id) if choice_id.isdigit() else choice_id


def _parse(
    question: Question, text: str, today: dt.date, speaker_owes: bool = False
) -> Value | Doubt | None:
    kind = question.answer
    if question.fills[0] in _THE_APPLICANTS_OWN:
        text = _the_households_clauses(text)  # "俺们是农业户，娃他舅是城里户口": ours
    if kind == "yes_no":
        if is_question(text) or asks_back(text):
            return None  # "有没有车都要说吗", "培训给钱不": asked back, not answered
        text = _after_asking_back(text)  # "啥监测户？没听说过": the word asked about, then…
        planned = text  # "打算给娃娃办，还没去": the plan says whose the no is
        if not set(question.fills) & _WISHES:
            text = _without_plans(text)  # "打算迁过来，还没迁": a plan is not a fact
        text = _CONDITION.sub("", text) or text
        if question.all_members is not None:
            others = everyone_else_none(question, text, today, _parse)
            if others is not None:
                return others
        if question.all_members is not None and _yes_and_no(question, text):
            return None  # "我自己没有，我男人有": not everyone's no; the facts say whose yes
        text = _before_the_but(question, text)  # "想学，就是怕学不会": the yes, then a worry
        found, word = find_yes_no(text), _synonym_yes_no(question, text)
        if word is not None and word[0] is None:
            return Doubt("yes_and_no")  # the question's own yes and no words both said
        generic = None if found is None else bool(found.value)
        if found is not None and _owns_a_thing_instead(question, text, found):
            generic = None  # "有个三轮车" to 户口在本地吗: another fact, not a yes
        if found is not None and _cannot_to_whether_there_is(question, text, found):
            generic = None  # "不能，腿疼干不了活" to 有没有赡养人: an answer to another question
        if found is not None and _agrees_instead(question, text, found):
            generic = None  # "行，你们查吧" to 有自己的房子吗: agreeing, not a yes
        specific = None if word is None else word[0]
        if generic is not None and specific is not None and generic != specific:
            assert found is not None and word is not None
            inside = word[1] <= found.start and found.end <= word[2]
            if not inside and not _names_its_own(question, text, found.start, specific):
                return Doubt("yes_and_no")  # "有个闺女…自己也困难": 有 says yes, the words no
            generic = specific  # "好着呢" to 有没有重病: 好 is part of the question's own "好着"
        yes = specific if specific is not None else generic
        if yes is None and question.synonyms:  # "就是本县的": 是 leading a clause
            yes = _copula_answer(_BUT.sub("，", text))  # not "…，就是看不起病" ("only that")
        if yes is None:
            yes = _states_the_subject(question, text)
        if yes is None and question.fills == ["members.is_orphan_or_unsupported_child"]:
            yes = _no_parent_to_raise(text)  # "他爸走了，他妈跑了好些年，联系不上"
        if yes is None and question.fills[0] in _OBLIGOR_SAYS_YES:
            yes = _obligor_said(text, _OBLIGOR_SAYS_YES[question.fills[0]], speaker_owes)
        if yes is None and question.all_members is not None:  # "儿子有，三级的"
            yes = any(_HAS_AT_END.search(c) and _about_someone(c) for c in clauses(text)) or None
        if yes is None and question.fills == ["members.has_disability"]:
            yes = _certificate_said(text)  # "去年三月份办的，肢体三级"
        if yes and question.fills == ["members.has_disability"]:
            return Value(True, extra=disability_details(text))  # "有，精神的，二级"
        if (
            yes is False
            and question.all_members is not None
            and (
                (
                    _about_someone(text)
                    and (not _leading_no(text) or states_its_fact(question, text, today))
                )
                or (planned != text and _about_someone(planned) and not _leading_no(planned))
            )
        ):
            return None  # "孙子智力有点问题，没办证": a no about one member, not everyone
        if (
            yes is False
            and question.fills == ["members.has_legal_supporter"]
            and _child_named_alive(text)
        ):
            # "儿子在银川打工…顾不上我": a son alive is bound by law, whatever he can give (the
            # 顾不上 is his capacity, the question after this one)
            yes = True
        if yes is False:
            return Value(False, only=_fills_named(question, text))
        return None if yes is None else Value(yes)
    if kind == "count" and question.fills == ["members.disability_grade"]:
        graded = count_answer(question, text)
        kind_said = disability_kind_said(text)  # "精神二级": the kind with the grade
        if graded is not None and kind_said is not None:
            return Value(graded.value, extra={"disability_kind": kind_said})
        return graded
    if kind == "count":
        return count_answer(question, text)
    if kind == "number":
        return area_answer(text)  # the only number question; "间", "套" were asked back by _doubt
    if kind == "amount":
        return amount_answer(question, text)
    if kind == "age":
        return age_answer(text, today)
    if kind == "ages":
        return ages_answer(text, today)
    if kind == "relation":
        relation = "child" if own_child_said(text) else parse_relation(text)
        if relation is None:
            return None
        return Value(relation, extra={"in_law": True} if IN_LAW_WORDS.search(text) else {})
    if kind == "choice" and question.fills == ["members.labour_ability"] and _light_work_only(text):
        return Value("partial")
    if (
        kind == "choice"
        and question.fills == ["members.labour_ability"]
        and _JUST_A_CHILD.match(text.strip("，。！!"))
    ):
        return Value("none")
    if (
        kind == "choice"
        and question.fills == ["members.labour_ability"]
        and _BARE_YES.match(text.strip("，。！! "))
    ):
        return Value("full")  # "还能干活挣钱吗？" "有" / "能": the question is a yes/no one
    if (
        kind == "choice"
        and question.fills == ["members.labour_ability"]
        and parse_choice(text, question.options(), question.synonyms) is None
        and (age := parse_age(text, today)) is not None
        and age < WORKING_AGE
    ):
        return Value("none")  # "娃才八岁": under the working age, 无劳动能力 on the form
    if (
        kind == "choice"
        and question.fills == ["members.elder_ability_grade"]
        and _BARE_YES.match(text.strip("，。！! "))
    ):
        return Value(0)  # "生活能自理吗？" "能": the question is a yes/no one
    if (
        kind == "choice"
        and question.fills == ["members.elder_ability_grade"]
        and _HELP_WITH_SOME.search(text)
        and parse_choice(text, question.options(), question.synonyms) == "0"
    ):
        return Value(1)  # "穿衣吃饭自己来，就是洗澡得有人帮一下": mostly alone, some help
    if kind == "choice" and question.fills == ["members.health"] and _ill_now(text):
        return Value("serious_illness")  # "不好，她得了乳腺癌": the illness said, not 不好
    if kind == "choice" and question.fills == ["members.study_status"]:
        text = _GRADUATES_LATER.sub("", text)  # "还在念着呢，明年毕业": not graduated yet
    if kind == "choice" and question.fills == ["members.school_stage"]:
        later = _NEXT_STAGE.search(text)
        text = _NEXT_STAGE.sub("", text)
        if _STILL_AT_SCHOOL.search(text):
            text = _STILL_AT_SCHOOL.sub("", text)  # about to finish: the stage is the answer
        elif _LEFT_SCHOOL.search(text):
            return Value("none")  # "初中毕业就不上了": the stage said is over
        if _BARE_NO.match(text.strip("，。！! ")):
            return Value("none")  # "现在上学吗？" "没": the question is a yes/no one too
        if not parse_choice(text, question.options(), question.synonyms):
            stages = {f.value for f in read_facts(text, today).facts if f.name in question.fills}
            if len(stages) == 1:
                return Value(stages.pop())  # "上五年级": a stage known by its grade
            if later:
                return Doubt("next_stage")  # "明年上小学": and now?
    if kind == "choice" and question.fills == ["members.disability_kind"]:
        kinds = {k for k, words in question.synonyms.items() if any(w in text for w in words)}
        # "又聋又哑，还有点智力上的": several kinds (多重残疾); deaf and mute alone may be
        # certified as hearing only
        if len(kinds - {"multiple"}) > 1 and kinds != {"hearing", "speech"}:
            return Value("multiple")
    if kind == "choice":
        picked = denied_choice(text, question.options(), question.synonyms)
        if question.fills == ["members.serious_illness_kind"]:
            picked = picked or illness_kind_named(text)  # any illness known by name
            # the kind of a serious illness says there is one ("大夫说是类风湿")
            return None if picked is None else Value(picked, extra={"has_serious_illness": True})
        return None if picked is None else Value(_typed(picked))
    if kind == "multi_choice":
        return _multi(question, text, today)
    if kind == "items":
        named = [str(i) for i in find_items(text)]
        if named:
            return Value(still_received(text, named))  # "吃过低保，后来取消了": none now
        if _STOPPED_NOW.search(text):
            return Value([])  # "原来吃低保，后来停了": read as "后来停了", none now
        return Value([]) if parse_yes_no(text) is False else None
    return None


def _guessed(text: str) -> bool:
    """A clause guesses ("张掖的，好像是甘州区吧", "好像是吧，村干部来登记过")."""
    return any(_GUESSED.match(c.strip()) for c in clauses(text))


def _ill_now(text: str) -> bool:
    """A serious illness named in a clause that does not deny it ("得了乳腺癌", not "没得癌"),
    and nobody else named (whose illness it is would be unsure: "老伴心脏搭了支架")."""
    if any(m.id != "self" for m in match_relations(text)):
        return False
    return any(illness_kind_named(c) is not None and not _NEGATOR.search(c) for c in clauses(text))


def _place(text: str, region: RegionId | None) -> Answer | None:
    """A county/district (or a city without districts) of the region, by name: its code.
    A city with counties alone, or two places, is not enough: asked again."""
    if region is None:
        return None
    found = places().find(text, region)
    if len(found) > 1:
        found = _the_households_place(text, region, found)
    if len(found) == 1 and found[0].level == "county":
        return Value(found[0].code)
    if len(found) == 1 and not places().has_counties(found[0].code):
        return Value(found[0].code)
    return DONT_KNOW if is_dont_know(text) else None


# household questions about the applicant's own status: a relative's is not it ("俺的在，老伴的
# 还在娘家那边"; "儿子办了，俺没办")
_THE_APPLICANTS_OWN = frozenset({"hukou_type", "has_local_hukou", "has_residence_permit"})


def _the_households_clauses(text: str) -> str:
    """The clauses that name no relative, when some do and some do not ("俺们是农业户，娃他舅
    是城里户口": the uncle's is his)."""
    parts = clauses(text)
    ours = [c for c in parts if not _names_a_relative(c)]
    return "，".join(ours) if ours and len(ours) < len(parts) else text


# kin the relation lexicon leaves out (none of them is a member's relation on the form)
_KIN_OUTSIDE = re.compile(r"舅|姨|姑(?!娘)|叔|伯|姐夫|妹夫|嫂|表[哥姐弟妹]|堂[哥姐弟妹]|亲戚|邻居")


def _names_a_relative(clause: str) -> bool:
    return _KIN_OUTSIDE.search(clause) is not None or any(
        m.id != "self" for m in match_relations(clause)
    )


_HOME_LEFT = re.compile(r"老家|原来|以前|原先")


def _the_households_place(text: str, region: RegionId, found: list[Place]) -> list[Place]:
    """Of several places named, those not in a clause about a relative ("甘谷县，俺闺女在兰州
    七里河": hers), and of those the one named in full ("临夏县", not 临夏市 by its short name)."""
    parts = clauses(text)
    # not a relative's, nor the home county left ("老家是岷县的，现在住兰州城关区")
    ours = [
        c
        for c in parts
        if not any(m.id != "self" for m in match_relations(c)) and not _HOME_LEFT.search(c)
    ]
    if ours and len(ours) < len(parts):
        text = "，".join(ours)
        found = places().find(text, region) or found
    full = [p for p in found if p.name in text]
    return full if len(full) == 1 else found


def _out_of_range(question: Question, parsed: Value) -> Doubt | None:
    if question.fills == ["size"]:
        kind = "size_zero" if parsed.value == 0 else "size_impossible"
        return Doubt(kind, f"{parsed.value:g}")
    if question.fills == ["members.disability_grade"]:
        return Doubt("grade_impossible")
    return None


def _sudden_illness_read(text: str, today: dt.date) -> bool:
    """The reader finds a serious illness come on recently ("上个月老伴中风住院")."""
    return any(
        f.name == "situations" and "sudden_serious_illness" in f.value
        for f in read_facts(text, today).facts
    )


def _multi(question: Question, text: str, today: dt.date) -> Value | None:
    options, synonyms = question.options(), question.synonyms
    picked: list[str] = []
    denied = long_ago = False
    for clause in (c for c in _CLAUSES.split(text) if c):
        choice = parse_choice(clause, options, synonyms)
        if choice is not None and _DENIES.match(clause):
            denied = True  # "没有着火啥的，就是老伴病了": not a fire; what then? asked again
        elif choice is not None and LONG_AGO.search(clause):
            long_ago = True  # "前年发洪水把地冲了": not 最近
        elif choice is not None and choice not in picked:
            picked.append(choice)
        if (  # "老伴突然脑出血": a serious illness by name, come suddenly
            "sudden_serious_illness" in options
            and "sudden_serious_illness" not in picked
            and _SUDDEN.search(clause)
            and illness_kind_named(clause) is not None
            and not _DENIES.match(clause)
            and not LONG_AGO.search(clause)
        ):
            picked.insert(0, "sudden_serious_illness")
    if (
        "sudden_serious_illness" in options
        and "sudden_serious_illness" not in picked
        and not denied
        and _sudden_illness_read(text, today)
    ):
        picked.insert(0, "sudden_serious_illness")  # "上个月老伴中风住院": recent, by name
    if (
        "sudden_medical_expense" in options
        and "sudden_medical_expense" not in picked
        and "sudden_serious_illness" in picked
        and any(_BIG_BILL.search(c) and not _REGULAR_BILL.search(c) for c in _CLAUSES.split(text))
    ):
        picked.append("sudden_medical_expense")  # "老伴脑梗住院了，花了三万多": its bill at once
    if picked:
        return Value(picked)
    if long_ago and not denied:
        return Value([])
    return Value([]) if parse_yes_no(text) is False and not denied else None


# a sum in thousands or ten thousands spent or needed ("花了三万多", "一下要二十万"), not one
# said per month or year ("一年得三四万": a regular cost)
_BIG_BILL = re.compile(
    r"(?:花|要|掏|交|欠)\S{0,2}?[零一二两三四五六七八九十百几\d]+(?:多|来)?(?:万|千)"
)
_REGULAR_BILL = re.compile(r"一年|每年|一个月|每个?月|一月|一礼拜|一周|每次|一次")


def _in_range(question: Question, parsed: Value) -> bool:
    value = parsed.value
    if not isinstance(value, int | float) or isinstance(value, bool):
        return True
    if question.min is not None and value < question.min:
        return False
    return not (question.max is not None and value > question.max)
