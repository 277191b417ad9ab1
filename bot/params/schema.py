"""A new dated value as staff enter it (form or CSV row), validated before it reaches the DB."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from bot.kb.messages import problem_zh
from guides.ids import RegionId
from guides.params import parameters
from guides.places import places
from guides.sources import SourceRef

Variant = Literal["urban", "rural"]
STAFF_CONFIG = "员工录入（未注明文件出处）"
NO_SOURCE_NOTE = "录入时没有填写正式文件的文号和发文机关，按估算处理；请补充出处后重新录入。"


class NewValue(BaseModel):
    """One dated value. With a document number and issuing body it counts as verified once
    published; without them it stays unverified and results keep the estimate wording."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    name: str
    region: RegionId
    place: str | None = None  # GB/T 2260 code of a city or county of the region
    variant: Variant | None = None
    value: float = Field(ge=0, le=10_000_000)
    effective_from: dt.date
    effective_until: dt.date | None = None
    document: str | None = Field(default=None, max_length=80)  # 文号: 兰民发〔2025〕12号
    issuer: str | None = Field(default=None, max_length=80)  # 发文机关: 兰州市民政局
    title: str | None = Field(default=None, max_length=200)
    issued_on: dt.date | None = None
    url: str | None = Field(default=None, max_length=500)
    clause: str | None = Field(default=None, max_length=120)  # 条款: 第三条
    note: str | None = Field(default=None, max_length=1000)

    @model_validator(mode="after")
    def _consistent(self) -> NewValue:
        if self.name not in parameters().names():
            raise ValueError(f"没有这个参数：{self.name}")
        if self.place:
            if places().get(self.place) is None or places().region_of(self.place) != self.region:
                raise ValueError(f"地区代码 {self.place} 不是这个地区的市或县（区）")
        else:
            self.place = None
        if self.effective_until and self.effective_until < self.effective_from:
            raise ValueError("截止日期不能早于起始日期")
        if self.url and not self.url.startswith(("http://", "https://")):
            raise ValueError("链接要以 http:// 或 https:// 开头")
        if bool(self.document) != bool(self.issuer):
            raise ValueError("文号和发文机关要一起填写")
        return self

    @property
    def has_source(self) -> bool:
        return bool(self.document and self.issuer)

    def source(self, today: dt.date) -> SourceRef:
        if self.has_source:
            return SourceRef(
                document=self.document, issuer=self.issuer, title=self.title or None,
                url=self.url or None, date=self.issued_on, section=self.clause or None,
            )  # fmt: skip
        return SourceRef(config=STAFF_CONFIG, date=today)

    def note_text(self) -> str | None:
        if self.has_source:
            return self.note or None
        return f"{self.note}（{NO_SOURCE_NOTE}）" if self.note else NO_SOURCE_NOTE


FIELD_LABELS = {
    "name": "参数", "region": "地区", "place": "市县", "variant": "户口类型", "value": "数值",
    "effective_from": "起始日期", "effective_until": "截止日期", "document": "文号",
    "issuer": "发文机关", "title": "文件标题", "issued_on": "发文日期", "url": "链接",
    "clause": "条款", "note": "备注",
}  # fmt: skip


def problems_of(exc: ValidationError) -> list[str]:
    """Validation errors as Chinese sentences: our own checks say it directly."""
    found: list[str] = []
    for err in exc.errors():
        if err.get("type") == "value_error" and not err.get("loc"):
            found.append(str(err.get("msg", "")).removeprefix("Value error, "))
        else:
            found.append(problem_zh(err, FIELD_LABELS))
    return list(dict.fromkeys(found))
