"""The forms' data (data/forms.yml, data/fields.yml), validated strictly and loaded once."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from guides.household import HukouType
from guides.ids import ItemId, RegionId
from guides.sources import SourceRef
from guides.yamlio import load_model, read_yaml

DATA = Path(__file__).parent / "data"

Predicate = Literal["has_disability", "has_serious_illness", "is_student"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FieldInfo(_Strict):
    label: str
    where: str


class FieldRef(_Strict):
    """A field the form asks for; `when_items`/`when` restrict when a blank one counts."""

    field: str
    when_items: list[ItemId] = Field(default_factory=list)
    when: Predicate | None = None


class Checkbox(_Strict):
    key: str
    label: str
    items: list[ItemId]
    hukou: HukouType | None = None  # ticked only for this 户口性质 (城市/农村 低保)


class ChoiceOption(_Strict):
    label: str
    values: list[str]


class Choice(_Strict):
    field: str
    options: list[ChoiceOption]


class FormSpec(_Strict):
    title: str
    template: str
    source: SourceRef
    member_rows: int = Field(ge=1, le=30)
    members_include_applicant: bool
    checkboxes: list[Checkbox]
    choices: dict[str, Choice] = Field(default_factory=dict)
    fields: list[FieldRef]

    @field_validator("fields", mode="before")
    @classmethod
    def _shorthand(cls, value: Any) -> Any:
        if isinstance(value, list):
            return [{"field": v} if isinstance(v, str) else v for v in value]
        return value

    def checkbox(self, key: str) -> Checkbox:
        for box in self.checkboxes:
            if box.key == key:
                return box
        raise KeyError(key)


class FieldsData(_Strict):
    source: SourceRef
    fields: dict[str, FieldInfo]
    member_fields: dict[str, FieldInfo]
    hukou_labels: dict[str, str]
    sex_labels: dict[str, str]
    disability_grades: dict[int, str]
    item_labels: dict[ItemId, str]


class FormsData(_Strict):
    forms: dict[RegionId, FormSpec]


@cache
def fields_data() -> FieldsData:
    return load_model(DATA / "fields.yml", FieldsData)


@cache
def forms_data() -> FormsData:
    path = DATA / "forms.yml"
    return load_model(path, FormsData, {"forms": read_yaml(path)})


def form_spec(region: RegionId | str) -> FormSpec:
    return forms_data().forms[RegionId(region)]


def field_info(field_id: str) -> FieldInfo:
    """Label and where-to-get for a field id ("applicant.name", "member.id_number")."""
    data = fields_data()
    if field_id.startswith("member."):
        return data.member_fields[field_id.removeprefix("member.")]
    return data.fields[field_id]
