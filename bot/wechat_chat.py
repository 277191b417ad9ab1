"""Chatting over WeChat: one running session per account, replies rendered as plain text.

WeChat gives us only text, so choices become numbered lines and a reply of "2" picks the second.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.assistant import Assistant
from dialogue.prompts import asks_for_form
from dialogue.replies import (
    ChoicesReply,
    FormOfferReply,
    ItemLine,
    Reply,
    ResultReply,
    SummaryReply,
    TextReply,
)
from guides.ids import REGION_LABELS, RegionId
from nlu.lexicon import find_regions

ASK_REGION = "请问您在哪个地区申请？回复数字或地名就行：\n" + "\n".join(
    f"{n}. {label}" for n, label in enumerate(REGION_LABELS.values(), start=1)
)
REGION_BY_NUMBER = {str(n): region for n, region in enumerate(REGION_LABELS, start=1)}


def render_text(reply: Reply) -> str:
    if isinstance(reply, ChoicesReply):
        lines = [f"{n}. {c.label}" for n, c in enumerate(reply.choices, start=1)]
        return "\n".join([reply.text, *lines, "（回复数字即可）"])
    if isinstance(reply, SummaryReply):  # nothing to tap in text: say how to correct
        parts = ["这是您说的情况。哪一项不对，直接告诉我，比如“年龄说错了，是80岁”。"]
        for group in reply.groups:
            parts.append(f"【{group.title}】")
            parts.extend(f"{line.label}：{line.value}" for line in group.lines)
        return "\n".join(parts)
    if isinstance(reply, ResultReply):
        return short_result(reply)
    if isinstance(reply, FormOfferReply):  # numbers would be read as a region after the result
        return f"{reply.text}\n要的话，回复“帮我填表”。"
    if isinstance(reply, TextReply):
        return reply.text
    return str(getattr(reply, "text", ""))


# Text has no colours: each outcome has its own mark as well as its words.
MARKS = {"likely": "✔", "possible": "？", "need_info": "…", "unlikely": "✕"}


def _marked(item: ItemLine) -> str:
    return f"{MARKS.get(item.outcome, '·')} {item.name}（{item.outcome_label}）"


def short_result(reply: ResultReply) -> str:
    """The H5 result's first screen as text: what to apply for, how much (the office will say),
    what to bring, where (one channel), by when; the other items counted in one line."""
    receiving = [i for i in reply.items if i.receiving]
    fresh = [i for i in reply.items if not i.receiving]
    hopeful = [i for i in fresh if i.outcome in ("likely", "possible")]
    open_items = [i for i in fresh if i.outcome == "need_info"]
    shown = hopeful or open_items
    if not shown:
        return "\n".join([reply.text, reply.disclaimer])
    parts = ["您家已经在领：" + "、".join(i.name for i in receiving) + "。"] if receiving else []
    heading = "您家可以去申请：" if hopeful else "这些还要到窗口问一问："
    if hopeful and receiving:
        heading = "您家还可以去申请："
    parts += [heading, *(_marked(i) for i in shown)]
    parts += [_marked(i) for i in open_items if hopeful]
    parts.append("能领多少：要按您家情况核算，办理窗口会告诉您。")
    required = [m.name for m in reply.materials if m.required][:4]
    if required:
        more = "等" if len(reply.materials) > len(required) else ""
        parts.append("要带：" + "、".join(required) + more)
    if reply.nearest_channel:
        parts.append("去哪里办：" + reply.nearest_channel)
    parts.append(reply.time_limit)
    others = [i for i in fresh if i.outcome == "unlikely"]
    if others:
        parts.append(f"其他事项：{'、'.join(i.name for i in others)}，可能不符合。")
    parts.append(reply.disclaimer)
    return "\n".join(parts)


MAX_TEXT = 500
TOO_LONG = f"您发的消息太长了（最多{MAX_TEXT}个字），我没有记下。请简短一些，分几次说也可以。"


@dataclass
class WeChatChat:
    assistant: Assistant
    channel: str = "wechat"

    async def __call__(self, account: str, text: str) -> list[str]:
        if len(text.strip()) > MAX_TEXT:  # the H5 page's limit too (api MessageRequest)
            return [TOO_LONG]
        session_id = await self._current(account)
        if session_id is None and asks_for_form(text):  # "帮我填表" after the result
            session_id = await self._latest(account)
        if session_id is None:
            region = self._region_in(text)
            if region is None:
                return [ASK_REGION]
            opening = None if text.strip() in REGION_BY_NUMBER or len(text.strip()) <= 6 else text
            _, replies = await self.assistant.start(region, self.channel, account, opening)
            return [render_text(r) for r in replies]
        # A bare number answers the numbered choices we showed: the answer parser reads it.
        result = await self.assistant.handle(session_id, account, text=text)
        return [render_text(r) for r in result.replies]

    async def _latest(self, account: str) -> str | None:
        sessions = await self.assistant.sessions_of(account)
        return sessions[-1] if sessions else None

    async def _current(self, account: str) -> str | None:
        for session_id in reversed(await self.assistant.sessions_of(account)):
            session = await self.assistant.get(session_id, account)
            if session.status == "active":
                return session_id
        return None

    @staticmethod
    def _region_in(text: str) -> RegionId | None:
        stripped = text.strip()
        if stripped in REGION_BY_NUMBER:
            return REGION_BY_NUMBER[stripped]
        regions = find_regions(stripped)
        return regions[0] if regions else None
