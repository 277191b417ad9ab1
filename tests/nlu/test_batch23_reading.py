"""Openings of the outside-written dev batch openings_21 (the wording here is mine): a standing
the household says it does not have (不是低保户) is neither received nor asked for."""

from __future__ import annotations

import datetime as dt

from nlu.facts import read_facts
from tests.nlu.reading import opening_facts

TODAY = dt.date(2026, 12, 5)


def test_a_standing_said_not_to_be_held_is_neither_received_nor_asked_for() -> None:
    said = "俺们家不是低保户，家里出了事能不能申请临时救助"
    assert not any(name == "already_receives" for name, _, _ in opening_facts(said, TODAY))
    assert [str(i) for i in read_facts(said, TODAY, opening=True).items] == ["temporary_aid"]
    said = "孙女考上大学了，想办助学贷款，俺家既不是低保户也不是低收入户，能贷吗"
    assert [str(i) for i in read_facts(said, TODAY, opening=True).items] == ["student_loan"]


def test_a_standing_held_is_still_received_and_not_asked_for() -> None:
    said = "俺们家是低保户，家里出了事能不能申请临时救助"
    assert ("already_receives", ("dibao",), None) in opening_facts(said, TODAY)
    assert [str(i) for i in read_facts(said, TODAY, opening=True).items] == ["temporary_aid"]
