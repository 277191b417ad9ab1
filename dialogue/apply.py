"""Putting answers into the household, and taking them back ("go back", corrections).

Every applied answer leaves an AnswerRecord with the values it replaced, so undoing it is
exact. Values stored in the record are JSON-safe (the session is JSON in Redis).
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from pydantic_core import to_jsonable_python

from dialogue.answers import DONT_KNOW, Answer, Value
from dialogue.opening_relatives import placed_by_the_size
from dialogue.questions import Question
from dialogue.state import (
    AnswerRecord,
    Session,
    get_fact,
    member_key,
    member_of_key,
    resize_members,
    set_fact,
)
from guides.household import House, Member, Vehicle

ESTIMATE_FACTS = {"monthly_income_total", "members.monthly_income"}
AGE_FACT = "members.age"


def keys_of(question: Question, member: int | None) -> list[str]:
    if member is None:
        return list(question.fills)
    return [member_key(name, member) for name in question.fills]


def _all_member_keys(session: Session, question: Question) -> list[str]:
    """A household-wide question about a member fact: that fact of every member."""
    count = len(session.household.members)
    return [member_key(name, i) for name in question.fills for i in range(count)]


def _snapshot(session: Session, keys: list[str]) -> dict[str, Any]:
    return {key: to_jsonable_python(get_fact(session.household, key)) for key in keys}


def _record(
    session: Session, question_id: str, member: int | None, keys: list[str]
) -> AnswerRecord:
    return AnswerRecord(
        question_id=question_id,
        member=member,
        keys=keys,
        before=_snapshot(session, keys),
        unknown_before=[k for k in keys if session.is_unknown(k)],
        estimate_before=session.household.income_is_estimate,
        members_before=len(session.household.members),
    )


def converted(name: str, value: Any) -> Any:
    """A said value as the household stores it (a house count -> that many houses)."""
    if name == "assets.houses" and isinstance(value, int):
        return [House() for _ in range(value)]
    if name == "assets.vehicles" and isinstance(value, bool):
        return [Vehicle(kind="car")] if value else []
    return value


def _apply_all_members(session: Session, question: Question, answer: Answer) -> bool:
    """A household-wide question: "没有" settles the fact for every member still open."""
    assert question.all_members is not None
    keys = _all_member_keys(session, question)
    if isinstance(answer, Value) and answer.only:  # "都不找工作": the job only
        keys = [k for k in keys if any(k.endswith("." + f.partition(".")[2]) for f in answer.only)]
    record = _record(session, question.id, None, keys)
    if isinstance(answer, Value) and answer.value is False and "no" in question.all_members:
        for key in keys:
            if get_fact(session.household, key) is None and not session.is_unknown(key):
                set_fact(session.household, key, question.all_members["no"])
    session.history.append(record)
    return True


def everyone_else_no(
    session: Session, question: Question, said_of: list[str]
) -> list[tuple[str, Any]]:
    """ "…，别人都没有" after the members named got their yes (the keys `said_of`): the
    household-wide no for every other member still open ("儿子想找活，别人都不想": not the son's
    training). Returns the keys set, with their values before."""
    if question.all_members is None or "no" not in question.all_members:
        return []
    named = {member_of_key(key) for key in said_of}
    changed: list[tuple[str, Any]] = []
    for key in _all_member_keys(session, question):
        if member_of_key(key) in named:
            continue
        if get_fact(session.household, key) is None and not session.is_unknown(key):
            set_fact(session.household, key, question.all_members["no"])
            changed.append((key, None))
    return changed


def apply_answer(session: Session, question: Question, member: int | None, answer: Answer) -> bool:
    """Apply an answer; False when the household rejects the value (re-ask)."""
    if question.all_members is not None:
        return _apply_all_members(session, question, answer)
    keys = keys_of(question, member)
    extra_keys = (  # the member facts said with the answer (birth date, disability grade)
        [member_key(f"members.{name}", member) for name in answer.extra]
        if member is not None and isinstance(answer, Value)
        else []
    )
    record = _record(session, question.id, member, keys + extra_keys)
    household = session.household
    if answer is DONT_KNOW:
        for key in keys:
            set_fact(household, key, None)
            session.mark_unknown(key)
        if "size" in question.fills and not household.members:
            resize_members(household, 1)  # the member loop asks about the others
    else:
        assert isinstance(answer, Value)
        try:
            for name, key in zip(question.fills, keys, strict=True):
                set_fact(household, key, converted(name, answer.value))
                session.clear_unknown(key)
            for name, value in answer.extra.items():
                if member is not None:
                    set_fact(household, member_key(f"members.{name}", member), value)
        except (ValidationError, ValueError):
            restore(session, record)
            return False
        if any(name in ESTIMATE_FACTS for name in question.fills) and answer.is_estimate:
            household.income_is_estimate = True
        if question.fills == [AGE_FACT] and member is not None:
            session.note_age_estimate(keys[0], answer.is_estimate)  # "快七十"
        if "size" in question.fills and household.size is not None:
            resize_members(household, household.size)
    session.history.append(record)
    if isinstance(answer, Value):
        extend_last(session, _implied(session, question, answer.value))
    if "size" in question.fills:
        extend_last(session, placed_by_the_size(session))  # "带着两个孙子过", then 四口
    return True


# An answer that settles another fact as well: no house in the household's name means it has
# no home of its own (本地无住房 is then known, and not asked).
IMPLIED: dict[tuple[str, Any], tuple[str, Any]] = {
    ("assets.houses", 0): ("housing.has_own_housing", False),
    # "自己的" to 现在住的是什么房子: a home of their own
    ("housing.current_housing", "own_private"): ("housing.has_own_housing", True),
}


def _implied(session: Session, question: Question, value: Any) -> list[tuple[str, Any]]:
    if not isinstance(value, int | float | str | bool):
        return []
    changed = []
    for name in question.fills:
        implied = IMPLIED.get((name, value))
        if implied is None:
            continue
        key, implied_value = implied
        if get_fact(session.household, key) is None and not session.is_unknown(key):
            set_fact(session.household, key, implied_value)
            changed.append((key, None))
    return changed


def skip(session: Session, question: Question, member: int | None) -> None:
    household_wide = question.all_members is not None and member is None
    keys = _all_member_keys(session, question) if household_wide else keys_of(question, member)
    session.history.append(_record(session, question.id, member, keys))
    for key in keys:
        session.mark_unknown(key)


def restore(session: Session, record: AnswerRecord) -> None:
    household = session.household
    if record.members_before is not None and record.members_before != len(household.members):
        members = list(household.members)[: record.members_before]
        while len(members) < record.members_before:
            members.append(Member())
        household.members = members
    for key, value in record.before.items():
        if get_fact(household, key.rsplit(".", 1)[0]) is None and "." in key:
            continue  # the member it belonged to is gone
        set_fact(household, key, value)
    for key in record.keys:
        if key in record.unknown_before:
            session.mark_unknown(key)
        else:
            session.clear_unknown(key)
    household.income_is_estimate = record.estimate_before


def go_back(session: Session) -> AnswerRecord | None:
    """Undo the last answer; returns its record (its question is asked again)."""
    if not session.history:
        return None
    record = session.history.pop()
    restore(session, record)
    if record.question_id == "member_more":
        session.members_closed = False
    return record


def member_more(session: Session, more: bool) -> None:
    household = session.household
    record = AnswerRecord(
        question_id="member_more",
        member=None,
        keys=["size"],
        before=_snapshot(session, ["size"]),
        unknown_before=[k for k in ["size"] if session.is_unknown(k)],
        estimate_before=household.income_is_estimate,
        members_before=len(household.members),
    )
    if more:
        household.members = [*household.members, Member()]
    else:
        session.members_closed = True
    session.history.append(record)


def extend_last(session: Session, changes: list[tuple[str, Any]]) -> None:
    """More keys the last answer changed (facts it stated about other topics), with the
    values they had, so "go back" undoes them too."""
    if not changes or not session.history:
        return
    record = session.history[-1]
    for key, before in changes:
        if key not in record.keys:
            record.keys.append(key)
            record.before[key] = to_jsonable_python(before)


def record_for(
    session: Session, question_id: str, member: int | None, keys: list[str]
) -> AnswerRecord:
    """A record of `keys` as they are now, to append once they are changed."""
    return _record(session, question_id, member, keys)
