"""Held-out conversations played to the result: dialogue/eval/conversations/*.yml.

    python -m dialogue.evaluate_conversations [--dir DIR] [--transcripts] [--opening-as-answer]

Each script (the dialogue.scripting format; the opening is its `start`) is played through the
real DialogueEngine against a real Redis (REDIS_URL, else a throwaway redis-server, as
dialogue.bench does): the persona answers whatever is asked until the result. Prints per
script whether the result was reached, the questions asked, and the expected outcomes and
facts that are wrong; then the totals: scripts fully right, median and max questions, how
many over the budget of 15. A failing or crashing script is reported, never fatal.
With --opening-as-answer the opening is sent after the welcome instead, as an answer to the
first question (how the H5 page sent a typed first message before issue 12).

These scripts are evaluation data: no test runs them as pass/fail checks and nothing in
them feeds training, synonyms or rules (tests/dialogue/test_eval_isolation.py).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
from dataclasses import dataclass, field
from pathlib import Path

from dialogue.bench import TimedAssistant, redis_url
from dialogue.engine import DialogueEngine, IntentParser
from dialogue.scripting import Runner, Script, Step, load_scripts
from dialogue.store import SessionStore, StoreConfig
from guides.ids import ItemId

CONVERSATIONS = Path(__file__).parent / "eval" / "conversations"
_ITEM_IDS = {str(i) for i in ItemId}
QUESTION_BUDGET = 15  # issue 12: none over 15 questions, median at most 10
PATIENCE = 3  # the same answer to the same question not taken 3 times: the citizen gives up


@dataclass
class Played:
    name: str
    reached: bool = False
    questions: int = 0
    outcomes: int = 0  # expected outcomes checked
    problems: list[str] = field(default_factory=list)  # wrong outcomes and facts
    error: str | None = None  # the run itself stopped (no result in time, a crash)
    transcript: str = ""

    @property
    def wrong_outcomes(self) -> list[str]:
        return [p for p in self.problems if p.split(":")[0] in _ITEM_IDS]

    @property
    def fully_right(self) -> bool:
        return self.reached and not self.problems and self.error is None


async def play(store: SessionStore, engine: DialogueEngine, script: Script) -> Played:
    runner = Runner(lambda: TimedAssistant(store, engine, []), patience=PATIENCE)
    played = Played(script.name, outcomes=len(script.final.outcomes))
    try:
        await runner.play(script)
    except Exception as exc:  # a failing script is a figure, not a stop
        played.error = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
    played.transcript = runner.dump()
    if runner.session_id is None:
        return played
    session = await store.load(runner.session_id)
    played.reached = session.status == "done"
    played.questions = session.questions_asked
    try:
        played.problems = runner.final_problems(script.final, session)
    except Exception as exc:
        played.problems = [f"checking failed: {type(exc).__name__}: {exc}"]
    return played


async def play_all(url: str, nlu: IntentParser, scripts: list[Script]) -> list[Played]:
    store = SessionStore.from_url(url, StoreConfig(session_ttl_seconds=600))
    engine = DialogueEngine(nlu)
    try:
        return [await play(store, engine, script) for script in scripts]
    finally:
        await store.close()


def report(results: list[Played], show_transcripts: bool = False) -> None:
    for r in results:
        right = r.outcomes - len(r.wrong_outcomes)
        print(f"{r.name:44s} result {'yes' if r.reached else 'no '}  "
              f"{r.questions:3d} questions  outcomes {right}/{r.outcomes} right")  # fmt: skip
        for problem in ([r.error] if r.error else []) + r.problems:
            print(f"    - {problem}")
        if show_transcripts and not r.fully_right:
            print("    " + r.transcript.replace("\n", "\n    "))
    questions = [r.questions for r in results]
    over = [r.name for r in results if r.questions > QUESTION_BUDGET]
    print(f"scripts: {len(results)}")
    print(f"reached the result: {sum(r.reached for r in results)}/{len(results)}")
    wrong = sum(len(r.wrong_outcomes) for r in results)
    expected = sum(r.outcomes for r in results)
    print(f"expected outcomes right: {expected - wrong}/{expected}")
    print(f"fully right (result reached, every expected outcome and fact): "
          f"{sum(r.fully_right for r in results)}/{len(results)}")  # fmt: skip
    if questions:
        print(f"questions, all scripts (a stopped one counts those asked until it stopped): "
              f"median {statistics.median(questions):g}, max {max(questions)}, "
              f"over {QUESTION_BUDGET}: {len(over)}")  # fmt: skip
    for label, group in (("result reached", [r for r in results if r.reached]),
                         ("fully right", [r for r in results if r.fully_right])):  # fmt: skip
        if group:
            counts = [r.questions for r in group]
            print(f"questions, {label} ({len(group)}): median {statistics.median(counts):g}, "
                  f"max {max(counts)}")  # fmt: skip


def opening_as_answer(script: Script) -> Script:
    """The script with its opening typed after the welcome (an answer to the first question)."""
    if script.start is None:
        return script
    steps = [Step(say=script.start), *script.steps]
    return script.model_copy(update={"start": None, "steps": steps})


def main(argv: list[str] | None = None) -> list[Played]:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dir", type=Path, default=CONVERSATIONS)
    parser.add_argument("--transcripts", action="store_true",
                        help="print the last turns of every script not fully right")  # fmt: skip
    parser.add_argument("--opening-as-answer", action="store_true",
                        help="send the opening after the welcome, as an answer")  # fmt: skip
    args = parser.parse_args(argv)
    from nlu.backend import make_backend

    scripts = load_scripts(args.dir)
    if args.opening_as_answer:
        scripts = [opening_as_answer(s) for s in scripts]
    if not scripts:
        raise SystemExit(f"no conversation scripts in {args.dir}")
    with redis_url() as url:
        results = asyncio.run(play_all(url, make_backend("local"), scripts))
    report(results, args.transcripts)
    return results


if __name__ == "__main__":
    main()
