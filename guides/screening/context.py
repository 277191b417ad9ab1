"""What a check may look at: the household, the region's guide, dated parameters, earlier items."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from guides.household import Household
from guides.ids import ItemId
from guides.params import Parameters, ResolvedParameter
from guides.schema import Guide, ItemGuide
from guides.screening.result import ItemResult


@dataclass
class Context:
    household: Household
    guide: Guide
    params: Parameters
    on: dt.date
    item: ItemGuide | None = None  # the item being decided
    decided: dict[ItemId, ItemResult] = field(default_factory=dict)  # items decided before

    def param(self, name: str, variant: str | None = None) -> ResolvedParameter:
        return self.params.at(name, self.guide.region.value, self.on, variant)

    def dibao_standard(self) -> ResolvedParameter | None:
        """The standard for the household's hukou type; None while that type is unknown."""
        hukou = self.household.hukou_type
        if hukou is None:
            return None
        return self.param("dibao_standard", hukou)
