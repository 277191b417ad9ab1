"""Turning clause verdicts into an item outcome: the one place that decides what wins."""

from __future__ import annotations

from guides.ids import LIKELY, NEED_INFO, POSSIBLE, UNLIKELY, Outcome
from guides.screening.result import MET, UNCERTAIN, UNKNOWN, UNMET, CheckResult

# When an item can be reached in several ways (variants), the best outcome is reported.
OUTCOME_RANK: dict[Outcome, int] = {
    LIKELY: 3,
    POSSIBLE: 2,
    NEED_INFO: 1,
    UNLIKELY: 0,
}


def outcome_of(checks: list[CheckResult]) -> Outcome:
    """Any unmet clause rules the item out; else a missing fact leaves it open; else any clause
    only the department can confirm makes it 'possible'; else 'likely'."""
    statuses = {c.status for c in checks}
    if UNMET in statuses:
        return UNLIKELY
    if UNKNOWN in statuses:
        return NEED_INFO
    if UNCERTAIN in statuses:
        return POSSIBLE
    return LIKELY


def missing_facts_of(checks: list[CheckResult], outcome: Outcome) -> tuple[str, ...]:
    """Only an open item has missing facts: a ruled-out item needs no more questions. A clause
    marked `ask_first` is asked before the other unknown clauses of its way."""
    if outcome != NEED_INFO:
        return ()
    unknown = [c for c in checks if c.status == UNKNOWN]
    first = [c for c in unknown if c.ask_first] or unknown
    return tuple(dict.fromkeys(fact for result in first for fact in result.missing))


def ordered_for_reasons(checks: list[CheckResult]) -> list[CheckResult]:
    """What decided the outcome first: unmet, then unknown, uncertain, met."""
    order = {
        UNMET: 0,
        UNKNOWN: 1,
        UNCERTAIN: 2,
        MET: 3,
    }
    return sorted(checks, key=lambda c: order[c.status])
