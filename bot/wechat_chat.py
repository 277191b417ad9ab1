"""Chatting over WeChat: one running session per account, replies rendered as plain text.

WeChat gives us only text, so choices become numbered lines and a reply of "2" picks the second.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.assistant import Assistant
from dialogue.replies import ChoicesReply, Reply, ResultReply, SummaryReply, TextReply
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
    if isinstance(reply, SummaryReply):
        parts = [reply.text]
        for group in reply.groups:
            parts.append(f"【{group.title}】")
            parts.extend(f"{line.label}：{line.value}" for line in group.lines)
        return "\n".join(parts)
    if isinstance(reply, ResultReply):
        parts = [reply.text]
        for item in reply.items:
            parts.append(f"· {item.name}：{item.outcome_label}")
            parts.extend(f"  {r}" for r in item.reasons[:2])
        if reply.materials:
            parts.append("要带的材料：" + "、".join(m.name for m in reply.materials))
        parts.append(reply.how_to_apply)
        parts.append(reply.disclaimer)
        return "\n".join(parts)
    if isinstance(reply, TextReply):
        return reply.text
    return str(getattr(reply, "text", ""))


@dataclass
class WeChatChat:
    assistant: Assistant
    channel: str = "wechat"

    async def __call__(self, account: str, text: str) -> list[str]:
        session_id = await self._current(account)
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
