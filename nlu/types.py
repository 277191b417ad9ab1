"""Typed results of understanding text: never loose dicts."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Entity:
    """A span of the text with its normalised value.

    `type` uses the fact vocabulary where one exists (amount, count, age, birth_date,
    id_number, phone, relation, yes_no, region, item, dont_know, …).
    """

    type: str
    value: Any
    text: str
    start: int
    end: int
    is_estimate: bool = False


@dataclass(frozen=True)
class Parse:
    intent: str
    confidence: float
    entities: tuple[Entity, ...] = ()
    ranking: tuple[tuple[str, float], ...] = field(default=())

    def first(self, entity_type: str) -> Entity | None:
        return next((e for e in self.entities if e.type == entity_type), None)
