"""Mask personal data in free text before it is stored for staff (unanswered queue, 工单).

`mask_numbers` is the narrow one, for transcripts and logs: ID, phone and bank card numbers,
also written in groups ("138 1234 5678", "6222-0212-3456-7890", "110105 19491231 002X"),
become placeholders; everything else (ages, counts, amounts) stays as said.

`mask_free_text` keeps the question readable and replaces what identifies or exposes a person:
ID numbers, phones, bank cards and money near income words (nlu.entities.strip_personal_data),
plus self-introduced names, addresses (street, town or village level), dates of birth and
diagnoses. Province, city and county names stay: the editors need to know which region a
question is about.
"""

from __future__ import annotations

import re

from nlu.entities import strip_personal_data
from nlu.idcard import SERVICE_NUMBERS, find_phones
from nlu.numerals import normalize_digits
from nlu.surnames import PATTERN as SURNAME

NAME = "[姓名]"
ADDRESS = "[地址]"
BIRTH_DATE = "[出生日期]"
DIAGNOSIS = "[病情]"

_SURNAME_WORDS = "叫|名叫|名字叫|名字是|姓名是|姓名|本人"
# "我叫张三" / "我是李秀英" / "本人王伟": two to three characters after the introduction.
# "我是" only counts before a name-like run ending at punctuation or a following clause word,
# so "我是低保户" and "我是外地来的" are left alone.
# What may follow a name: punctuation, a number, or the next clause ("我叫王秀英想问低保").
_AFTER = (
    r"(?=[，,。.；;！!？?\s（(0-9]|$|今年|家|住|的|想|要|问|请|咨询|申请|是|在|有|没|已|得|患|替|帮|给|说|和|跟|"
    r"[一二三四五六七八九十]+岁|[六七八九]十)"
)
_NAME_AFTER_INTRO = re.compile(rf"(?:{_SURNAME_WORDS})[\s:：]*([\u4e00-\u9fff]{{2,3}}?){_AFTER}")
_I_AM = re.compile(r"我是([\u4e00-\u9fff]{2,3})(?=[，,。；;！!？?\s]|$)")
# Without an introduction a name is only taken when it starts with a common surname: after
# 我是 or a relation or a caller word ("我妈王秀英八十了", "来电人刘桂兰问"), and before a
# title ("张大爷", "李阿姨", "刘先生": the surname alone goes, "某大爷" stays readable).
_RELATIONS = (
    r"我是|我妈|我爸|我母亲|我父亲|我老伴|老伴|我爱人|我丈夫|我老公|我媳妇|我妻子|我儿子|我女儿|"
    r"我孙子|我孙女|我爷爷|我奶奶|我外婆|我姥姥|我哥|我姐|我弟|我妹|来电人|来电者|来电群众|"
    r"申请人|当事人|户主|老人|患者"
)
_NAMED_BY_RELATION = re.compile(
    rf"(?:{_RELATIONS})[\s:：]*({SURNAME}[\u4e00-\u9fff]{{1,2}}?){_AFTER}"
)
_TITLES = (
    r"大爷|大娘|大妈|大叔|大伯|大哥|大姐|大嫂|阿姨|叔叔|伯伯|婶婶|奶奶|爷爷|老太太|老太|老汉|老伯|"
    r"师傅|先生|女士|小姐|老师|同志|婆婆|阿婆|阿公|老爷子"
)
_SURNAME_TITLE = re.compile(rf"({SURNAME})(?={_TITLES})")
_OLD_YOUNG = re.compile(
    rf"(?<=[老小])({SURNAME})(?=[，,。；;！!？?\s]|$|家|说|问|想|要|他|她|今年|的|是|在)"
)
_NOT_NAMES = re.compile(
    r"低保|特困|户|人|的|残疾|老人|农民|职工|党员|外地|本地|市民|村民|居民|家属|病人|学生|孩子|"
    r"儿子|女儿|母亲|父亲|妈妈|爸爸|爷爷|奶奶|退役|军人|甘肃|宁夏|山西|历城|济南|兰州|银川|太原"
)
_SURNAME_CALL = re.compile(r"(?:姓)([\u4e00-\u9fff])(?=[，,。\s]|$|的|，)")
# Street level and below: 路/街/巷/号/弄/小区/栋/楼/单元/室/组 with the name in front. The name
# never reaches back over 省/市/区/县 or 住/在, so "兰州市城关区" stays readable.
_C = r"(?:(?![省市区县住在是叫])[\u4e00-\u9fff])"
_ADDRESS = re.compile(
    rf"(?:{_C}{{1,12}}?(?:路|街|大道|巷|胡同|弄))?"
    rf"(?:{_C}|[0-9]){{0,10}}?(?:[0-9一二三四五六七八九十百]+(?:号院|号楼|号|栋|幢|单元|室|组|排))+"
    rf"|{_C}{{1,8}}(?:小区|花园|家园|公寓|新村)(?:[0-9一二三四五六七八九十]+(?:号楼|栋|幢|单元|室|号))*"
)
# Towns, townships, sub-districts, villages and communities with their groups ("平襄镇东关村三社",
# "华山街道幸福社区"): in the countryside the address a person gives, as identifying as a street.
# The name is what stands before the kind, cut at the first word that only says which place
# ("我们村", "俺家农村", "城镇户口", "回乡下" stay as said).
_LOCALITY = re.compile(rf"({_C}{{2,6}}?)(?:镇|乡|街道|村|社区)")
_NOT_PLACE_NAME = set("我你他她们俺咱本这那该同全各每个的里上下到去回从了有没说农城乡老小大")
_WHOSE = set("老我你他她俺咱自娘婆")  # 老家, 俺家 …: not a name's 家 as in 丁家沟
_AFTER_ADDRESS = re.compile(
    rf"(?:{re.escape(ADDRESS)})+(?:[0-9一二三四五六七八九十]+(?:社|组|队|室|号)?(?![0-9年月岁元块]))?"
)
_YEAR = r"(?:19|20)?[0-9]{2}"
_BIRTH_DATE = re.compile(
    rf"{_YEAR}\s*年\s*[0-9]{{1,2}}\s*月(?:\s*[0-9]{{1,2}}\s*[日号])?(?=\s*(?:出生|生|的生日|生人))"
    rf"|(?:出生(?:日期|年月)?|生日|出生于)(?:是|为|:|：)?\s*{_YEAR}\s*[年./-]\s*[0-9]{{1,2}}"
    rf"(?:\s*[月./-]\s*[0-9]{{1,2}}\s*[日号]?)?"
    rf"|(?:19|20)[0-9]{{2}}[./-][0-9]{{1,2}}[./-][0-9]{{1,2}}(?=\s*(?:出生|生))"
)
# Diagnoses: named diseases, and what follows 确诊/诊断为/患有/查出.
_DISEASES = (
    "白血病|尿毒症|癌症|[\u4e00-\u9fff]{0,3}癌|肿瘤|糖尿病|高血压|冠心病|心脏病|脑梗塞?|脑出血|脑瘫|中风|"
    "精神分裂症?|抑郁症|双相情感障碍|癫痫|艾滋病|HIV|乙肝|丙肝|肝硬化|肺结核|结核病|红斑狼疮|"
    "帕金森病?|阿尔茨海默病?|老年痴呆|自闭症|孤独症|唐氏综合征|地中海贫血|血友病|肾衰竭?|渐冻症"
)
_DIAGNOSIS = re.compile(
    rf"(?:确诊为?|诊断为|诊断出|查出(?:来)?(?:是|了)?|患有|患上了?|得了)\s*"
    rf"(?:[\u4e00-\u9fffA-Za-z0-9]{{0,8}}?(?:{_DISEASES}|病|症)|[\u4e00-\u9fffA-Za-z0-9]{{2,8}}?(?=[，,。；;！!？?\s]|$))"
    rf"|{_DISEASES}"
)
_DIAGNOSIS_LEAD = re.compile(r"^(确诊为?|诊断为|诊断出|查出(?:来)?(?:是|了)?|患有|患上了?|得了)")


def _mask_names(text: str) -> str:
    def named(m: re.Match[str]) -> str:
        name = m.group(1)
        if _NOT_NAMES.search(name):
            return m.group(0)
        return m.group(0).replace(name, NAME, 1)

    text = _NAME_AFTER_INTRO.sub(named, text)
    text = _I_AM.sub(named, text)
    text = _NAMED_BY_RELATION.sub(named, text)
    text = _SURNAME_TITLE.sub("某", text)
    text = _OLD_YOUNG.sub("某", text)
    return _SURNAME_CALL.sub(lambda m: m.group(0).replace(m.group(1), "某", 1), text)


def _mask_diagnosis(m: re.Match[str]) -> str:
    lead = _DIAGNOSIS_LEAD.match(m.group(0))
    return (lead.group(0) if lead else "") + DIAGNOSIS


def _mask_locality(m: re.Match[str]) -> str:
    name = m.group(1)
    kept = len(name)
    while kept and name[kept - 1] not in _NOT_PLACE_NAME:
        if name[kept - 1] == "家" and kept > 1 and name[kept - 2] in _WHOSE:
            break
        kept -= 1
    if len(name) - kept < 2:
        return m.group(0)  # no name left: a kind of place ("农村户口"), not an address
    return name[:kept] + ADDRESS


def mask_free_text(text: str) -> str:
    """The text with personal data replaced by placeholders; the question stays readable."""
    text = strip_personal_data(mask_numbers(text))
    text = _BIRTH_DATE.sub(BIRTH_DATE, text)
    text = _ADDRESS.sub(ADDRESS, text)
    text = _LOCALITY.sub(_mask_locality, text)
    text = _AFTER_ADDRESS.sub(ADDRESS, text)  # one address, with its group or room number
    text = _DIAGNOSIS.sub(_mask_diagnosis, text)
    return _mask_names(text)


ID_NUMBER = "[身份证号]"
PHONE = "[电话]"
BANK_CARD = "[银行卡号]"
# Digits in groups joined by at most one space, dash or dot: one number typed in pieces.
_GROUPED = re.compile(
    r"(?<![0-9A-Za-z])\d(?:[ \u3000\-.]?\d){6,22}(?:[ \u3000]?[Xx])?(?![0-9A-Za-z])"
)


def _kind(digits: str) -> str | None:
    """What a number is, from its digits (an ID may end in X)."""
    if digits[-1] == "X":
        return ID_NUMBER if len(digits) in (15, 18) else None
    if digits[0] == "0":  # an area code: a landline (no card or ID starts with 0)
        return PHONE if 10 <= len(digits) <= 12 else None
    if len(digits) in (15, 18):
        return ID_NUMBER
    if len(digits) == 11 and digits[1] in "3456789" and digits[0] == "1":
        return PHONE
    if 12 <= len(digits) <= 19:
        return BANK_CARD
    return None


# Every number masked below holds seven digits in a row, at most one space, dash or dot between
# two of them (_GROUPED; a mobile, with its own groups, and a landline's own seven or eight; the
# service numbers, 5 digits, stay as they are): a text without such a run has nothing to mask.
_SEVEN_GROUPED_DIGITS = re.compile(r"\d(?:[ \u3000\-.]?\d){6}")


def mask_numbers(text: str) -> str:
    """ID, mobile, landline and bank card numbers replaced by placeholders, however grouped."""
    text = normalize_digits(text)
    # Most lines of a conversation (and of the access log) have no such run: one search costs
    # far less than the patterns (every turn masks its transcript lines).
    if _SEVEN_GROUPED_DIGITS.search(text) is None:
        return text
    return _mask_normalized(text)


def _mask_normalized(text: str) -> str:
    """`mask_numbers` of a text whose digits are already ASCII."""

    def grouped(m: re.Match[str]) -> str:
        digits = re.sub(r"[^0-9X]", "", m.group().upper())
        if digits in SERVICE_NUMBERS:
            return m.group()
        return _kind(digits) or m.group()

    text = _GROUPED.sub(grouped, text)
    for phone in reversed(find_phones(text)):  # landlines with an area code, "0931-8123456"
        if phone.kind != "service":
            text = text[: phone.start] + PHONE + text[phone.end :]
    return text
