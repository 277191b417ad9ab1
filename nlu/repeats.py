"""A child's fact said again: "两个儿子，大的上大学，小的上初中…娃上大学能不能贷款" states three
school stages of two children; the third repeats the first and is no third child."""

from __future__ import annotations

from typing import TYPE_CHECKING

from nlu.mentions import CHILD, Mention

if TYPE_CHECKING:
    from nlu.facts import Fact

# the words that name the speaker's children (孩子/娃 of unsaid sex, 儿子, 闺女)
CHILD_WORDS = frozenset({CHILD, "son", "daughter"})


def without_repeats(facts: list[Fact], members: list[Mention], size: int | None) -> list[Fact]:
    """Facts about the children beyond their number, that repeat what was said of one of
    them before (the same fact, the same value), are dropped. `members`: those the text
    names as living in the household, each once (nlu.facts.Reading.members)."""
    about_children = [f for f in facts if f.who in CHILD_WORDS]
    children = _children(members, size)
    if children is None or len(about_children) <= children:
        return facts
    said: set[tuple[str, str]] = set()
    repeats: set[int] = set()
    for fact in sorted(about_children, key=lambda f: f.start):
        if (fact.name, repr(fact.value)) in said:
            repeats.add(id(fact))
        said.add((fact.name, repr(fact.value)))
    return [f for f in facts if id(f) not in repeats]


def _children(members: list[Mention], size: int | None) -> int | None:
    """How many children: the size said less the speaker and the others named, else as
    many as counted (None when none is)."""
    theirs = [m.count for m in members if m.relation in CHILD_WORDS]
    if size is not None:
        return max(size - 1 - sum(m.count for m in members if m.relation not in CHILD_WORDS), 0)
    return sum(theirs) or None
