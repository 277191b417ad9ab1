"""dialogue.screened: a session is screened again only when a fact, the date or the parameters
changed, and the kept result is the one screening gives."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from dialogue.screened import Screenings
from guides.household import Household, Member
from guides.params import parameters as file_parameters
from guides.params import use_source
from guides.screening.engine import screen
from guides.screening.result import ScreeningResult
from tests.dialogue.sessions import elder_alone

ON = dt.date(2026, 6, 1)


def test_the_same_facts_are_screened_once_and_a_change_screens_again() -> None:
    screenings = Screenings()
    session = elder_alone("s-1")
    first = screenings.of(session, ON)
    assert first == screen(session.household, on=ON)
    session.unknown.append("assets.deposits")  # 不知道: no household fact changed
    assert screenings.of(session, ON) is first
    session.household.monthly_income_total = 300
    changed = screenings.of(session, ON)
    assert changed is not first and changed == screen(session.household, on=ON)
    assert changed.per_capita_income == 300
    later = screenings.of(session, ON + dt.timedelta(days=400))
    assert later is not changed and later.on == ON + dt.timedelta(days=400)


def test_ages_taken_on_the_screening_date_and_new_parameters_screen_again() -> None:
    screenings = Screenings()
    session = elder_alone("s-2")
    derived = Member(relation="self", birth_date=dt.date(1966, 9, 1))  # its age taken today
    session.household.members = [derived]
    first = screenings.of(session, ON)  # screened as 59, on ON
    # The same JSON read back from Redis: the age is stored now, no longer taken on ON.
    stored = Member(relation="self", birth_date=derived.birth_date, age=derived.age)
    assert stored.model_dump_json() == derived.model_dump_json()
    session.household.members = [stored]
    again = screenings.of(session, ON)
    assert again is not first and again == screen(session.household, on=ON)
    fresh = file_parameters.__wrapped__()  # new parameters published (a new object)
    use_source(lambda: fresh)
    try:
        assert screenings.of(session, ON) is not again
    finally:
        use_source(None)


def test_only_the_latest_results_are_kept() -> None:
    screenings = Screenings(size=2)
    sessions = [elder_alone(f"s-{n}") for n in range(3)]
    for n, session in enumerate(sessions):
        session.household.monthly_income_total = 100 * n  # three households
    first = screenings.of(sessions[0], ON)
    for session in sessions[1:]:
        screenings.of(session, ON)
    assert screenings.of(sessions[0], ON) is not first  # pushed out by the two after it


def test_sessions_screened_in_turn_each_keep_their_own_result() -> None:
    """One worker serves many sessions: a result is never handed to another session whose
    facts are different, nor to the same session id once its facts are (a restart)."""
    screenings = Screenings()
    poor, richer = elder_alone("s-a"), elder_alone("s-b")
    poor.household.monthly_income_total = 100
    richer.household.monthly_income_total = 9000
    for _ in range(2):
        for session in (poor, richer):
            assert screenings.of(session, ON) == screen(session.household, on=ON)
    assert screenings.of(poor, ON) is not screenings.of(richer, ON)
    restarted = elder_alone("s-a")  # same id, the facts start again
    assert screenings.of(restarted, ON).per_capita_income is None


def test_a_result_without_detail_serves_only_the_question_choice() -> None:
    screenings = Screenings()
    session = elder_alone("s-c")
    brief = screenings.of(session, ON, detail=False)
    assert all(i.reasons == () for i in brief.items)
    full = screenings.of(session, ON)  # the result shown: screened again, with its reasons
    assert full == screen(session.household, on=ON) and any(i.reasons for i in full.items)
    assert [(i.outcome, i.missing_facts) for i in full.items] == [
        (i.outcome, i.missing_facts) for i in brief.items
    ]
    assert screenings.of(session, ON, detail=False) is full  # a full result serves both


def test_sessions_with_the_same_facts_share_one_screening(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every conversation starts from a region and a size: a second session whose household is
    the same gets the first one's result, not a screening of its own; a finished questionnaire
    (whose result leaves to the office what it verifies) is screened on its own."""
    import dialogue.screened

    screened: list[Household] = []

    def counted(household: Household, **kwargs: Any) -> ScreeningResult:
        screened.append(household)
        return screen(household, **kwargs)

    monkeypatch.setattr(dialogue.screened, "screen", counted)
    screenings = Screenings()
    first, second = elder_alone("s-x"), elder_alone("s-y")
    result = screenings.of(first, ON, detail=False)
    assert screenings.of(second, ON, detail=False) is result
    assert len(screened) == 1
    second.status = "done"
    finished = screenings.of(second, ON, detail=False)
    assert finished == screen(second.household, on=ON, detail=False, final=True)
    assert len(screened) == 2
