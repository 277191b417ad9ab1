"""Turning clause verdicts into an item outcome: the one place that decides what wins."""

from __future__ import annotations

from guides.ids import Outcome
from guides.screening.result import CheckResult, CheckStatus

# When an item can be reached in several ways (variants), the best outcome is reported.
OUTCOME_RANK: dict[Outcome, int] = {
    Outcome.LIKELY: 3,
    Outcome.POSSIBLE: 2,
    Outcome.NEED_INFO: 1,
    Outcome.UNLIKELY: 0,
}


def outcome_of(checks: list[CheckResult]) -> Outcome:
    """Any unmet clause rules the item out; else a missing fact leaves it open; else any clause
    only the department can confirm makes it 'possible'; else 'likely'."""
    statuses = {c.status for c in checks}
    if CheckStatus.UNMET in statuses:
        return Outcome.UNLIKELY
    if CheckStatus.UNKNOWN in statuses:
        return Outcome.NEED_INFO
    if CheckStatus.UNCERTAIN in statuses:
        return Outcome.POSSIBLE
    return Outcome.LIKELY


def missing_facts_of(checks: list[CheckResult], outcome: Outcome) -> tuple[str, ...]:
    """Only an open item has missing facts: a ruled-out item needs no more questions. A clause
    marked `ask_first` is asked before the other unknown clauses of its way."""
    if outcome != Outcome.NEED_INFO:
        return ()
    unknown = [c for c in checks if c.status == CheckStatus.UNKNOWN]
    first = [c for c in unknown if c.ask_first] or unknown
    return tuple(dict.fromkeys(fact for result in first for fact in result.missing))


def ordered_for_reasons(checks: list[CheckResult]) -> list[CheckResult]:
    """What decided the outcome first: unmet, then unknown, uncertain, met."""
    order = {
        CheckStatus.UNMET: 0,
        CheckStatus.UNKNOWN: 1,
        CheckStatus.UNCERTAIN: 2,
        CheckStatus.MET: 3,
    }
    return sorted(checks, key=lambda c: order[c.status])
