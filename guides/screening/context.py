"""What a check may look at: the household, the region's guide, dated parameters, earlier items."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from functools import cached_property
from weakref import WeakKeyDictionary

from guides.errors import ParameterNotFound, PlaceNeeded
from guides.household import Household, HukouType
from guides.ids import HUKOU_LABELS, ItemId
from guides.materials import MaterialFacts
from guides.params import Parameters, ResolvedParameter
from guides.places import FIXED_PLACE
from guides.schema import Guide, ItemGuide
from guides.screening.result import ItemResult

_Key = tuple[str, str, dt.date, str | None, str | None]
# Resolved parameters per Parameters instance: a lookup scans the history, and screening runs
# after every answer, so each (name, region, date, variant, place) is resolved once per
# Parameters (a new instance, e.g. after staff publish a value, starts a fresh cache).
_RESOLVED: WeakKeyDictionary[Parameters, dict[_Key, ResolvedParameter | None]] = WeakKeyDictionary()


def resolved_for(params: Parameters) -> dict[_Key, ResolvedParameter | None]:
    """The values resolved so far with `params` (None: not found)."""
    cache = _RESOLVED.get(params)
    if cache is None:
        cache = _RESOLVED[params] = {}
    return cache


def resolve(
    params: Parameters,
    name: str,
    region: str,
    on: dt.date,
    variant: str | None = None,
    place: str | None = None,
    cache: dict[_Key, ResolvedParameter | None] | None = None,
) -> ResolvedParameter:
    """`params.at(...)`, once per Parameters; `cache` is `resolved_for(params)` if at hand."""
    if cache is None:
        cache = resolved_for(params)
    key = (name, region, on, variant, place)
    if key not in cache:
        try:
            cache[key] = params.at(name, region, on, variant, place=place)
        except ParameterNotFound:
            cache[key] = None
    found = cache[key]
    if found is None:  # a fresh exception each time: re-raising one would grow its traceback
        raise ParameterNotFound(name, region, variant, on.isoformat())
    return found


@dataclass
class Context:
    household: Household
    guide: Guide
    params: Parameters
    on: dt.date
    item: ItemGuide | None = None  # the item being decided
    decided: dict[ItemId, ItemResult] = field(default_factory=dict)  # items decided before
    # True while a clause is tried with the region's own values (place unknown): never raise
    region_level: bool = False
    # Only the outcomes are wanted (engine.outcomes, screen(detail=False)): item results carry
    # outcome and missing facts, all that later items and the review order read; no wording.
    outcomes_only: bool = False
    # The questionnaire is over (its result): what the 家庭经济状况核对 verifies and was not
    # told (deposits, houses, vehicles, businesses) is left to the office, not asked any more.
    final: bool = False

    # The household's GB/T 2260 county code (fixed for a one-county region like 历城区).
    place: str | None = field(init=False)
    # The household's derived facts, read by dozens of clauses a screening: each a property
    # that walks the members (per capita income: three of them), so worked out once here.
    # Named as on Household: guides.review_table reads a clause's facts from these names.
    household_size: int | None = field(init=False)
    monthly_income: float | None = field(init=False)
    per_capita_monthly_income: float | None = field(init=False)
    _receiving: frozenset[ItemId] | None = field(init=False)

    def __post_init__(self) -> None:
        household = self.household
        self.place = household.place or FIXED_PLACE.get(self.guide.region)
        self.household_size = household.household_size
        self.monthly_income = household.monthly_income
        self.per_capita_monthly_income = household.per_capita_monthly_income
        receiving = household.already_receives
        self._receiving = None if receiving is None else frozenset(receiving)
        # read by every param() (dozens per screening): the region's id (an enum's value is a
        # property) and the values resolved with these parameters (a weak-keyed lookup)
        self._region = self.guide.region.value
        self._resolved = resolved_for(self.params)

    # Per-screening results several clauses share (e.g. which members may be 特困).
    memo: dict[str, object] = field(default_factory=dict)

    def receives(self, item: ItemId) -> bool | None:
        """`household.receives(item)`: None while not asked."""
        return None if self._receiving is None else item in self._receiving

    def param(self, name: str, variant: str | None = None) -> ResolvedParameter:
        """The value in force on the screening date for the household's place. With the place
        unknown and a city or county of the region publishing a different value, raises
        PlaceNeeded (the check then asks for the place)."""
        region, place = self._region, self.place
        if (
            place is None
            and not self.region_level
            and self.params.differs_by_place(name, region, self.on, variant)
        ):
            raise PlaceNeeded(name, region)
        return resolve(self.params, name, region, self.on, variant, place, self._resolved)

    def param_per_hukou_type(self, name: str) -> tuple[ResolvedParameter, ...]:
        """The parameter for the household's hukou type, or for each type while it is not
        known (decide under uncertainty); empty when the region publishes none."""
        hukou = self.household.hukou_type
        try:
            return tuple(self.param(name, h) for h in ([hukou] if hukou else HUKOU_LABELS))
        except ParameterNotFound:
            return ()

    @cached_property
    def material_facts(self) -> MaterialFacts:
        """The facts that decide which materials are needed, read once per screening (a copy
        made by `replace` for another household reads its own)."""
        return MaterialFacts.of(self.household)

    def with_household(self, household: Household) -> Context:
        """The same screening for another household (e.g. one possible value of an unknown
        fact): per-screening memos are not shared."""
        return replace(self, household=household, memo={})

    def assuming_hukou(self, hukou: HukouType) -> Context:
        """This screening as if the household's hukou type were `hukou` (deciding under an
        unknown type); made once per screening and type, so its own memos are reused."""
        key = f"assuming_hukou:{hukou}"
        found = self.memo.get(key)
        if not isinstance(found, Context):
            household = self.household.model_copy(update={"hukou_type": hukou})
            found = self.memo[key] = self.with_household(household)
        return found

    def dibao_standard(self) -> ResolvedParameter | None:
        """The standard for the household's hukou type; None while that type is unknown."""
        hukou = self.household.hukou_type
        if hukou is None:
            return None
        return self.param("dibao_standard", hukou)
