"""The conversation session: everything needed to resume a questionnaire, stored as JSON.

A fact key is a household field path with member indexes spelled out: "size",
"assets.deposits", "members.1.age". Screening reports fact *names* without the index
("members.age"); `fact_name(key)` maps one to the other.
"""

from __future__ import annotations

import time
from functools import lru_cache
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from guides.household import Household, Member
from guides.ids import ItemId, RegionId

SCHEMA_VERSION: Literal[1] = 1

Status = Literal["active", "done"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Pending(_Model):
    """The question waiting for an answer; `member` indexes household.members."""

    question_id: str
    member: int | None = None


class AnswerRecord(_Model):
    """One confirmed answer, with the values it replaced (so "go back" can undo it)."""

    question_id: str
    member: int | None = None
    keys: list[str]
    before: dict[str, Any]
    unknown_before: list[str] = Field(default_factory=list)
    estimate_before: bool = False
    members_before: int | None = None  # len(members) before a size / member-loop answer


class TranscriptLine(_Model):
    """One line of the conversation, for the agent who picks up a handed-off session."""

    speaker: Literal["citizen", "assistant", "agent"]
    text: str
    at: float = Field(default_factory=time.time)
    seq: int = 0  # 1, 2, … per session: event streams resume after the last one they sent
    pushed: bool = False  # from a person (or about one) to the citizen, outside their turn


TRANSCRIPT_LIMIT = 200


class Session(_Model):
    schema_version: Literal[1] = SCHEMA_VERSION
    id: str
    owner: str  # account id: "wx:<openid>" or "agent:<id>"
    agents: list[str] = Field(default_factory=list)  # agents who have worked on it
    channel: str = "web"
    region: RegionId
    household: Household
    items: list[ItemId] | None = None  # items of interest; None: everything offered
    unknown: list[str] = Field(default_factory=list)  # fact keys answered "不知道" or skipped
    # ages stored from an estimate ("快七十"): an exact age told later replaces them
    estimated_ages: list[str] = Field(default_factory=list)
    history: list[AnswerRecord] = Field(default_factory=list)
    pending: Pending | None = None
    failures: int = 0  # unparsed answers to the pending question in a row
    consent: bool | None = None  # 家庭经济状况核对授权
    members_closed: bool = False  # the member loop ended ("没有其他家人了")
    # members told apart from others of their relation by the words naming them
    # ("parent#母亲" -> 2; nlu.mentions.Mention.key); empty in sessions stored before
    persons: dict[str, int] = Field(default_factory=dict)
    # asking for somebody else: their person keys ("parent#父亲") -> member (0 is them now)
    speaking_for: dict[str, int] = Field(default_factory=dict)
    status: Status = "active"
    handoff: bool = False  # asked for a person: listed in the agent console
    handoff_at: float | None = None  # when they asked (the queue shows how long they wait)
    live_agent: str | None = None  # the agent who claimed the hand-off and talks with them
    callback_phone: str | None = None  # left outside working hours, for the agent to call back
    awaiting_callback_phone: bool = False  # the next message is the callback number
    questions_asked: int = 0
    # 临时救助's last question was asked past the soft budget (dialogue.choosing._safety_net):
    # nothing is added after it at the typical end
    safety_net_asked: bool = False
    # a living son or daughter of the applicant named in the opening (dialogue.supporters): a
    # hint for the question choice, not a fact of the household
    child_named: bool = False
    # relatives the opening named as living here, not yet members ("带着两个孙子过", no size):
    # the members a size said later adds are them when exactly as many (dialogue.opening_relatives)
    opening_relatives: list[str] = Field(default_factory=list)
    form_requested: bool = False  # said yes to the pre-filled application form
    questions_remaining: int | None = None  # the progress hint, refreshed every turn
    hint_members: int = 0  # members when the hint was last set (it may rise only with them)
    transcript: list[TranscriptLine] = Field(default_factory=list)  # newest last, capped
    transcript_seq: int = 0  # seq of the newest line ever logged
    # Client message ids of the latest turns (their replies are kept beside the session, so a
    # repeated message gets the same reply instead of being applied again), oldest first.
    recent_messages: list[str] = Field(default_factory=list)
    version: int = 0  # incremented on every save
    created_at: float = Field(default_factory=time.time)
    updated_at: float = Field(default_factory=time.time)
    # The newest transcript line already stored (dialogue.store keeps the transcript in a list
    # of its own beside the session): lines after it are written by the next save.
    _stored_seq: int = PrivateAttr(default=0)

    def unsaved_lines(self) -> list[TranscriptLine]:
        return [line for line in self.transcript if line.seq > self._stored_seq]

    def mark_stored(self, seq: int) -> None:
        self._stored_seq = seq

    def log(
        self, speaker: Literal["citizen", "assistant", "agent"], text: str, pushed: bool = False
    ) -> TranscriptLine | None:
        if not text:
            return None
        self.transcript_seq += 1
        line = TranscriptLine(
            speaker=speaker, text=text[:1000], seq=self.transcript_seq, pushed=pushed
        )
        self.transcript.append(line)
        del self.transcript[:-TRANSCRIPT_LIMIT]
        return line

    @classmethod
    def new(cls, session_id: str, owner: str, region: RegionId, channel: str = "web") -> Session:
        return cls(
            id=session_id,
            owner=owner,
            region=region,
            channel=channel,
            household=Household(region=region, members_complete=False),
        )

    def is_unknown(self, key: str) -> bool:
        return key in self.unknown

    def mark_unknown(self, key: str) -> None:
        if key not in self.unknown:
            self.unknown.append(key)

    def note_age_estimate(self, key: str, estimate: bool) -> None:
        """Remember whether the age stored at `key` was an estimate."""
        if estimate and key not in self.estimated_ages:
            self.estimated_ages.append(key)
        elif not estimate and key in self.estimated_ages:
            self.estimated_ages.remove(key)

    def clear_unknown(self, key: str) -> None:
        if key in self.unknown:
            self.unknown.remove(key)

    @property
    def question_ref(self) -> str | None:
        """The current question as the client names it: "household_size", "member_age:1"."""
        return question_ref(self.pending)

    def answered(self, question_id: str, member: int | None = None) -> bool:
        # a loop, not any() over a generator: the question choice asks this of every
        # household-wide question it looks at, each turn
        for record in self.history:
            if record.question_id == question_id and record.member == member:
                return True
        return False


def question_ref(pending: Pending | None) -> str | None:
    if pending is None:
        return None
    return (
        pending.question_id if pending.member is None else f"{pending.question_id}:{pending.member}"
    )


def relatives_of(household: Household, relation: str | None) -> list[int]:
    """The indexes of the members of `relation` other than the applicant (index 0)."""
    return [i for i, m in enumerate(household.members) if i > 0 and m.relation == relation]


def children_said(household: Household) -> list[int]:
    """The members "孩子"/"娃" names: the applicant's children of unsaid sex ("child"), else
    the members whose relation is not said yet."""
    return relatives_of(household, "child") or relatives_of(household, None)


def members_named(household: Household, relation: str) -> list[int]:
    """The members a relation word names; "孩子"/"娃" ("child") as `children_said`."""
    return children_said(household) if relation == "child" else relatives_of(household, relation)


@lru_cache(maxsize=4096)  # the question choice names every missing fact each turn
def fact_name(key: str) -> str:
    """ "members.1.age" -> "members.age"."""
    return ".".join(p for p in key.split(".") if not p.isdigit())


def member_of_key(key: str) -> int | None:
    """ "members.3.wants_job" -> 3; None for a household fact."""
    index = key.split(".")[1] if key.startswith("members.") else ""
    return int(index) if index.isdigit() else None


def member_key(name: str, index: int) -> str:
    """ "members.age", 1 -> "members.1.age"."""
    head, _, rest = name.partition(".")
    return f"{head}.{index}.{rest}" if rest else f"{head}.{index}"


def get_fact(household: Household, key: str) -> Any:
    target: Any = household
    for part in key.split("."):
        if target is None:
            return None
        if part.isdigit():
            index = int(part)
            target = target[index] if index < len(target) else None
        else:
            target = getattr(target, part)
    return target


def set_fact(household: Household, key: str, value: Any) -> None:
    """Assign with validation (pydantic validate_assignment); raises ValueError when invalid,
    as for a second applicant ("自己没掏钱" read as 自己 to 第4位家人是您的什么人): the
    household's own check runs only when a session is loaded, and would refuse it then."""
    parts = key.split(".")
    if parts[0] == "members" and parts[-1] == "relation" and value == "self" and parts[1] != "0":
        raise ValueError("only the first member is the applicant")
    target: Any = household
    for part in parts[:-1]:
        target = target[int(part)] if part.isdigit() else getattr(target, part)
    setattr(target, parts[-1], value)


def resize_members(household: Household, size: int) -> None:
    """Make the member list match the household size; the first member is the applicant."""
    members = list(household.members)
    if not members:
        members.append(Member(relation="self"))
    while len(members) < size:
        members.append(Member())
    household.members = members[: max(size, 1)]
