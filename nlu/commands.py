"""Whether an utterance classified as a control intent is really a command.

The classifier reads "上小学" as 回到上一个问题 and "当过五年兵" as 跳过: a control intent acts
only when the text also has a command's own words (返回/上一个, 跳过/下一个, 重新/从头,
人工/工作人员...). Otherwise the utterance is read as an answer.
"""

from __future__ import annotations

import re

_COMMAND_WORDS: dict[str, re.Pattern[str]] = {
    "go_back": re.compile(
        # not a trip home: "俺一礼拜回去一趟", "回去看看他", "每个礼拜回去送点吃的"
        r"返回|回到|回去(?![一两几]?趟|看|住|等|办|找|种|干|过|上班|打工|照顾|伺候|送|给|做|陪|帮|拿|收)"
        r"|回前|回上|退回|回退|后退|倒回|往回|退一步|上一(?:个|题|步|页|级)"
        r"|前一(?:个|步|题)|前面那"
    ),
    "skip": re.compile(
        # not a job history: "跳过好几个厂", "跳过三回槽"
        r"跳过(?![好几一两三四五六七八九十]|槽)|跳了|略过|下一(?:个|题|步)|往下|^过$|先空着|先放着|先不(?:填|说|答)|等会再填"
        r"|以后补|(?:后面|等会|等下|等一下|回头)再(?:说|填)|不(?:想|愿意|方便)?(?:答|回答|说|填)(?:这|了|$)|不想说|不答|隐私"
    ),
    "restart": re.compile(
        # 重新 with what is done again: not "后来重新评没评上", "重新鉴定了一回" (an event told)
        r"重新(?=开始|来|填|做|测|申请|评估|弄|走|答|问|搞|录|输|$|[，,。！!吧])|重来|从头|重填|重置|清空|清掉|删掉|再来一遍|重头|刷新|从第一(?:题|个|步)"
    ),
    "handoff": re.compile(
        r"人工|真人|客服|工作人员|接线员|坐席|社工|领导|干部|民政的人|找人|找个人|让人来|换个人"
        r"|跟人|打(?:个)?电话|回(?:个)?电话|联系|上门|有人吗|人呢|12345"
        r"|(?:社区|村里|村委会|民政局?|街道|政府)\S{0,3}的人"
    ),
}


def is_command(intent: str, text: str) -> bool:
    """True when `text` has the words of the control `intent` (other intents: always True)."""
    pattern = _COMMAND_WORDS.get(intent)
    return pattern is None or bool(pattern.search(text.strip()))


_CORRECTION = re.compile(
    r"(?:说|答|填|写|打|记|弄|搞|选|看)(?:错|岔|反|混)了?|搞混|弄混|多打了|少打了|打错"
    r"|不是[^，,。；！？]{1,8}[，,]\s*(?:而)?是|不对[，,]\s*(?:应该)?是|我重新说|改一下|更正"
    # "不对，她跟她闺女一块住，两口人": the read-back's "不对的地方直接告诉我" taken up
    r"|^\s*(?:不对|错了|你说错了|你听错了|听错了|记错了)[，,。！!\s]+\S"
)


_NOT_THIS_BUT = re.compile(
    r"不是[^，,。；！？]{1,8}[，,]\s*(?:而)?是(?P<new>.+)|不对[，,]\s*(?:应该)?是(?P<new2>.+)"
)


def corrected_part(text: str) -> str:
    """The new value of "存款不是两万，是两千": "两千…"; the whole text when there is no such turn."""
    found = _NOT_THIS_BUT.search(text)
    if found is None:
        return text
    return found.group("new") or found.group("new2") or text


_SHORT_START = 6  # "三口 哎" before the repair: the start of an answer, not another topic


def mended_start(text: str) -> str | None:
    """ "三口 哎刚才说错了 四口": an answer begun and mended in the same message, not a
    correction of an earlier one; returns the short start it mends ("三口 哎"), else None."""
    found = _CORRECTION.search(text)
    if found is None:
        return None
    start = text[: found.start()].rstrip("刚才，, 哎哦噢呃")
    return start if 0 < len(start) <= _SHORT_START else None


def is_correction(text: str) -> bool:
    """ "刚才说错了…", "存款不是两万，是两千，我看岔了": the text corrects an earlier answer."""
    return bool(_CORRECTION.search(text))
