"""Dated parameters: resolution by date, region and variant; every value sourced and honest."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from guides.errors import GuideDataError, ParameterNotFound
from guides.ids import RegionId
from guides.params import ParameterFile, Parameters, parameters
from guides.yamlio import load_model

PARAMS = parameters()
TODAY = dt.date(2026, 1, 1)

# The agreed parameter vocabulary the screening checks resolve.
AGREED_NAMES = {
    "dibao_standard", "dibao_edge_multiple", "dibao_edge_multiple_max", "rigid_expense_share_min",
    "rigid_expense_share_max", "rigid_expense_share_threshold", "disposable_income_per_capita",
    "tekun_elderly_min_age", "tekun_minor_max_age", "elderly_subsidy_min_age",
    "elderly_subsidy_max_age", "elderly_care_grade_min", "elderly_care_grade_max",
    "housing_min_age", "asset_deposit_months", "max_houses", "housing_area_per_capita_limit",
    "relapse_monitoring_income_line", "gradual_exit_months",
}  # fmt: skip


def config(**entries: Any) -> Parameters:
    """A small parameter file built in the test, to exercise resolution rules precisely."""
    source = {"config": "test", "date": "2026-01-01"}
    history = [
        {"verified": False, "note": "test value", "source": source, **entry}
        for entry in entries["history"]
    ]
    data = {"parameters": {"p": {"description": "测试", "unit": "元", "history": history}}}
    return Parameters(ParameterFile.model_validate(data))


def test_the_file_holds_the_agreed_names() -> None:
    assert set(PARAMS.names()) >= AGREED_NAMES


def test_at_picks_the_newest_value_not_after_the_date() -> None:
    early = PARAMS.at("dibao_standard", "gansu", dt.date(2024, 6, 1), "urban")
    late = PARAMS.at("dibao_standard", "gansu", dt.date(2025, 6, 1), "urban")
    assert early.effective_from < late.effective_from
    assert early.value != late.value
    on_the_day = PARAMS.at("dibao_standard", "gansu", late.effective_from, "urban")
    assert on_the_day.value == late.value
    with pytest.raises(ParameterNotFound):
        PARAMS.at("dibao_standard", "gansu", dt.date(2020, 1, 1), "urban")


def test_at_picks_by_date_in_a_synthetic_history() -> None:
    params = config(
        history=[
            {"effective_from": "2024-01-01", "value": 1},
            {"effective_from": "2025-07-01", "value": 3},
            {"effective_from": "2025-01-01", "value": 2},
        ]
    )
    assert params.at("p", "gansu", dt.date(2024, 12, 31)).value == 1
    assert params.at("p", "gansu", dt.date(2025, 6, 30)).value == 2
    assert params.at("p", "gansu", dt.date(2025, 7, 1)).value == 3


def test_region_value_wins_and_all_is_the_fallback() -> None:
    params = config(
        history=[
            {"effective_from": "2024-01-01", "value": 10},
            {"region": "gansu", "effective_from": "2024-01-01", "value": 20},
            {"region": "gansu", "effective_from": "2024-01-01", "variant": "rural", "value": 30},
        ]
    )
    assert params.at("p", "gansu", TODAY).value == 20
    assert params.at("p", "gansu", TODAY, "rural").value == 30
    assert params.at("p", "gansu", TODAY, "urban").value == 20  # variant falls back to none
    assert params.at("p", "ningxia", TODAY).value == 10
    # In the real file: Gansu's own seed value, the national one elsewhere.
    gansu = PARAMS.at("dibao_edge_multiple", "gansu", TODAY)
    ningxia = PARAMS.at("dibao_edge_multiple", "ningxia", TODAY)
    assert gansu.source.seed == "000_5325beb6545d4553.txt"
    assert ningxia.source.national is not None
    assert gansu.value == ningxia.value == 1.5


def test_unknown_names_and_missing_values_raise() -> None:
    with pytest.raises(ParameterNotFound):
        PARAMS.at("no_such_parameter", "gansu", TODAY)
    with pytest.raises(ParameterNotFound):
        PARAMS.at("elderly_subsidy_min_age", "gansu", TODAY)  # only Licheng's seed sets it


def test_every_region_has_the_standards_screening_needs() -> None:
    for region in RegionId:
        for variant in ("urban", "rural"):
            standard = PARAMS.at("dibao_standard", region.value, TODAY, variant)
            assert standard.value > 0
            # a region-specific value, not a silent national fallback
            own = [
                v
                for v in PARAMS.parameter("dibao_standard").history
                if (v.region, v.variant) == (region.value, variant)
            ]
            assert own and max(own, key=lambda v: v.effective_from).value == standard.value
            income = PARAMS.at("disposable_income_per_capita", region.value, TODAY, variant)
            assert income.value > standard.value * 12


def test_unverified_values_carry_a_note_and_a_caveat() -> None:
    for name in PARAMS.names():
        for value in PARAMS.parameter(name).history:
            if not value.verified:
                assert value.note, name
                assert value.source.config and value.source.date, name
    caveat = PARAMS.at("dibao_standard", "shanxi", TODAY, "urban").caveat()
    assert caveat is not None and "以当地民政部门公布的标准为准" in caveat
    assert PARAMS.at("tekun_elderly_min_age", "shanxi", TODAY).caveat() is None


def test_seeds_give_no_dibao_standard_so_none_is_verified() -> None:
    assert not any(v.verified for v in PARAMS.parameter("dibao_standard").history)
    assert not any(v.verified for v in PARAMS.parameter("disposable_income_per_capita").history)


def test_values_taken_from_the_texts() -> None:
    assert PARAMS.at("tekun_elderly_min_age", "gansu", TODAY).value == 60
    assert PARAMS.at("tekun_minor_max_age", "gansu", TODAY).value == 16
    assert PARAMS.at("elderly_subsidy_min_age", "jinan-licheng", TODAY).value == 60
    assert PARAMS.at("elderly_subsidy_max_age", "jinan-licheng", TODAY).value == 99
    assert PARAMS.at("housing_min_age", "gansu", TODAY).verified
    assert PARAMS.at("rigid_expense_share_min", "gansu", TODAY).value == 60
    assert PARAMS.at("rigid_expense_share_max", "gansu", TODAY).value == 90
    assert PARAMS.at("dibao_edge_multiple_max", "gansu", TODAY).value == 2


def test_an_unverified_value_without_a_note_is_rejected(tmp_path: Path) -> None:
    entry = {
        "effective_from": "2025-01-01",
        "value": 1,
        "verified": False,
        "source": {"config": "x", "date": "2026-01-01"},
    }
    data = {"parameters": {"p": {"description": "测试", "unit": "元", "history": [entry]}}}
    path = tmp_path / "parameters.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(GuideDataError) as info:
        load_model(path, ParameterFile)
    assert info.value.file == "parameters.yml"
    assert info.value.path == "parameters.p.history.0"
    assert "note" in info.value.problem
