"""Conversation scripts (dialogue/scripts/*.yml): the citizen's lines and what the assistant
must do, run through the real Assistant against a real Redis (tests and the benchmark).

A script has a `persona` (how this citizen answers each question id; a list answers member
by member) and `steps`. A step says a line (`say`), taps a choice (`choice`), answers from
the persona until the result (`until_done`), sends two messages at once (`concurrent`),
restarts redis-server (`restart_redis`) or the service (`new_assistant`), and `expect`s
what the replies must contain. `final` checks outcomes and facts at the end.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, Literal, Protocol, get_args

from pydantic import BaseModel, ConfigDict, Field

from dialogue.replies import Reply, reply_text
from dialogue.state import Pending, Session, get_fact
from guides.household import Relation
from guides.ids import ItemId, Outcome, RegionId
from guides.yamlio import load_model
from nlu.lexicon import parse_relation

SCRIPTS = Path(__file__).parent / "scripts"
AGES_QUESTION = "member_ages"
_FIRST_WORDS = re.compile(r"[^\s，,。；;]+")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Expect(_Strict):
    asks: str | None = None  # the question id the replies end on
    says: list[str] = Field(default_factory=list)  # fragments that must appear
    not_says: list[str] = Field(default_factory=list)
    kinds: list[Literal["text", "choices", "summary", "result", "form_offer"]] = Field(
        default_factory=list
    )
    status: Literal["active", "done"] | None = None


class Step(_Strict):
    say: str | None = None
    choice: str | None = None
    until_done: bool = False
    concurrent: list[str] = Field(default_factory=list)
    restart_redis: bool = False
    new_assistant: bool = False
    resume: bool = False
    expect: Expect | None = None


class Final(_Strict):
    outcomes: dict[ItemId, list[Outcome]] = Field(default_factory=dict)
    asked: list[str] = Field(default_factory=list)
    not_asked: list[str] = Field(default_factory=list)
    facts: dict[str, Any] = Field(default_factory=dict)
    unknown: list[str] = Field(default_factory=list)
    handoff: bool | None = None
    consent: bool | None = None
    status: Literal["active", "done"] | None = None
    max_questions: int | None = None
    income_is_estimate: bool | None = None
    form_requested: bool | None = None


class Script(_Strict):
    name: str
    region: RegionId
    about: str
    household_size: int | None = None  # for the benchmark's per-size figures
    start: str | None = None
    persona: dict[str, str | int | list[str | int]] = Field(default_factory=dict)
    default_answer: str = "不知道"
    steps: list[Step] = Field(default_factory=lambda: [Step(until_done=True)])
    final: Final = Field(default_factory=Final)


def load_scripts(directory: Path = SCRIPTS) -> list[Script]:
    return [load_model(path, Script) for path in sorted(directory.glob("*.yml"))]


def persona_answer(script: Script, pending: Pending, session: Session | None = None) -> str:
    if pending.question_id == AGES_QUESTION and AGES_QUESTION not in script.persona:
        return _everyones_age(script, session) or script.default_answer
    answer = script.persona.get(pending.question_id, script.default_answer)
    if isinstance(answer, list):
        index = pending.member or 0
        if session is not None:
            index = _persona_index(script, session).get(index, index)
        return str(answer[index]) if index < len(answer) else script.default_answer
    return str(answer)


def _everyones_age(script: Script, session: Session | None) -> str:
    """家里每个人多大岁数, answered as a person would from the persona's answers about each
    member: "我五十三，老汉五十七" (who, in the persona's own word, then the age as said)."""
    relations, ages = script.persona.get("member_relation"), script.persona.get("member_age")
    if not isinstance(relations, list) or not isinstance(ages, list):
        return ""
    members = len(session.household.members) if session is not None else len(ages)
    index = _persona_index(script, session) if session is not None else {}
    said = []
    for member in range(members):
        j = index.get(member, member)
        if j >= len(ages) or j >= len(relations):
            continue
        who = "我" if j == 0 else _first_words(relations[j])
        said.append(f"{who}{_first_words(ages[j])}")
    return "，".join(said)


def _first_words(said: object) -> str:
    found = _FIRST_WORDS.search(str(said))
    return found.group() if found else ""


def _persona_index(script: Script, session: Session) -> dict[int, int]:
    """Household member -> persona member. An opening can name members out of the persona's
    order ("我儿子想找工作" makes the son the second member): a member whose relation is
    known is the persona's member with that relation; the others follow in order."""
    relations = script.persona.get("member_relation")
    if not isinstance(relations, list):
        return {}
    wanted = [parse_relation(str(r)) for r in relations]
    mapping: dict[int, int] = {}
    used: set[int] = set()
    members = session.household.members
    for i, member in enumerate(members):
        for j, relation in enumerate(wanted):
            if j not in used and member.relation is not None and relation == member.relation:
                mapping[i] = j
                used.add(j)
                break
    free = [j for j in range(len(wanted)) if j not in used]
    for i in range(len(members)):
        if i not in mapping and free:
            mapping[i] = free.pop(0)
    return mapping


class AssistantLike(Protocol):
    async def start(
        self, region: RegionId | str, channel: str, owner: Any, text: str | None = None
    ) -> tuple[str, list[Reply]]: ...

    async def handle(
        self, session_id: str, owner: Any, text: str | None = None, choice: str | None = None
    ) -> Any: ...

    async def get(self, session_id: str, owner: Any) -> Session: ...


class ScriptFailure(AssertionError):
    pass


class Runner:
    """Runs one script; `make_assistant` builds a fresh Assistant (a service restart)."""

    MAX_TURNS = 80

    def __init__(
        self,
        make_assistant: Callable[[], AssistantLike],
        restart_redis: Callable[[], Awaitable[None]] | None = None,
        owner: str = "wx:script-citizen",
        patience: int | None = None,
    ) -> None:
        self.make_assistant = make_assistant
        # A persona answer not taken this many times in a row for the same question: stop
        # (a citizen would give up); None keeps answering until MAX_TURNS.
        self.patience = patience
        self.restart_redis = restart_redis
        self.owner = owner
        self.assistant = make_assistant()
        self.asked: list[str] = []
        self.transcript: list[str] = []
        self.turns = 0
        self.session_id: str | None = None

    def _record(self, replies: list[Reply]) -> None:
        for reply in replies:
            self.transcript.append("A: " + reply_text(reply))
            question_id = getattr(reply, "question_id", None)
            if question_id:
                self.asked.append(question_id)

    async def _send(self, session_id: str, text: str | None, choice: str | None) -> list[Reply]:
        self.transcript.append(f"U: {text if text is not None else '[' + str(choice) + ']'}")
        self.turns += 1
        result = await self.assistant.handle(session_id, self.owner, text=text, choice=choice)
        replies: list[Reply] = result.replies
        self._record(replies)
        return replies

    async def run(self, script: Script) -> Session:
        session = await self.play(script)
        problems = self.final_problems(script.final, session)
        if problems:
            self._fail("final", "; ".join(problems))
        return session

    async def play(self, script: Script) -> Session:
        """The steps (with their `expect`s), without the `final` checks."""
        session_id, replies = await self.assistant.start(
            script.region, "script", self.owner, script.start
        )
        self.session_id = session_id
        self._record(replies)
        for number, step in enumerate(script.steps, 1):
            replies = await self._step(script, session_id, step)
            if step.expect is not None:
                session = await self.assistant.get(session_id, self.owner)
                self._check(step.expect, replies, session, f"step {number}")
        return await self.assistant.get(session_id, self.owner)

    async def _step(self, script: Script, session_id: str, step: Step) -> list[Reply]:
        if step.restart_redis:
            if self.restart_redis is None:
                raise ScriptFailure("this runner cannot restart redis-server")
            await self.restart_redis()
        if step.new_assistant or step.restart_redis:
            self.assistant = self.make_assistant()
        if step.say is not None or step.choice is not None:
            return await self._send(session_id, step.say, step.choice)
        if step.resume:
            return await self._send(session_id, None, None)
        if step.concurrent:
            results = await asyncio.gather(
                *(self.assistant.handle(session_id, self.owner, text=t) for t in step.concurrent)
            )
            replies = [r for result in results for r in result.replies]
            self._record(replies)
            return replies
        if step.until_done:
            return await self._until_done(script, session_id)
        return []

    async def _until_done(self, script: Script, session_id: str) -> list[Reply]:
        replies: list[Reply] = []
        last, repeats = None, 0
        while self.turns < self.MAX_TURNS:
            session = await self.assistant.get(session_id, self.owner)
            if session.status == "done" or session.pending is None:
                return replies
            answer = persona_answer(script, session.pending, session)
            repeats = repeats + 1 if (session.pending, answer) == last else 1
            last = (session.pending, answer)
            if self.patience is not None and repeats > self.patience:
                raise ScriptFailure(
                    f"stuck: {session.pending.question_id} asked again after "
                    f"{self.patience} answers {answer!r}"
                )
            replies = await self._send(session_id, answer, None)
        raise ScriptFailure(f"no result after {self.MAX_TURNS} turns:\n" + self.dump())

    def dump(self) -> str:
        return "\n".join(self.transcript[-40:])

    def _fail(self, where: str, problem: str) -> None:
        raise ScriptFailure(f"{where}: {problem}\n--- transcript ---\n{self.dump()}")

    def _check(self, expect: Expect, replies: list[Reply], session: Session, where: str) -> None:
        text = "\n".join(reply_text(r) for r in replies)
        asked = [getattr(r, "question_id", None) for r in replies]
        asked = [a for a in asked if a]
        if expect.asks is not None and (not asked or asked[-1] != expect.asks):
            self._fail(where, f"expected to ask {expect.asks}, asked {asked}")
        for fragment in expect.says:
            if fragment not in text:
                self._fail(where, f"expected {fragment!r} in the replies")
        for fragment in expect.not_says:
            if fragment in text:
                self._fail(where, f"did not expect {fragment!r}")
        kinds = [r.kind for r in replies]
        for kind in expect.kinds:
            if kind not in kinds:
                self._fail(where, f"expected a {kind} reply, got {kinds}")
        if expect.status is not None and session.status != expect.status:
            self._fail(where, f"expected status {expect.status}, got {session.status}")

    def final_problems(self, final: Final, session: Session) -> list[str]:
        """Every `final` check that does not hold (empty when the script passes)."""
        problems = outcome_problems(final, session)
        problems += [f"{q} was never asked" for q in final.asked if q not in self.asked]
        problems += [f"{q} should not have been asked" for q in final.not_asked if q in self.asked]
        for key, value in final.facts.items():
            actual = script_fact(session, key)
            if actual != value and str(actual) != str(value):
                problems.append(f"{key} = {actual!r}, expected {value!r}")
        problems += [f"{k} should be recorded as unknown" for k in final.unknown
                     if not session.is_unknown(k)]  # fmt: skip
        checks: dict[str, Any] = {
            "handoff": (final.handoff, session.handoff),
            "consent": (final.consent, session.consent),
            "status": (final.status, session.status),
            "income_is_estimate": (final.income_is_estimate, session.household.income_is_estimate),
            "form_requested": (final.form_requested, session.form_requested),
        }
        for name, (wanted, actual) in checks.items():
            if wanted is not None and wanted != actual:
                problems.append(f"{name} = {actual!r}, expected {wanted!r}")
        if final.max_questions is not None and session.questions_asked > final.max_questions:
            problems.append(f"{session.questions_asked} questions > {final.max_questions}")
        return problems


def outcome_problems(final: Final, session: Session) -> list[str]:
    """ "dibao: unlikely, expected one of [likely, possible]" for each outcome not allowed."""
    if not final.outcomes:
        return []
    from dialogue.engine import screen_session

    result = screen_session(session)
    problems = []
    for item, allowed in final.outcomes.items():
        outcome = result.item(item).outcome
        if outcome not in allowed:
            wanted = ", ".join(str(a) for a in allowed)
            problems.append(f"{item}: {outcome}, expected one of [{wanted}]")
    return problems


def script_fact(session: Session, key: str) -> Any:
    """A fact by its household path ("members.1.age"), or a member's fact by the member's
    relation ("spouse.age": the first member with that relation; "self" is the applicant),
    since an opening may add members in any order."""
    head, _, rest = key.partition(".")
    if rest and head in get_args(Relation):
        member = next((m for m in session.household.members if m.relation == head), None)
        return None if member is None else getattr(member, rest)
    return get_fact(session.household, key)
