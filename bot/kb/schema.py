"""The content of one knowledge-base entry, validated strictly at the edges (YAML, CSV, API).

An entry answers one standard question (标准问) and its similar questions (相似问). Its
`regions` is `["all"]` or a list of region ids; its `source` names exactly one origin: a seed
passage, a national text, a configuration value, or the editor who wrote it.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from guides.ids import ItemId, RegionId
from guides.sources import SourceRef

ALL_REGIONS = "all"
SLUG = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,119}$")

EntryStatus = Literal["draft", "in_review", "published", "retired"]
STATUSES: tuple[EntryStatus, ...] = ("draft", "in_review", "published", "retired")


class EntrySource(BaseModel):
    """Where an answer comes from. Exactly one of seed / national / config / editor."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    seed: str | None = None
    national: str | None = None
    config: str | None = None
    editor: str | None = None
    section: str | None = None
    date: dt.date | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _exactly_one_origin(self) -> EntrySource:
        origins = [o for o in (self.seed, self.national, self.config, self.editor) if o]
        if len(origins) != 1:
            raise ValueError("a source names exactly one of seed, national, config or editor")
        if (self.seed or self.national) and not self.section:
            raise ValueError("a seed or national source needs a section")
        return self

    @property
    def kind(self) -> str:
        if self.seed:
            return "seed"
        if self.national:
            return "national"
        return "config" if self.config else "editor"

    def cite(self) -> str:
        """Short Chinese citation shown under an answer."""
        if self.editor:
            return f"知识库编辑：{self.editor}" + (f"（{self.date}）" if self.date else "")
        ref = SourceRef(
            seed=self.seed,
            national=self.national,
            config=self.config,
            section=self.section,
            date=self.date,
        )
        return ref.cite()


class EntryContent(BaseModel):
    """The editable content of an entry; every version stores one of these in full."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)
    id: str
    question: str = Field(min_length=2)
    similar: list[str] = Field(default_factory=list)
    answer: str = Field(min_length=2)
    regions: list[str] = Field(default_factory=lambda: [ALL_REGIONS], min_length=1)
    items: list[ItemId] = Field(default_factory=list)
    tags: list[str] = Field(default_factory=list)
    source: EntrySource
    effective_from: dt.date
    effective_to: dt.date | None = None

    @field_validator("id")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not SLUG.match(value):
            raise ValueError("id must be a lowercase slug (a-z, 0-9, _ . -)")
        return value

    @field_validator("similar")
    @classmethod
    def _similar(cls, value: list[str]) -> list[str]:
        cleaned = [s.strip() for s in value if s and s.strip()]
        return list(dict.fromkeys(cleaned))

    @field_validator("regions")
    @classmethod
    def _regions(cls, value: list[str]) -> list[str]:
        if ALL_REGIONS in value:
            if len(value) != 1:
                raise ValueError("regions is either [all] or a list of region ids")
            return value
        for region in value:
            if region not in RegionId._value2member_map_:
                raise ValueError(f"unknown region {region!r}")
        return list(dict.fromkeys(value))

    @model_validator(mode="after")
    def _dates(self) -> EntryContent:
        if self.effective_to is not None and self.effective_to < self.effective_from:
            raise ValueError("effective_to is before effective_from")
        return self

    def is_effective(self, on: dt.date) -> bool:
        return self.effective_from <= on and (self.effective_to is None or on <= self.effective_to)

    def covers(self, region: str | None) -> bool:
        return region is None or ALL_REGIONS in self.regions or region in self.regions


class SeedFile(BaseModel):
    """bot/kb/seed/<name>.yml"""

    model_config = ConfigDict(extra="forbid")
    entries: list[EntryContent]
