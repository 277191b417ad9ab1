"""The citizens `api.bench` plays (and api.replay, api.profile_turn): sessions that vary like
real traffic, drawn reproducibly from development data only (never anything under */eval/*).

Each bench session belongs to a region and is one citizen after another of that region: the
households are the personas of the development conversation scripts
(dialogue/dev/conversations/*.yml: their sizes, members, incomes, illnesses and answers, in
those citizens' own words). A citizen
- opens with their story (the script's `start`), or with one of the region's development
  openings (dialogue/dev/openings*.yml) instead, or with no story (answers the first question);
- answers each question from the persona (member by member), or in another wording said to
  that question in the development answers (dialogue/dev/answers*.yml);
- now and then says something that answers nothing (a development answer labelled as stating
  no fact, or a stray line), or starts over (重新开始) midway;
- starts over after the result (or after MAX_TURNS), and the next citizen comes.

Every choice is drawn from the session's own seeded stream (MINSTD: exact in Lua's doubles, so
the bench's wrk script (CHAT_LUA in api.bench) draws the same numbers as `Citizen` here): a
session sends the same turns to the same code, run after run.
"""

from __future__ import annotations

import json
import random
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "dialogue" / "dev"
SEED = 18
RESTART = "重新开始"
DONT_KNOW = "不知道"  # what a persona says to a question it has no answer for
MAX_TURNS = 60  # a citizen not at a result by then gives up and starts over
# Per mille, drawn once per citizen: no story at all, a development opening instead of the
# script's own story (a citizen whose script has none always takes one).
NO_STORY = 150
OTHER_STORY = 250
# Per mille, drawn once per turn: start over midway, say something that answers nothing,
# answer in another development wording of that question.
START_OVER = 15
NOTHING = 50
OTHER_WORDING = 250
# Lines that answer nothing, beside the development answers labelled as stating no fact.
STRAY = ("？", "啊？", "你好", "听不懂", "。。。", "嗯", "好的好的", "1")
# Not taken from the development answers: their household is in Gansu (a county elsewhere
# would only be the wrong county), and the size, which every session is asked first.
NOT_REWORDED = frozenset({"place"})
_MODULUS = 2147483647  # MINSTD: next = state * 48271 mod (2**31 - 1)
_MULTIPLIER = 48271


@dataclass(frozen=True)
class Persona:
    region: str
    story: str | None
    answers: dict[str, str | list[str]]


@dataclass(frozen=True)
class Mix:
    """Everything citizens say, by region and question."""

    personas: list[Persona]
    by_region: dict[str, list[int]]  # region -> indexes into personas
    stories: dict[str, list[str]]  # region -> development openings
    wordings: dict[str, list[str]] = field(default_factory=dict)  # question id -> answers
    nothing: list[str] = field(default_factory=list)


@lru_cache(maxsize=1)
def mix() -> Mix:
    from dialogue.evaluate_answers import load_cases
    from dialogue.evaluate_openings import load_openings
    from dialogue.scripting import AGES_QUESTION, load_scripts, persona_answer
    from dialogue.state import Pending

    personas: list[Persona] = []
    by_region: dict[str, list[int]] = defaultdict(list)
    for script in load_scripts(DEV / "conversations"):
        answers = {
            key: [str(v) for v in value] if isinstance(value, list) else str(value)
            for key, value in script.persona.items()
        }
        answers.setdefault(
            AGES_QUESTION, persona_answer(script, Pending(question_id=AGES_QUESTION))
        )
        by_region[script.region.value].append(len(personas))
        personas.append(Persona(script.region.value, script.start, answers))
    stories: dict[str, list[str]] = defaultdict(list)
    for path in sorted(DEV.glob("openings*.yml")):
        for opening in load_openings(path):
            stories[opening.region.value].append(opening.text)
    wordings: dict[str, list[str]] = defaultdict(list)
    nothing = list(STRAY)
    for path in sorted(DEV.glob("answers*.yml")):
        for case in load_cases(path):
            if not case.facts:
                nothing.append(case.text)
            elif case.question not in NOT_REWORDED:
                wordings[case.question].append(case.text)
    return Mix(personas, dict(by_region), dict(stories), dict(wordings), nothing)


def session_seeds(count: int) -> list[int]:
    """Each session's own stream, the same for the n-th session of every run."""
    rng = random.Random(SEED)
    return [rng.randrange(1, _MODULUS) for _ in range(count)]


class Citizen:
    """What one bench session says, turn after turn (the Python twin of CHAT_LUA's `say`)."""

    def __init__(self, region: str, seed: int, citizens: Mix | None = None) -> None:
        self.region = region
        self.state = seed
        self.mix = citizens or mix()
        self.persona: Persona | None = None
        self.turns = 0

    def _draw(self) -> int:
        self.state = self.state * _MULTIPLIER % _MODULUS
        return self.state

    def _pick(self, pool: list[str]) -> str:
        return pool[self._draw() % len(pool)]

    def says(self, state: dict[str, Any]) -> str:
        """The next message, given the state of the last reply (or of the session's start)."""
        if self.persona is None:
            pool = self.mix.by_region[self.region]
            self.persona = self.mix.personas[pool[self._draw() % len(pool)]]
            self.turns = 0
            story = self._draw() % 1000
            if story >= NO_STORY:
                if story < NO_STORY + OTHER_STORY or self.persona.story is None:
                    return self._pick(self.mix.stories[self.region])
                return self.persona.story
        self.turns += 1
        pending = state.get("pending_question")
        if state.get("status") == "done" or pending is None or self.turns > MAX_TURNS:
            self.persona = None
            return RESTART
        what = self._draw() % 1000
        if what < START_OVER:
            self.persona = None
            return RESTART
        if what < START_OVER + NOTHING:
            return self._pick(self.mix.nothing)
        if what < START_OVER + NOTHING + OTHER_WORDING and pending in self.mix.wordings:
            return self._pick(self.mix.wordings[pending])
        answer = self.persona.answers.get(pending, DONT_KNOW)
        if isinstance(answer, list):
            member = state.get("pending_member") or 0
            return answer[member] if member < len(answer) else DONT_KNOW
        return answer


def json_text(text: str) -> str:
    """A message body's text as a JSON string (wrk's Lua pastes it into the body)."""
    return json.dumps(text, ensure_ascii=False)
