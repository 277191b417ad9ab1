"""How well the first message is read, on the held-out narratives dialogue/eval/openings.yml
(or `--file dialogue/dev/openings.yml`, the development set).

    python -m dialogue.evaluate_openings [--misses] [--file PATH]

Each narrative is sent as the opening through the real DialogueEngine (local intent
classifier; a stand-in policy answerer records whether a policy answer was given). A narrative
is fully right when the items noted, the route (apply / policy / complaint) and the stored
facts are exactly the expected ones (no fact missing, none extra or wrong). Also prints
fact precision and recall over all narratives.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field

from dialogue.engine import DialogueEngine, IntentParser, PolicyAnswer
from dialogue.evaluate_answers import (
    TODAY,
    count_apart,
    facts_of,
    matches,
    print_unscored,
    unscored_facts,
)
from dialogue.replies import reply_text
from dialogue.state import Session
from guides.ids import ItemId, RegionId
from nlu.mentions import CHILD

EVAL_FILE = Path(__file__).parent / "eval" / "openings.yml"
DEV_FILE = Path(__file__).parent / "dev" / "openings.yml"
Route = Literal["apply", "policy", "complaint"]
_COMPLAINT_MARKS = ("12345", "工单", "投诉")  # the complaint reply; 转人工 is in every hint


class Opening(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    region: RegionId
    text: str
    items: list[ItemId] = Field(default_factory=list)
    facts: dict[str, Any] = Field(default_factory=dict)
    route: Route


def load_openings(path: Path = EVAL_FILE) -> list[Opening]:
    return [Opening(**raw) for raw in yaml.safe_load(path.read_text(encoding="utf-8"))]


def relation_facts(session: Session) -> dict[str, Any]:
    """Stored facts with members named by relation ("spouse.age"); 本人 is "self". Members
    of the same relation with different values give the list of them ("parent.age": [81, 79]);
    a value they share is given once."""
    flat = facts_of(session)
    out: dict[str, Any] = {}
    per_member: dict[str, list[Any]] = {}
    # asked for somebody else: they are the applicant now, named as the speaker named them
    spoken_for = {i: key.partition("#")[0] for key, i in session.speaking_for.items()}
    for key, value in flat.items():
        if value is None or key == "members":
            continue
        parts = key.split(".")
        if parts[0] == "members" and len(parts) == 3:
            index = int(parts[1])
            # a member stored without a relation is a child of unsaid sex ("娃上大学")
            relation = spoken_for.get(index) or session.household.members[index].relation or CHILD
            if parts[2] == "relation":
                continue
            name = CHILD if relation in ("son", "daughter") else relation
            for said in (f"{relation}.{parts[2]}", f"{name}.{parts[2]}"):
                values = per_member.setdefault(said, [])
                if value not in values:
                    values.append(value)
        elif key not in ("region", "consent", "income_is_estimate"):
            out[key] = value
    for said, values in per_member.items():
        out[said] = values[0] if len(values) == 1 else values
    return out


def read_opening(
    engine: DialogueEngine, opening: Opening
) -> tuple[set[str], Route, dict[str, Any]]:
    asked: list[str] = []

    def answerer(text: str, region: RegionId | None, place: str | None) -> PolicyAnswer | None:
        asked.append(text)
        return PolicyAnswer(text="（政策回答）")

    engine.answer_policy = answerer
    session = Session.new("eval", "eval", opening.region)
    replies = engine.open(session, opening.text)
    text = "\n".join(reply_text(r) for r in replies)
    route: Route = (
        "complaint" if any(m in text for m in _COMPLAINT_MARKS) else "policy" if asked else "apply"
    )
    return set(session.items or []), route, relation_facts(session)


def main(argv: list[str] | None = None, nlu: IntentParser | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--misses", action="store_true", help="print what each narrative got wrong")
    parser.add_argument(
        "--file",
        type=Path,
        default=EVAL_FILE,
        help="the held-out set (default; never looked at case by case) or dialogue/dev/openings.yml",
    )
    args = parser.parse_args(argv)
    if nlu is None:
        from nlu.backend import make_backend

        nlu = make_backend("local")
    engine = DialogueEngine(nlu, today=lambda: TODAY)
    openings = load_openings(args.file)
    fully = items_ok = routes_ok = right = stored = expected = 0
    unscored = unscored_facts(key for opening in openings for key in opening.facts)
    apart: dict[str, int] = {}
    for opening in openings:
        items, route, got = read_opening(engine, opening)
        wanted = opening.facts
        good = {k for k, v in wanted.items() if k in got and matches(v, got[k])}
        got = count_apart(got, unscored, apart)
        # a stored fact counts once: under its exact relation, or its son/daughter alias
        extra = {
            k: v
            for k, v in got.items()
            if k not in wanted and not k.startswith("child.") and not _aliased(k, wanted)
        }
        right += len(good)
        expected += len(wanted)
        stored += len(good) + len(extra) + len([k for k in wanted if k in got and k not in good])
        item_ok = {str(i) for i in items} == {str(i) for i in opening.items}
        items_ok += item_ok
        routes_ok += route == opening.route
        ok = item_ok and route == opening.route and len(good) == len(wanted) and not extra
        fully += ok
        if args.misses and not ok:
            print(f"- {opening.text[:40]}…")
            print(
                f"    items {sorted(map(str, items))} want {sorted(map(str, opening.items))}; route {route} want {opening.route}"
            )
            print(
                f"    missed { ({k: v for k, v in wanted.items() if k not in good}) }  extra {extra}"
            )
    print(f"openings: {len(openings)} narratives")
    print(
        f"fully right: {fully}/{len(openings)}   items right: {items_ok}   routes right: {routes_ok}"
    )
    print(f"fact precision: {right / stored if stored else 1:.1%} ({right}/{stored})")
    print(f"fact recall:    {right / expected if expected else 1:.1%} ({right}/{expected})")
    print_unscored(apart)
    return fully


def _aliased(key: str, wanted: dict[str, Any]) -> bool:
    """ "son.age" stored while "child.age" is expected (or the reverse) is the same fact."""
    relation, _, name = key.partition(".")
    return relation in ("son", "daughter") and f"child.{name}" in wanted


if __name__ == "__main__":
    main()
