"""The shared field enumerations (seed 004 表格说明): id -> Chinese label, with their source."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from guides.sources import SourceRef
from guides.yamlio import load_model

DATA = Path(__file__).parent / "data" / "enums.yml"


class Enumeration(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    source: SourceRef
    values: dict[str, str]

    def label(self, value_id: str | None) -> str:
        return "" if value_id is None else self.values.get(value_id, value_id)

    def id_for_label(self, label: str) -> str | None:
        for value_id, text in self.values.items():
            if text == label:
                return value_id
        return None


class Enumerations(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    labour_ability: Enumeration
    health: Enumeration
    marital_status: Enumeration
    education: Enumeration
    study_status: Enumeration
    employment: Enumeration
    serious_illness_kind: Enumeration
    disability_kind: Enumeration
    relation: Enumeration
    house_nature: Enumeration
    house_source: Enumeration

    def get(self, field: str) -> Enumeration:
        enumeration = getattr(self, field, None)
        if not isinstance(enumeration, Enumeration):
            raise KeyError(field)
        return enumeration


@cache
def enumerations() -> Enumerations:
    return load_model(DATA, Enumerations)
