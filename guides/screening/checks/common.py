"""Small helpers shared by the check families: verdict constructors and member scans."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial

from guides.household import Member
from guides.params import ResolvedParameter
from guides.screening.context import Context
from guides.screening.result import MET, UNCERTAIN, UNKNOWN, UNMET, CheckResult, CheckStatus

Params = tuple[ResolvedParameter, ...]
# A member test: True / False, or None with the member facts (without "members.") it needs.
MemberTest = Callable[[Member], tuple[bool | None, tuple[str, ...]]]


# The constructors below pass CheckResult's fields by position (check, status, reason, missing,
# params, is_estimate, citation, ask_first): a call by keyword costs about twice as much, and a
# screening makes some forty verdicts.


def met(check_id: str, reason: str, params: Params = (), estimate: bool = False) -> CheckResult:
    return CheckResult(check_id, MET, reason, (), params, estimate)


def unknown(
    check_id: str,
    reason: str,
    missing: Iterable[str],
    params: Params = (),
    citation: str | None = None,
    ask_first: bool = False,
) -> CheckResult:
    facts = tuple(dict.fromkeys(missing))
    return CheckResult(check_id, UNKNOWN, reason, facts, params, False, citation, ask_first)


def _decided(
    status: CheckStatus,
    check_id: str,
    reason: str,
    params: Params = (),
    estimate: bool = False,
    citation: str | None = None,
) -> CheckResult:
    return CheckResult(check_id, status, reason, (), params, estimate, citation)


# the clause excludes, or (uncertain) the facts sit too near its line to say
unmet = partial(_decided, UNMET)
uncertain = partial(_decided, UNCERTAIN)


def flag(
    ctx_value: bool | None, check_id: str, fact: str, yes: str, no: str, ask: str
) -> CheckResult:
    """A clause that is one yes/no household fact."""
    if ctx_value is None:
        return unknown(check_id, ask, (fact,))
    return met(check_id, yes) if ctx_value else unmet(check_id, no)


def who(member: Member, index: int) -> str:
    """How a reason names a member without personal data: 申请人 / 第2位家庭成员."""
    if member.relation == "self":
        return "申请人"
    return f"第{index + 1}位家庭成员"


def scan_members(
    ctx: Context, test: MemberTest
) -> tuple[list[tuple[int, Member]], tuple[str, ...]]:
    """Members for whom `test` holds, and the member facts still missing for the others.

    No members at all is itself a missing fact ("members")."""
    found: list[tuple[int, Member]] = []
    missing: dict[str, None] = {}
    if not ctx.household.members:
        return [], ("members",)
    for index, member in enumerate(ctx.household.members):
        holds, needs = test(member)
        if holds:
            found.append((index, member))
        elif holds is None:
            for fact in needs:
                missing.setdefault(f"members.{fact}", None)
    return found, tuple(missing)


def names(found: list[tuple[int, Member]]) -> str:
    return "、".join(who(member, index) for index, member in found)
