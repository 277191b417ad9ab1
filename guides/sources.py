"""Where a rule, material or number comes from: a seed passage, a national text, or config."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, model_validator


class SourceRef(BaseModel):
    """Exactly one of seed / national / config / document. `section` locates the passage."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    seed: str | None = None  # file name in shared/seeds, e.g. 000_5325beb6545d4553.txt
    national: str | None = None  # file name in shared/reference/national
    config: str | None = None  # who set it, e.g. "project default (unverified)"
    # A published local document: its number (兰民发〔2025〕12号), issuing body, title, link.
    document: str | None = None
    issuer: str | None = None
    title: str | None = None
    url: str | None = None
    section: str | None = None
    date: dt.date | None = None  # when a config value was set or read; a document's issue date
    note: str | None = None

    @model_validator(mode="after")
    def _exactly_one_origin(self) -> SourceRef:
        origins = [o for o in (self.seed, self.national, self.config, self.document) if o]
        if len(origins) != 1:
            raise ValueError("a source names exactly one of seed, national, config or document")
        if self.document and not self.issuer:
            raise ValueError("a document source needs its issuing body")
        if (self.seed or self.national) and not self.section:
            raise ValueError("a seed or national source needs a section")
        return self

    def cite(self) -> str:
        """Short Chinese citation for reasons and answers."""
        if self.seed:
            return f"{SEED_TITLES.get(self.seed, self.seed)} {self.section}"
        if self.national:
            title = self.national.split("_", 2)[-1].removesuffix(".txt")
            return f"《{title}》{self.section}"
        if self.document:
            title = f"《{self.title}》" if self.title else ""
            return f"{self.issuer}{self.document}{title}" + (
                f" {self.section}" if self.section else ""
            )
        return f"配置：{self.config}" + (f"（{self.date}）" if self.date else "")


SEED_TITLES: dict[str, str] = {
    "000_5325beb6545d4553.txt": "甘民发〔2025〕89号《甘肃省社会救助“一件事”工作方案》",
    "001_bb7781380ff8e888.txt": "宁民发〔2025〕133号《高效办成社会救助“一件事”工作方案》",
    "002_96cf332014ae0963.txt": "晋民发〔2025〕14号《“高效办成社会救助一件事”工作方案》",
    "003_ada1234e2519cca0.txt": "甘政办发〔2023〕92号 分层分类社会救助实施意见",
    "004_2ec711479d63faa6.txt": "《济南市历城区申请困难人员救助“一件事”》",
}
