"""Fact-level precision and recall of answers, on the held-out set
dialogue/eval/answers_heldout.yml (or `--file dialogue/dev/answers.yml`, the development set).

    python -m dialogue.evaluate_answers [--misses]

Each utterance is sent through the real DialogueEngine (local intent classifier) with its
question pending; the facts it stored are the household values (and 不知道 marks, consent)
that changed. A stored fact is right when its key is expected with that value (an estimate
may fall anywhere in the expected "A..B" range). Precision = right / stored, recall = right /
expected. Prints per-question misses with --misses.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict

from dialogue.apply import IMPLIED
from dialogue.engine import DialogueEngine, IntentParser
from dialogue.state import Pending, Session, resize_members
from guides.ids import RegionId

EVAL_FILE = Path(__file__).parent / "eval" / "answers_heldout.yml"
DEV_FILE = Path(__file__).parent / "dev" / "answers.yml"
TODAY = dt.date(2025, 6, 1)
HOUSEHOLD_RELATIONS = ["self", "spouse", "son", "grandchild"]
_RELATION_OPEN_FOR = {"member_relation"}  # cases that ask a relation: that member's is open


class AnswerCase(BaseModel):
    model_config = ConfigDict(frozen=True)

    question: str
    member: int | None
    text: str
    facts: dict[str, Any]
    blank: bool = False


def load_cases(path: Path = EVAL_FILE) -> list[AnswerCase]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    cases = []
    for group, blank in (("blank", True), ("cases", False)):
        for question, member, text, facts in raw[group]:
            cases.append(
                AnswerCase(
                    question=question, member=member, text=str(text), facts=facts, blank=blank
                )
            )
    return cases


def _session(case: AnswerCase) -> Session:
    session = Session.new("eval", "eval", RegionId.GANSU)
    if not case.blank:
        household = session.household
        household.size = len(HOUSEHOLD_RELATIONS)
        resize_members(household, household.size)
        for member, relation in zip(household.members, HOUSEHOLD_RELATIONS, strict=True):
            member.relation = relation  # type: ignore[assignment]
        if case.question in _RELATION_OPEN_FOR and case.member is not None:
            household.members[case.member].relation = None
        session.members_closed = True
    session.pending = Pending(question_id=case.question, member=case.member)
    return session


def _flat(value: Any, prefix: str, out: dict[str, Any]) -> None:
    if prefix == "assets.houses" and isinstance(value, list):
        out[prefix] = len(value)
    elif prefix == "assets.vehicles" and isinstance(value, list):
        out[prefix] = bool(value)
    elif isinstance(value, dict):
        for key, inner in value.items():
            _flat(inner, f"{prefix}.{key}" if prefix else key, out)
    elif isinstance(value, list) and value and isinstance(value[0], dict):
        for index, inner in enumerate(value):
            _flat(inner, f"{prefix}.{index}", out)
    else:
        out[prefix] = value


def facts_of(session: Session) -> dict[str, Any]:
    out: dict[str, Any] = {}
    # members_complete is the conversation's bookkeeping (the size not said yet), not a fact
    _flat(session.household.model_dump(mode="json", exclude={"members_complete"}), "", out)
    for key in session.unknown:
        out[key] = "unknown"
    out["consent"] = session.consent
    return out


def stored_facts(engine: DialogueEngine, case: AnswerCase) -> dict[str, Any]:
    session = _session(case)
    before = facts_of(session)
    engine.turn(session, text=case.text)
    after = facts_of(session)
    changed = {k: v for k, v in after.items() if v is not None and before.get(k) != v}
    if changed.get("members.0.relation") == "self" and "members.0.relation" not in case.facts:
        del changed["members.0.relation"]  # the applicant, implied by any household
    if changed.get("income_is_estimate") is False:
        del changed["income_is_estimate"]
    for (name, value), (key, implied) in IMPLIED.items():  # follows from a fact, not said
        if changed.get(name) == value and changed.get(key) == implied and key not in case.facts:
            del changed[key]
    return changed


def matches(expected: Any, got: Any) -> bool:
    if isinstance(expected, str) and ".." in expected:
        low, high = (float(x) for x in expected.split(".."))
        return isinstance(got, int | float) and not isinstance(got, bool) and low <= got <= high
    if isinstance(expected, list) and isinstance(got, list):
        return sorted(map(str, expected)) == sorted(map(str, got))
    if isinstance(expected, bool) or isinstance(got, bool):
        return expected is got
    if isinstance(expected, int | float) and isinstance(got, int | float):
        return float(expected) == float(got)
    return str(expected) == str(got)


# Facts the reader learnt after some sets were written (name: since when). A set that never
# labels one is not scored on it: what is stored of it is counted apart.
FACTS_READ_SINCE = {
    "disability_kind": "2026-12-05",
    "monthly_income": "2026-12-05",
    "is_new_admission": "2026-12-05",
    "total_floor_area": "2026-12-06",  # read in openings since then (asked as a question before)
    "employment": "2026-12-06",
    "in_law": "2026-12-06",  # a relative by marriage (儿媳, 女婿), noted since then
    "current_housing": "2026-12-06",  # renting now (租房住), read in openings since then
    "marital_status": "2026-12-07",  # never married, widowed (特困's 法定义务人)
}


def unscored_facts(labelled_keys: Iterable[str]) -> set[str]:
    labelled = {key.rpartition(".")[2] for key in labelled_keys}
    return {name for name in FACTS_READ_SINCE if name not in labelled}


def count_apart(got: dict[str, Any], unscored: set[str], counts: dict[str, int]) -> dict[str, Any]:
    """`got` without the unscored facts, which are added to `counts` by name."""
    kept = {}
    for key, value in got.items():
        name = key.rpartition(".")[2]
        if name in unscored:
            counts[name] = counts.get(name, 0) + 1
        else:
            kept[key] = value
    return kept


def print_unscored(counts: dict[str, int]) -> None:
    if counts:
        kinds = ", ".join(f"{name} {count}" for name, count in sorted(counts.items()))
        print(f"stored facts of kinds this set never labels (not scored): {kinds}")


def main(argv: list[str] | None = None, nlu: IntentParser | None = None) -> tuple[float, float]:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--misses", action="store_true", help="print every wrong or missed fact")
    parser.add_argument(
        "--file",
        type=Path,
        default=EVAL_FILE,
        help="the held-out set (default; never looked at case by case) or dialogue/dev/answers.yml",
    )
    args = parser.parse_args(argv)
    if nlu is None:
        from nlu.backend import make_backend

        nlu = make_backend("local")
    engine = DialogueEngine(nlu, today=lambda: TODAY)
    cases = load_cases(args.file)
    right = stored = expected = exact = 0
    unscored = unscored_facts(key for case in cases for key in case.facts)
    apart: dict[str, int] = {}
    for case in cases:
        got = count_apart(stored_facts(engine, case), unscored, apart)
        good = {k for k, v in got.items() if k in case.facts and matches(case.facts[k], v)}
        right += len(good)
        stored += len(got)
        expected += len(case.facts)
        exact += good == set(case.facts) and len(got) == len(good)
        if args.misses and (len(good) != len(got) or len(good) != len(case.facts)):
            wrong = {k: v for k, v in got.items() if k not in good}
            missed = {k: v for k, v in case.facts.items() if k not in good}
            print(f"[{case.question}] {case.text}\n    wrong: {wrong}\n    missed: {missed}")
    precision = right / stored if stored else 1.0
    recall = right / expected if expected else 1.0
    print(f"answers: {len(cases)} utterances, {expected} expected facts, {stored} stored")
    print(f"fact precision: {precision:.1%} ({right}/{stored})   aim >= 98%")
    print(f"fact recall:    {recall:.1%} ({right}/{expected})   aim >= 90%")
    print(f"utterances fully right: {exact}/{len(cases)}")
    print_unscored(apart)
    return precision, recall


if __name__ == "__main__":
    main()
