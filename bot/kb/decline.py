"""What a decline offers besides "not sure": the region's phone to call and a 转人工 option.

The phone comes from the region's guide (guides/data/regions/*.yml `phones`, each sourced to
its seed): the 12345 line where the guide lists one, else its first number; no region known,
the national 12345 政务服务便民热线.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from guides.catalog import guide_for
from guides.errors import UnknownRegionError

NATIONAL_HOTLINE = "12345"


@dataclass(frozen=True)
class DeclinePhone:
    number: str
    purpose: str

    def spoken(self) -> str:
        """For a citizen: the number and what the line is, without the guide's notes on where
        the number comes from ("12345（政务服务便民热线）", not a bracket inside a bracket)."""
        head = re.split(r"[（(，,。；;：:]", self.purpose, maxsplit=1)[0].strip()
        return f"{self.number}（{head}）" if head else self.number


def decline_phone(region: str | None) -> DeclinePhone:
    fallback = DeclinePhone(NATIONAL_HOTLINE, "政务服务便民热线（请向当地12345咨询）")
    if region is None:
        return fallback
    try:
        phones = [p for p in guide_for(region).phones if p.number]
    except UnknownRegionError:
        return fallback
    best = next((p for p in phones if p.number and "12345" in p.number), None)
    best = best or (phones[0] if phones else None)
    if best is None or best.number is None:
        return fallback
    return DeclinePhone(best.number, best.purpose)
