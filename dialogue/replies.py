"""What the assistant says, as typed data; channels render it (text, buttons, cards)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field


class _Reply(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Choice(_Reply):
    value: str  # sent back as `choice` (an enum id, "yes"/"no", "handoff", "edit:<q>")
    label: str


class TextReply(_Reply):
    kind: Literal["text"] = "text"
    text: str
    question_id: str | None = None  # set when the text asks a question


class ChoicesReply(_Reply):
    kind: Literal["choices"] = "choices"
    text: str
    choices: list[Choice]
    question_id: str | None = None


class SummaryLine(_Reply):
    label: str
    value: str
    edit: str  # the choice value that reopens this answer ("edit:household_size" / ":1")


class SummaryGroup(_Reply):
    title: str
    lines: list[SummaryLine]


class SummaryReply(_Reply):
    kind: Literal["summary"] = "summary"
    text: str
    groups: list[SummaryGroup]


class MaterialLine(_Reply):
    name: str
    why: str
    form: str
    required: bool


class ItemLine(_Reply):
    item: str
    name: str
    outcome: str
    outcome_label: str
    reasons: list[str]
    citations: list[str]
    department: str
    time_limit: str | None
    notes: list[str] = Field(default_factory=list)
    basis: list[str] = Field(default_factory=list)  # the numbers used, with place and document
    asked: bool = False  # the citizen named this item: shown on the result's first screen
    receiving: bool = False  # the household already receives it: said so, not "去申请"


class ResultReply(_Reply):
    kind: Literal["result"] = "result"
    text: str
    items: list[ItemLine]
    income_formula: str | None
    caveats: list[str]
    notes: list[str] = Field(default_factory=list)  # 办理提示: the guide's own (试点, 近亲属…)
    materials: list[MaterialLine]
    channels: list[str]
    nearest_channel: str = ""  # a window in person where there is one: named once, up front
    how_to_apply: str
    time_limit: str
    disclaimer: str


class FormOfferReply(_Reply):
    kind: Literal["form_offer"] = "form_offer"
    text: str
    items: list[str]
    choices: list[Choice]


Reply = Annotated[
    TextReply | ChoicesReply | SummaryReply | ResultReply | FormOfferReply,
    Field(discriminator="kind"),
]


def reply_text(reply: Reply) -> str:
    """All the words of a reply, for tests and plain-text channels."""
    parts = [reply.text]
    if isinstance(reply, ChoicesReply | FormOfferReply):
        parts += [c.label for c in reply.choices]
    if isinstance(reply, SummaryReply):
        for group in reply.groups:
            parts.append(group.title)
            parts += [f"{line.label}：{line.value}" for line in group.lines]
    if isinstance(reply, ResultReply):
        for item in reply.items:
            parts.append(f"{item.name}：{item.outcome_label}")
            parts += item.reasons + item.notes + item.basis
        parts += [m.name for m in reply.materials]
        parts += (
            reply.caveats + reply.notes + reply.channels + [reply.how_to_apply, reply.time_limit]
        )
        parts.append(reply.disclaimer)
        if reply.income_formula:
            parts.append(reply.income_formula)
    return "\n".join(p for p in parts if p)
