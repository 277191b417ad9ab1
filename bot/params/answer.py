"""“我们这低保一个月多少钱”: the 低保标准 in force today for the asker's place, from the
parameters (never from a KB text that could go stale), with its document and date, or a plain
"not recorded yet" and where to ask.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from bot.kb.decline import decline_phone
from bot.kb.service import KbReply
from guides.errors import ParameterNotFound
from guides.ids import RegionId
from guides.params import ResolvedParameter, current_parameters
from guides.places import FIXED_PLACE, REGION_ROOTS, places
from nlu.lexicon import match_regions
from nlu.places import other_place

_ASKS_AMOUNT = re.compile(
    r"低保.{0,8}(多少钱|多少|几百|几块|标准是|标准多|能领|能拿|发多少)|"
    r"(多少钱|多少).{0,6}低保|低保标准"
)
_OTHER_TOPIC = re.compile(r"边缘|特困|材料|怎么|哪里|条件|多久|几天|时限|电话|申请书|取消|停发")
VARIANTS = (("urban", "城市"), ("rural", "农村"))


@dataclass(frozen=True)
class StandardAnswer:
    text: str
    citation: str | None
    verified: bool
    region: RegionId


def asks_dibao_amount(text: str) -> bool:
    return bool(_ASKS_AMOUNT.search(text)) and not _OTHER_TOPIC.search(text)


def dibao_standard_answer(
    text: str, region: RegionId | None, place: str | None = None, on: dt.date | None = None
) -> StandardAnswer | None:
    """The answer when `text` asks how much 低保 is in one of our regions; else None."""
    if not asks_dibao_amount(text) or other_place(text):
        return None
    named_regions = {m.id for m in match_regions(text)}
    if len(named_regions) == 1:  # "历城低保多少钱" asked from anywhere
        region = RegionId(named_regions.pop())
        place = None
    if region is None:
        return None
    on = on or dt.date.today()
    named = places().find(text, region)
    place = place or FIXED_PLACE.get(region) or (named[0].code if len(named) == 1 else None)
    params = current_parameters()
    try:
        used = [
            (label, params.at("dibao_standard", region.value, on, variant, place=place))
            for variant, label in VARIANTS
        ]
    except ParameterNotFound:
        return _none_recorded(region, place)
    where = places().full_name(place or REGION_ROOTS[region])
    phone = decline_phone(region.value).number
    if not any(p.verified for _, p in used):
        return _estimate(region, where, used, phone)
    same = used[0][1].value == used[1][1].value and used[0][1].source == used[1][1].source
    parts = []
    for label, p in used[:1] if same else used:
        label = "城乡" if same else label
        if p.verified:
            parts.append(
                f"按{p.scope()}公布的{label}低保标准，每人每月 {p.value:g} 元（{_doc(p)}）"
            )
        else:
            parts.append(
                f"{label}低保标准我们还没有收录正式文件，按{p.scope()}估算大约每月 {p.value:g} 元，"
                "只能参考"
            )
    text_out = "；".join(parts) + "。"
    if place is None and params.differs_by_place("dibao_standard", region.value, on, "urban"):
        text_out += "各县（区）的标准可能不一样，告诉我您住在哪个县（区），我再帮您查。"
    if not all(p.verified for _, p in used):
        text_out += (
            f"准确的数可以问当地县（区）民政局或乡镇（街道）社会救助窗口，也可以打 {phone}。"
        )
    text_out += "低保金一般按这个标准减去家庭人均收入补差发放，具体由民政部门核定。"
    cited = next(p for _, p in used if p.verified)
    return StandardAnswer(text_out, cited.source.cite(), True, region)


def _doc(p: ResolvedParameter) -> str:
    since = f"{p.effective_from.year}年{p.effective_from.month}月{p.effective_from.day}日起执行"
    return f"{p.source.document or p.source.cite()}，{since}"


def _estimate(
    region: RegionId, where: str, used: list[tuple[str, ResolvedParameter]], phone: str
) -> StandardAnswer:
    figures = "，".join(f"{label}大约每月 {p.value:g} 元" for label, p in used)
    if used[0][1].value == used[1][1].value:
        figures = f"城乡大约每月 {used[0][1].value:g} 元"
    scope = used[0][1].scope()
    text = (
        f"我们还没有收录{where}正式公布的低保标准。目前只有一个按{scope}估算的数：{figures}，"
        "只能参考。"
        f"准确的标准请问当地县（区）民政局或乡镇（街道）社会救助窗口，也可以打 {phone} 问。"
    )
    return StandardAnswer(text, None, False, region)


def _none_recorded(region: RegionId, place: str | None) -> StandardAnswer:
    where = places().full_name(place or REGION_ROOTS[region])
    phone = decline_phone(region.value).number
    text = (
        f"我们还没有收录{where}的低保标准。请问当地县（区）民政局或乡镇（街道）社会救助窗口，"
        f"也可以打 {phone} 问。"
    )
    return StandardAnswer(text, None, False, region)


def as_kb_reply(question: str, region: str | None, place: str | None) -> KbReply | None:
    """The KB's direct answerer (bot/kb/service.py KnowledgeService.direct)."""
    try:
        region_id = RegionId(region) if region else None
    except ValueError:
        return None
    found = dibao_standard_answer(question, region_id, place)
    if found is None:
        return None
    return KbReply(
        status="answered", text=found.text, entry_id="param:dibao_standard",
        citation=found.citation, confidence=1.0, suggestions=(), region=found.region.value,
        in_region=True,
    )  # fmt: skip
