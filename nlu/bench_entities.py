"""Speed of the answer parsers: `python -m nlu.bench_entities` prints texts per second."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date

from nlu.answers import parse_yes_no
from nlu.dates import parse_age
from nlu.entities import extract_entities, strip_personal_data
from nlu.numbers import monthly_amount, parse_count

TODAY = date(2025, 6, 1)
TEXTS = [
    "我是甘肃庆阳的，老伴今年七十二岁，我们家三口人，一个月收入大概一千多块，想申请低保",
    "身份证11010519491231002X，电话13812345678，存款有5万",
    "一年三万左右",
    "没有收入",
    "是的",
    "不知道",
    "1958年3月出生",
    "儿子在外地打工，一个月两三千吧，孙子在上学",
    "低保边缘家庭和刚性支出困难有什么区别？在宁夏银川怎么申请临时救助",
    "1" * 200 + "岁",
]


def _rate(name: str, function: Callable[[str], object], rounds: int = 300) -> None:
    start = time.perf_counter()
    for _ in range(rounds):
        for text in TEXTS:
            function(text)
    elapsed = time.perf_counter() - start
    count = rounds * len(TEXTS)
    print(f"{name:22s} {count / elapsed:10.0f} texts/s  {elapsed / count * 1e6:8.1f} µs/text")


def main() -> None:
    extract_entities(TEXTS[0], TODAY)  # load the lexicon once
    _rate("extract_entities", lambda t: extract_entities(t, TODAY))
    _rate("strip_personal_data", strip_personal_data)
    _rate("monthly_amount", monthly_amount)
    _rate("parse_count", parse_count)
    _rate("parse_age", lambda t: parse_age(t, TODAY))
    _rate("parse_yes_no", parse_yes_no)


if __name__ == "__main__":
    main()
