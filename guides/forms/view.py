"""Everything a form template prints, computed once: values, member rows, ticks, cover sheet."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field

from guides.enums import enumerations
from guides.forms.cover import DISCLAIMER, SIGN_NOTE, Materials, item_names, load_guide, materials
from guides.forms.fields import (
    MEMBER_FIELDS,
    MissingField,
    display,
    household_values,
    member_values,
    missing_fields,
    money,
    parse_items,
    raw_value,
    table_members,
)
from guides.forms.spec import FormSpec, fields_data, form_spec
from guides.household import Household
from guides.ids import REGION_LABELS, ItemId
from guides.schema import Guide
from guides.workdays import due_sentence

log = logging.getLogger(__name__)

CONTINUATION_ROWS = 20  # member rows per 续表 page


@dataclass(frozen=True)
class Tick:
    label: str
    checked: bool

    @property
    def mark(self) -> str:
        return "☑" if self.checked else "☐"


@dataclass
class FormView:
    region: str
    region_name: str
    spec: FormSpec
    on: dt.date
    items: list[ItemId]
    item_names: list[str]
    f: dict[str, str]
    rows: list[dict[str, str]]
    continuation: list[list[dict[str, str]]]
    boxes: dict[str, Tick]
    choices: dict[str, list[Tick]]
    flags: dict[str, bool]
    houses: list[dict[str, str]]
    vehicles: list[dict[str, str]]
    missing: list[MissingField]
    materials: Materials
    warnings: list[str] = field(default_factory=list)
    due: str | None = None  # "如果今天提交，预计在…前有结果（…）"
    disclaimer: str = DISCLAIMER
    sign_note: str = SIGN_NOTE

    def box(self, key: str) -> str:
        tick = self.boxes.get(key)
        return tick.mark if tick else "☐"

    def label(self, key: str) -> str:
        tick = self.boxes.get(key)
        return tick.label if tick else key


def _hukou(household: Household) -> str | None:
    applicant = household.applicant
    if applicant is not None and applicant.hukou_type is not None:
        return applicant.hukou_type
    return household.hukou_type


def _boxes(spec: FormSpec, household: Household, chosen: list[ItemId]) -> dict[str, Tick]:
    hukou = _hukou(household)
    boxes = {}
    for box in spec.checkboxes:
        picked = any(i in chosen for i in box.items)
        checked = picked and (box.hukou is None or box.hukou == hukou)
        boxes[box.key] = Tick(box.label, checked)
    return boxes


def _unticked_warnings(spec: FormSpec, boxes: dict[str, Tick], chosen: list[ItemId]) -> list[str]:
    labels = fields_data().item_labels
    warnings = []
    for item in chosen:
        keys = [b.key for b in spec.checkboxes if item in b.items]
        if not keys:
            warnings.append(f"本表没有“{labels.get(item, item)}”一栏，请在窗口说明要申请这一项。")
        elif not any(boxes[k].checked for k in keys):
            warnings.append(
                f"还不清楚户口是城镇还是农村，“{labels.get(item, item)}”一栏请在窗口勾选。"
            )
    return warnings


def _choices(spec: FormSpec, household: Household) -> dict[str, list[Tick]]:
    out = {}
    for name, choice in spec.choices.items():
        value = raw_value(household, choice.field)
        out[name] = [Tick(o.label, value is not None and value in o.values) for o in choice.options]
    return out


def _flags(household: Household, chosen: list[ItemId]) -> dict[str, bool]:
    size = household.household_size
    applicant = household.applicant
    members = household.members
    return {
        "size_1": size == 1,
        "size_2": size == 2,
        "size_3plus": size is not None and size >= 3,
        "elderly": bool(applicant and applicant.age is not None and applicant.age >= 60),
        "serious_illness": any(m.has_serious_illness for m in members),
        "relative_official_yes": household.relative_is_aid_official is True,
        "relative_official_no": household.relative_is_aid_official is False,
        "applicant_ill_yes": bool(applicant and applicant.has_serious_illness is True),
        "applicant_ill_no": bool(applicant and applicant.has_serious_illness is False),
        "show_unemployment": ItemId.UNEMPLOYMENT_REGISTRATION in chosen,
        "show_difficulty": ItemId.EMPLOYMENT_DIFFICULTY in chosen,
    }


def _houses(household: Household) -> list[dict[str, str]]:
    return [
        {
            "address": h.address or "",
            "floor_area": money(h.floor_area) if h.floor_area is not None else "",
            "nature": display("housing.current_housing", h.nature),
            "source": (h.source and _enum_label("house_source", h.source)) or "",
            "acquired": h.acquired or "",
        }
        for h in household.assets.houses or []
    ]


def _enum_label(name: str, value: str) -> str:
    return enumerations().get(name).label(value)


def _vehicles(household: Household) -> list[dict[str, str]]:
    applicant = household.applicant
    owner = (applicant.name if applicant else None) or ""
    return [
        {
            "owner": owner,
            "kind": v.kind or "",
            "model": v.model or "",
            "plate": v.plate or "",
            "acquired": v.acquired or "",
            "price": money(v.purchase_price) if v.purchase_price is not None else "",
        }
        for v in household.assets.vehicles or []
    ]


def build_view(
    household: Household,
    items: Sequence[ItemId | str],
    on: dt.date | None = None,
    guide: Guide | None = None,
) -> FormView:
    """The template's view of one household's form. Never raises on sparse data."""
    spec = form_spec(household.region)
    chosen, unknown = parse_items(items)
    warnings = [f"不认识的申请事项“{u}”，已忽略。" for u in unknown]
    guide = guide if guide is not None else load_guide(household)
    mats = materials(household, chosen, guide)
    warnings.extend(mats.warnings)
    members = [member_values(m) for m in table_members(household, spec)]
    blank = dict.fromkeys(MEMBER_FIELDS, "")
    first, rest = members[: spec.member_rows], members[spec.member_rows :]
    rows = first + [blank] * (spec.member_rows - len(first))
    continuation = [rest[i : i + CONTINUATION_ROWS] for i in range(0, len(rest), CONTINUATION_ROWS)]
    if continuation:
        warnings.append(f"家庭成员较多，第{spec.member_rows + 1}位起写在后面的续表上。")
    size, listed = household.household_size, len(household.members)
    if size is not None and size > listed:
        warnings.append(f"家里共{size}口人，已登记{listed}人，其余成员请在表上补填。")
    boxes = _boxes(spec, household, chosen)
    warnings.extend(_unticked_warnings(spec, boxes, chosen))
    day = on or dt.date.today()
    if warnings:
        log.info("forms: region=%s rendered with %d warnings", household.region, len(warnings))
    return FormView(
        region=household.region.value,
        region_name=REGION_LABELS[household.region],
        spec=spec,
        on=day,
        items=chosen,
        item_names=item_names(chosen, guide, fields_data().item_labels),
        f=household_values(household),
        rows=rows,
        continuation=continuation,
        boxes=boxes,
        choices=_choices(spec, household),
        flags=_flags(household, chosen),
        houses=_houses(household),
        vehicles=_vehicles(household),
        missing=missing_fields(household, chosen),
        materials=mats,
        warnings=warnings,
        due=due_sentence(day, guide.time_limit) if guide is not None else None,
    )
