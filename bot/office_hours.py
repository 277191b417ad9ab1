"""When a person answers 转人工: opening hours on working days (Beijing time, 调休 included).

Outside them the citizen is told when someone will read their message and may leave a number
for a call back. Configured in config.yml (handoff.hours, handoff.workdays_only).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from guides.workdays import is_working_day

BEIJING = dt.timezone(dt.timedelta(hours=8))  # no daylight saving: a fixed offset is exact
WEEKDAYS = "一二三四五六日"


@dataclass(frozen=True)
class OfficeHours:
    opens: dt.time = dt.time(8, 30)
    closes: dt.time = dt.time(17, 30)
    workdays_only: bool = True

    @classmethod
    def parse(cls, hours: str, workdays_only: bool = True) -> OfficeHours:
        """ "08:30-17:30"; "00:00-24:00" is all day."""
        try:
            start, end = (part.strip() for part in hours.split("-"))
            opens = dt.time.fromisoformat(start)
            closes = dt.time.max if end == "24:00" else dt.time.fromisoformat(end)
        except ValueError as exc:
            raise ValueError(f"handoff hours must look like 08:30-17:30, not {hours!r}") from exc
        if closes <= opens:
            raise ValueError(f"handoff hours close before they open: {hours!r}")
        return cls(opens, closes, workdays_only)

    def _open_day(self, day: dt.date) -> bool:
        return not self.workdays_only or is_working_day(day)[0]

    def is_open(self, now: dt.datetime) -> bool:
        local = now.astimezone(BEIJING)
        return self._open_day(local.date()) and self.opens <= local.time() < self.closes

    def next_opening(self, now: dt.datetime) -> dt.datetime:
        local = now.astimezone(BEIJING)
        day = local.date()
        if local.time() >= self.opens:
            day += dt.timedelta(days=1)
        while not self._open_day(day):
            day += dt.timedelta(days=1)
        return dt.datetime.combine(day, self.opens, BEIJING)

    def opening_words(self, now: dt.datetime) -> str:
        """The next opening in plain words: 明天（周五）上午8:30."""
        opening = self.next_opening(now)
        days = (opening.date() - now.astimezone(BEIJING).date()).days
        when = {0: "今天", 1: "明天", 2: "后天"}.get(days, f"{opening.month}月{opening.day}日")
        half = "上午" if opening.hour < 12 else "下午"
        hour = opening.hour if opening.hour <= 12 else opening.hour - 12
        return f"{when}（周{WEEKDAYS[opening.weekday()]}）{half}{hour}:{opening.minute:02d}"

    def describe(self) -> str:
        days = "工作日" if self.workdays_only else "每天"
        closes = "24:00" if self.closes == dt.time.max else self.closes.strftime("%H:%M")
        return f"{days} {self.opens.strftime('%H:%M')}–{closes}"
