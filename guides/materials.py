"""One list of materials for the chosen items: each once, with why this household needs it."""

from __future__ import annotations

from dataclasses import dataclass

from guides.household import Household
from guides.ids import ItemId
from guides.schema import Guide, Material
from guides.screening.result import MaterialNeed

FORM_LABELS = {
    "original": "原件",
    "copy": "复印件",
    "original_or_copy": "原件或复印件",
    "signed_or_electronic": "签字原件或电子授权",
    "unspecified": "文件未写明原件还是复印件，请向窗口确认",
}
MEDIA_LABELS = {"paper": "纸质", "electronic": "电子", "scan_or_photo": "扫描件或照片"}


@dataclass(frozen=True)
class MaterialFacts:
    """The few household facts that decide which materials are needed (a cache key)."""

    applies_at_residence: bool | None
    disability: bool | None  # True: someone is disabled; None: not known for everyone
    veteran: bool
    rigid_expenses: bool | None  # total > 0; None: not asked
    unregistered: bool  # someone has not registered as unemployed

    @classmethod
    def of(cls, household: Household) -> MaterialFacts:
        members = household.members
        disability: bool | None = False
        if any(m.has_disability for m in members):
            disability = True
        elif not members or any(m.has_disability is None for m in members):
            disability = None
        total = household.expenses_12m.total()
        return cls(
            applies_at_residence=household.applies_at_residence,
            disability=disability,
            veteran=any(m.is_veteran for m in members),
            rigid_expenses=None if total is None else total > 0,
            unregistered=any(m.is_unemployment_registered is False for m in members),
        )


def _need(material: Material, facts: MaterialFacts) -> tuple[bool, str] | None:
    """(required, why) for this household, or None when the material is not needed at all.

    required=False means 视情况: it depends on a fact we do not know yet."""
    match material.needed_when:
        case "always" | "chosen_item":
            return True, ""
        case "applies_at_residence":
            if facts.applies_at_residence is None:
                return False, material.when_text or "在居住地（不是户籍地）申请时需要"
            if facts.applies_at_residence:
                return True, "您在居住地而不是户籍地申请"
            return None
        case "has_disabled_member":
            if facts.disability:
                return True, "家里有残疾人"
            if facts.disability is None:
                return False, material.when_text or "家里有残疾人时需要"
            return None
        case "has_veteran_member":
            if facts.veteran:
                return True, "家里有退役军人"
            return False, material.when_text or "申请困难退役军人帮扶援助时需要"
        case "has_rigid_expenses":
            if facts.rigid_expenses:
                return True, "您家有教育、医疗等刚性支出"
            if facts.rigid_expenses is False:
                return None
            return False, material.when_text or "有教育、医疗等刚性支出时需要"
        case "needs_unemployment_registration":
            if facts.unregistered:
                return True, "还没有做失业登记，需要先登记"
            return False, material.when_text or "还没有做失业登记时需要"
        case _:
            return False, material.when_text or "视具体情况需要"


_CACHE: dict[
    tuple[int, tuple[ItemId, ...], MaterialFacts], tuple[Guide, tuple[MaterialNeed, ...]]
] = {}


def materials_for(guide: Guide, household: Household, items: list[ItemId]) -> list[MaterialNeed]:
    """The union over `items` of their materials, each once, 必备 before 视情况."""
    return list(needed_materials(guide, MaterialFacts.of(household), tuple(items)))


def needed_materials(
    guide: Guide, facts: MaterialFacts, items: tuple[ItemId, ...]
) -> tuple[MaterialNeed, ...]:
    """`materials_for` from the household's MaterialFacts (screening reads them once for all
    its items). Screening runs after every answer, so results are cached per guide, items and
    those facts; a tuple, so a cached result cannot be changed by a caller."""
    key = (id(guide), items, facts)
    cached = _CACHE.get(key)
    if cached is not None and cached[0] is guide:
        return cached[1]
    needs = tuple(_materials(guide, facts, items))
    if len(_CACHE) > 4096:
        _CACHE.clear()
    _CACHE[key] = (guide, needs)
    return needs


def _materials(guide: Guide, facts: MaterialFacts, items: tuple[ItemId, ...]) -> list[MaterialNeed]:
    by_id: dict[str, list[ItemId]] = {}
    for item_id in items:
        for material_id in guide.item(item_id).materials:
            by_id.setdefault(material_id, []).append(item_id)
    needs = []
    for material_id, for_items in by_id.items():
        material = guide.material(material_id)
        need = _need(material, facts)
        if need is None:
            continue
        required, why = need
        if not why:
            names = "、".join(guide.item(i).name for i in for_items)
            why = f"申请{names}需要"
        needs.append(
            MaterialNeed(
                material_id=material.id,
                name=material.name,
                why=why,
                form=FORM_LABELS[material.form],
                media=tuple(MEDIA_LABELS[m] for m in material.media),
                exemptible=material.exemptible,
                required=required,
                items=tuple(for_items),
                citation=material.source.cite(),
            )
        )
    return sorted(needs, key=lambda n: not n.required)
