"""Form field values: getters over the household (code), labels from the shared enumerations,
and the list of fields still blank with where to find them (labels and hints are data)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from guides.enums import enumerations
from guides.forms.spec import FieldRef, FormSpec, field_info, fields_data, form_spec
from guides.household import Household, Member
from guides.ids import ItemId

HouseholdGetter = Callable[[Household], Any]
MemberGetter = Callable[[Member], Any]


@dataclass(frozen=True)
class MissingField:
    """A blank field the applicant fills in by hand; `who` names the members it concerns."""

    label: str
    where_to_get: str
    who: tuple[str, ...] = ()
    field: str = ""

    @property
    def text(self) -> str:
        return f"{self.label}（{'、'.join(self.who)}）" if self.who else self.label


def _per_capita_area(h: Household) -> float | None:
    area, size = h.housing.total_floor_area, h.household_size
    return None if area is None or not size else area / size


def _houses(h: Household) -> str | None:
    houses = h.assets.houses
    if houses is None:
        return None
    if not houses:
        return "无"
    parts = []
    for house in houses:
        bits = [house.address or "地址待填"]
        if house.floor_area is not None:
            bits.append(f"{money(house.floor_area)}㎡")
        if house.nature:
            bits.append(enumerations().get("house_nature").label(house.nature))
        parts.append("，".join(bits))
    return "；".join(parts)


def _vehicles(h: Household) -> str | None:
    vehicles = h.assets.vehicles
    if vehicles is None:
        return None
    if not vehicles:
        return "无"
    parts = []
    for v in vehicles:
        bits = [x for x in (v.model, v.plate) if x]
        if v.purchase_price is not None:
            bits.append(f"购买金额{money(v.purchase_price)}元")
        parts.append(" ".join(bits) or "车辆信息待填")
    return "；".join(parts)


EXPENSE_LABELS = {
    "medical": "医疗",
    "education": "教育",
    "disability_rehabilitation": "残疾康复",
    "other": "其他",
}


def _expenses(h: Household) -> str | None:
    e = h.expenses_12m
    if e.total() is None:
        return None
    parts = [
        f"{label}{money(getattr(e, name))}元"
        for name, label in EXPENSE_LABELS.items()
        if getattr(e, name)
    ]
    return "；".join(parts) or "无"


ASSET_LABELS = {
    "deposits": "银行存款",
    "securities": "有价证券",
    "claims": "债权",
    "commercial_insurance": "商业保险",
}


def _assets(h: Household) -> str | None:
    a = h.assets
    known = [(label, getattr(a, name)) for name, label in ASSET_LABELS.items()]
    if all(v is None for _, v in known) and a.other is None:
        return None
    parts = [f"{label}{money(v)}元" for label, v in known if v]
    if a.other:
        parts.append(a.other)
    return "；".join(parts) or "无"


HOUSEHOLD_FIELDS: dict[str, HouseholdGetter] = {
    "assets.summary": _assets,
    "household.phone": lambda h: h.phone,
    "household.hukou_address": lambda h: h.hukou_address,
    "household.residence_address": lambda h: h.residence_address,
    "household.size": lambda h: h.household_size,
    "household.monthly_income": lambda h: h.monthly_income,
    "household.per_capita_income": lambda h: h.per_capita_monthly_income,
    "household.bank_name": lambda h: h.bank_name,
    "household.bank_account": lambda h: h.bank_account,
    "household.application_reason": lambda h: h.application_reason,
    "household.relative_is_aid_official": lambda h: h.relative_is_aid_official,
    "assets.deposits": lambda h: h.assets.deposits,
    "assets.securities": lambda h: h.assets.securities,
    "assets.claims": lambda h: h.assets.claims,
    "assets.commercial_insurance": lambda h: h.assets.commercial_insurance,
    "assets.other": lambda h: h.assets.other,
    "assets.houses": _houses,
    "assets.vehicles": _vehicles,
    "assets.has_registered_business": lambda h: h.assets.has_registered_business,
    "expenses.medical": lambda h: h.expenses_12m.medical,
    "expenses.summary": _expenses,
    "housing.current_housing": lambda h: h.housing.current_housing,
    "housing.total_floor_area": lambda h: h.housing.total_floor_area,
    "housing.per_capita_area": _per_capita_area,
    "housing.owner_name": lambda h: h.housing.owner_name,
}


def _disability(m: Member) -> str | None:
    if m.has_disability is False:
        return "无"
    grade = fields_data().disability_grades.get(m.disability_grade or 0)
    kind = enumerations().get("disability_kind").label(m.disability_kind)
    text = " ".join(x for x in (kind, grade) if x)
    return text or None


def _serious_illness_kind(m: Member) -> str | None:
    if m.has_serious_illness is False:
        return "无"
    return enumerations().get("serious_illness_kind").label(m.serious_illness_kind) or None


MEMBER_FIELDS: dict[str, MemberGetter] = {
    "name": lambda m: m.name,
    # a child of unsaid sex: 子/婿 or 女/媳 is for the office to fill
    "relation": lambda m: None if m.relation == "child" else m.relation,
    "id_number": lambda m: m.id_number,
    "age": lambda m: m.age,
    "birth_date": lambda m: m.birth_date,
    "sex": lambda m: fields_data().sex_labels.get(m.sex) if m.sex else None,
    "ethnicity": lambda m: m.ethnicity,
    "marital_status": lambda m: m.marital_status,
    "hukou_type": lambda m: fields_data().hukou_labels.get(m.hukou_type) if m.hukou_type else None,
    "labour_ability": lambda m: m.labour_ability,
    "health": lambda m: m.health,
    "disability": _disability,
    "disability_certificate_no": lambda m: m.disability_certificate_no,
    "has_serious_illness": lambda m: m.has_serious_illness,
    "serious_illness_kind": _serious_illness_kind,
    "education": lambda m: m.education,
    "study_status": lambda m: m.study_status,
    "employment": lambda m: m.employment,
    "monthly_income": lambda m: m.monthly_income,
    "workplace": lambda m: m.workplace,
}

# Which shared enumeration (guides/data/enums.yml) labels a field's value.
ENUMERATED = {
    "relation": "relation",
    "marital_status": "marital_status",
    "labour_ability": "labour_ability",
    "health": "health",
    "education": "education",
    "study_status": "study_status",
    "employment": "employment",
    "housing.current_housing": "house_nature",
}


def parse_items(items: Sequence[ItemId | str]) -> tuple[list[ItemId], list[str]]:
    """(known item ids in the given order, each once; the unknown strings)."""
    known: list[ItemId] = []
    unknown: list[str] = []
    for raw in items:
        try:
            item = ItemId(str(raw).strip())
        except ValueError:
            unknown.append(str(raw))
            continue
        if item not in known:
            known.append(item)
    return known, unknown


def money(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.2f}"


def display(name: str, value: Any) -> str:
    """The text printed in a field: "" for unknown, enumeration labels, 是/否, plain numbers."""
    if value is None:
        return ""
    if name in ENUMERATED:
        return enumerations().get(ENUMERATED[name]).label(str(value))
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float | int):
        return money(value)
    if isinstance(value, dt.date):
        return f"{value.year}年{value.month}月{value.day}日"
    return str(value)


def raw_value(household: Household, field_id: str) -> Any:
    """The household's value for a field id; None when unknown or when the field is hand-filled."""
    if field_id.startswith("applicant."):
        applicant = household.applicant
        getter = MEMBER_FIELDS.get(field_id.removeprefix("applicant."))
        return getter(applicant) if getter and applicant else None
    household_getter = HOUSEHOLD_FIELDS.get(field_id)
    return household_getter(household) if household_getter else None


def household_values(household: Household) -> dict[str, str]:
    """Every household-level and applicant field as printed text ("" when blank)."""
    values = {name: display(name, raw_value(household, name)) for name in HOUSEHOLD_FIELDS}
    for name in MEMBER_FIELDS:
        values[f"applicant.{name}"] = display(name, raw_value(household, f"applicant.{name}"))
    if not values["applicant.hukou_type"] and household.hukou_type:
        values["applicant.hukou_type"] = fields_data().hukou_labels[household.hukou_type]
    return values


def member_values(member: Member) -> dict[str, str]:
    return {name: display(name, getter(member)) for name, getter in MEMBER_FIELDS.items()}


def applies(ref: FieldRef, member: Member | None, items: set[ItemId]) -> bool:
    if ref.when_items and not items.intersection(ref.when_items):
        return False
    if ref.when is None:
        return True
    if member is None:
        return False
    match ref.when:
        case "has_disability":
            return bool(member.has_disability)
        case "has_serious_illness":
            return bool(member.has_serious_illness)
        case "is_student":
            return member.employment == "student" or member.school_stage not in (None, "none")


def table_members(household: Household, spec: FormSpec) -> list[Member]:
    """The members printed in the form's member table (the applicant has a block of its own
    unless the form lists everyone in the table)."""
    members = list(household.members)
    if spec.members_include_applicant:
        applicant = household.applicant
        return [m for m in members if m is applicant] + [m for m in members if m is not applicant]
    return [m for m in members if m is not household.applicant]


def member_label(member: Member, index: int) -> str:
    return member.name or f"第{index}位家庭成员"


def missing_fields(household: Household, items: Sequence[ItemId | str]) -> list[MissingField]:
    """The fields of this region's form still blank, in form order, with where to get them."""
    spec = form_spec(household.region)
    chosen = set(parse_items(items)[0])
    values = household_values(household)
    members = table_members(household, spec)
    missing: list[MissingField] = []
    for ref in spec.fields:
        info = field_info(ref.field)
        if ref.field.startswith("member."):
            name = ref.field.removeprefix("member.")
            who = tuple(
                member_label(m, i)
                for i, m in enumerate(members, start=1)
                if applies(ref, m, chosen) and not display(name, MEMBER_FIELDS[name](m))
            )
            if who:
                missing.append(MissingField(info.label, info.where, who, ref.field))
            continue
        subject = household.applicant if ref.field.startswith("applicant.") else None
        if ref.when is not None and subject is None:
            continue
        if applies(ref, subject, chosen) and not values.get(ref.field, ""):
            missing.append(MissingField(info.label, info.where, (), ref.field))
    return missing
