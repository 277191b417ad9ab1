"""Which facts to ask for 特困 while it is open (issue 11, decide under uncertainty).

A member is ruled out as soon as one of 第四条's conditions fails, so each open member has
several ways to be decided (a route: one condition's missing facts). The facts asked are those
of the routes that settle several members at once, else every route of each member.
"""

from __future__ import annotations

from functools import lru_cache

HOUSEHOLD_FACTS = ("hukou_type", "already_receives")


def _indexed(fact: str, index: int) -> str:
    """A member's own fact with the member's index; a parent's facts, asked for a minor, are
    the parent's own (already indexed); the household's as they are."""
    if fact in HOUSEHOLD_FACTS or fact.startswith("members."):
        return fact
    return f"members.{index}.{fact}"


# Asked of the family, these rule nobody out alone ("有" is followed by whether they can
# support): a member's own facts or a supporter's age decide sooner
WEAK_FACTS = ("has_legal_supporter", "has_capable_supporter")


def _cost(fact: str) -> int:
    return 2 if fact.rsplit(".", 1)[-1] in WEAK_FACTS else 1


def deciding_facts(open_: list[tuple[int, list[tuple[str, ...]]]]) -> list[str]:
    """Decide under uncertainty (issue 11): a member is ruled out as soon as one condition
    fails. When the facts of one condition would decide several open members at once, fewer
    facts than members (a father's age settles his own 特困 and, if he can support them, his
    wife's, his children's and his mother's), those are what is asked, greedily by members
    settled per fact; every other open member's facts are all asked, so that a 不知道 to one
    leaves the others."""
    # a pure function of the routes, which stay the same over most turns of a conversation
    # (and in every screening of the question choice's trials): worked out once per routes
    return list(_deciding(tuple((i, tuple(rs)) for i, rs in open_)))


@lru_cache(maxsize=1024)
def _deciding(open_: tuple[tuple[int, tuple[tuple[str, ...], ...]], ...]) -> tuple[str, ...]:
    routes = {i: [tuple(_indexed(f, i) for f in r) for r in rs] for i, rs in open_}
    chosen: dict[str, None] = {}
    uncovered = [i for i, _ in open_]

    def settled(index: int, facts: set[str]) -> bool:
        return any(set(r) <= facts for r in routes[index])

    while True:
        best: tuple[str, ...] = ()
        best_score = (0.0, 1)
        for i in uncovered:
            for r in routes[i]:
                have = set(chosen) | set(r)
                gain = sum(settled(k, have) for k in uncovered)
                new = sum(_cost(f) for f in r if f not in chosen)
                score = (gain / max(new, 1), gain)
                # shared, and cheaper than asking each member's own facts (one or more each)
                if gain > new and score > best_score:
                    best, best_score = r, score
        if not best:
            break
        chosen.update(dict.fromkeys(best))
        uncovered = [k for k in uncovered if not settled(k, set(chosen))]
    for i in uncovered:
        chosen.update(dict.fromkeys(f for r in routes[i] for f in r))
    return tuple(chosen)
