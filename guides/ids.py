"""The glossary ids (docs: ARCHITECTURE.md) as types, shared by code, data and the API."""

from __future__ import annotations

from enum import StrEnum
from typing import Literal


class RegionId(StrEnum):
    GANSU = "gansu"
    NINGXIA = "ningxia"
    SHANXI = "shanxi"
    JINAN_LICHENG = "jinan-licheng"


class ItemId(StrEnum):
    DIBAO = "dibao"
    TEKUN = "tekun"
    DIBAO_EDGE = "dibao_edge"
    RIGID_EXPENSE = "rigid_expense"
    ILLNESS_POVERTY = "illness_poverty"
    LOW_INCOME = "low_income"
    TEMPORARY_AID = "temporary_aid"
    MEDICAL_AID = "medical_aid"
    STUDENT_LOAN = "student_loan"
    PUBLIC_RENTAL_HOUSING = "public_rental_housing"
    RURAL_HOUSING_RENOVATION = "rural_housing_renovation"
    EMPLOYMENT_AID = "employment_aid"
    EMPLOYMENT_DIFFICULTY = "employment_difficulty"
    UNEMPLOYMENT_REGISTRATION = "unemployment_registration"
    ELDERLY_SUBSIDY = "elderly_subsidy"
    RELAPSE_MONITORING = "relapse_monitoring"
    VETERAN_AID = "veteran_aid"


class Outcome(StrEnum):
    LIKELY = "likely"  # 可能符合
    POSSIBLE = "possible"  # 或许符合，需核实
    UNLIKELY = "unlikely"  # 可能不符合
    NEED_INFO = "need_info"  # 还需了解


# The outcomes as module names, for screening's and the question choice's hot paths: on
# Python 3.11 a member read from its class (Outcome.LIKELY) goes through EnumType's
# __getattr__ hook, several times the cost of reading a global. The same objects.
LIKELY, POSSIBLE = Outcome.LIKELY, Outcome.POSSIBLE
UNLIKELY, NEED_INFO = Outcome.UNLIKELY, Outcome.NEED_INFO


OUTCOME_LABELS: dict[Outcome, str] = {
    Outcome.LIKELY: "可能符合",
    Outcome.POSSIBLE: "或许符合，需核实",
    Outcome.UNLIKELY: "可能不符合",
    Outcome.NEED_INFO: "还需了解",
}

REGION_LABELS: dict[RegionId, str] = {
    RegionId.GANSU: "甘肃省",
    RegionId.NINGXIA: "宁夏回族自治区",
    RegionId.SHANXI: "山西省",
    RegionId.JINAN_LICHENG: "山东省济南市历城区",
}

HukouType = Literal["urban", "rural"]
HUKOU_LABELS: dict[HukouType, str] = {"urban": "城镇", "rural": "农村"}
