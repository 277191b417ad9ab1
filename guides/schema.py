"""The shape of a region's 办事指南 (guides/data/regions/*.yml), validated strictly."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from guides.ids import ItemId, RegionId
from guides.sources import SourceRef


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CheckSpec(_Strict):
    """One clause of a condition, decided by the check function of that id (guides.screening)."""

    check: str
    args: dict[str, Any] = Field(default_factory=dict)


def _parse_checks(value: Any) -> Any:
    # YAML shorthand: "- check_id" or "- check_id: {arg: value}"
    if not isinstance(value, list):
        return value
    specs: list[Any] = []
    for entry in value:
        if isinstance(entry, str):
            specs.append({"check": entry})
        elif isinstance(entry, dict) and len(entry) == 1 and "check" not in entry:
            (name, args), *_ = entry.items()
            specs.append({"check": name, "args": args or {}})
        else:
            specs.append(entry)
    return specs


class Variant(_Strict):
    """One way to qualify (e.g. 急难型 or 支出型 临时救助)."""

    kind: str
    label: str
    all: list[CheckSpec]

    _checks = field_validator("all", mode="before")(_parse_checks)


class Rule(_Strict):
    """Structured form of a 受理条件: every clause of `all`, or any one `variants`."""

    all: list[CheckSpec] = Field(default_factory=list)
    variants: list[Variant] = Field(default_factory=list)

    _checks = field_validator("all", mode="before")(_parse_checks)

    @model_validator(mode="after")
    def _one_form(self) -> Rule:
        if bool(self.all) == bool(self.variants):
            raise ValueError("a rule has either `all` or `variants`")
        return self


class Condition(_Strict):
    text: str  # verbatim 受理条件
    source: SourceRef
    rule: Rule


class TimeLimit(_Strict):
    text: str
    working_days: int | None = None
    calendar_days: int | None = None
    max_working_days: int | None = None  # "一般不超过46个工作日"
    window: tuple[str, str] | None = None  # ("07-15", "09-15") application window, MM-DD
    source: SourceRef


class Note(_Strict):
    text: str
    source: SourceRef


class ItemGuide(_Strict):
    id: ItemId
    name: str  # the region's own name for the item
    department: str
    condition: Condition | None = None
    time_limit: TimeLimit | None = None
    materials: list[str] = Field(default_factory=list)  # material ids of this guide
    # Items reached through recognition in another class (医疗救助 after 低保/特困 …)
    follows: list[ItemId] = Field(default_factory=list)
    # A class recognised under an umbrella item (低保 … under 低收入人口认定 `low_income`)
    part_of: ItemId | None = None
    auto_granted: bool = False  # 免申即享
    notes: list[Note] = Field(default_factory=list)
    source: SourceRef


MaterialNeed = Literal[
    "always",
    "applies_at_residence",
    "has_disabled_member",
    "has_veteran_member",
    "chosen_item",
    "has_rigid_expenses",
    "needs_unemployment_registration",
    "low_income_edge_disabled_alone",
    "other",
]


class Material(_Strict):
    id: str
    name: str
    # "unspecified": the seed names the material but not its form; media [] likewise
    form: Literal["original", "copy", "original_or_copy", "signed_or_electronic", "unspecified"]
    media: list[Literal["paper", "electronic", "scan_or_photo"]]
    exemptible: bool = False  # 免提交 through data sharing, where the seed says so
    needed_when: MaterialNeed = "always"
    when_text: str | None = None  # the seed's own words ("在居住地申请低保的需提供")
    source: SourceRef


class Channel(_Strict):
    kind: Literal["online", "offline"]
    name: str
    how: str | None = None
    source: SourceRef


class Step(_Strict):
    title: str
    text: str
    source: SourceRef


class Phone(_Strict):
    number: str | None = None  # None where the seed says where to look it up
    purpose: str
    source: SourceRef


class Guide(_Strict):
    region: RegionId
    region_name: str
    name: str  # e.g. 社会救助“一件事”, 申请困难人员救助“一件事”
    document: str
    source: SourceRef
    service_object: str | None = None
    level: str | None = None
    items: list[ItemGuide]
    materials: list[Material]
    channels: list[Channel]
    process: list[Step]
    time_limit: TimeLimit
    office_hours: Note | None = None
    phones: list[Phone]
    fees: Note
    result_query: list[Note] = Field(default_factory=list)
    review_order: list[ItemId] = Field(default_factory=list)
    review_order_source: SourceRef | None = None
    fuzzy_choice: list[Note] = Field(default_factory=list)  # 模糊选择
    notes: list[Note] = Field(default_factory=list)

    @model_validator(mode="after")
    def _references_resolve(self) -> Guide:
        material_ids = {m.id for m in self.materials}
        if len(material_ids) != len(self.materials):
            raise ValueError("material ids must be unique")
        item_ids = [i.id for i in self.items]
        if len(set(item_ids)) != len(item_ids):
            raise ValueError("item ids must be unique")
        for item in self.items:
            missing = [m for m in item.materials if m not in material_ids]
            if missing:
                raise ValueError(f"item {item.id} names unknown materials {missing}")
        parents = [i.part_of for i in self.items if i.part_of and i.part_of not in item_ids]
        if parents:
            raise ValueError(f"part_of names items not in this guide: {parents}")
        unknown = [i for i in self.review_order if i not in item_ids]
        if unknown:
            raise ValueError(f"review_order names items not in this guide: {unknown}")
        return self

    def item(self, item_id: ItemId | str) -> ItemGuide:
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(item_id)

    def material(self, material_id: str) -> Material:
        for material in self.materials:
            if material.id == material_id:
                return material
        raise KeyError(material_id)

    @property
    def item_ids(self) -> list[ItemId]:
        return [item.id for item in self.items]
