"""Validation problems of an entry as short Chinese sentences for editors, naming the field.

Pydantic's messages are English; editors see only these. `problem_zh` maps one pydantic error
to Chinese; unknown messages get a general sentence, never the English text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

FIELD_LABELS: dict[str, str] = {
    "id": "编号",
    "question": "标准问",
    "similar": "相似问",
    "answer": "答案",
    "regions": "适用地区",
    "items": "救助事项",
    "tags": "标签",
    "source": "来源",
    "effective_from": "生效日期",
    "effective_to": "失效日期",
}
KNOWN_PROBLEMS: dict[str, str] = {
    "lowercase slug": "编号只能用小写字母、数字和 _ . -，例如 gansu-dibao-apply",
    "effective_to is before": "失效日期不能早于生效日期",
    "exactly one of seed": "来源只能选一种，并把内容填上",
    "needs a section": "政策文件来源要写明章节",
    "unknown region": "地区写得不对",
    "either [all]": "“全部地区”不能和具体地区同时选",
    "Input should be a valid date": "日期要写成 2025-01-31 这样",
    "Input should be": "取值不对，请检查",
    "Extra inputs are not permitted": "多了一项认不出的内容",
}


def problem_zh(err: Mapping[str, Any], labels: Mapping[str, str] = FIELD_LABELS) -> str:
    """One pydantic error as "标准问：还没填，或者太短了"."""
    loc = [str(p) for p in err.get("loc", ())]
    label = labels.get(loc[0], "") if loc else ""
    message = str(err.get("msg", ""))
    known = next((zh for key, zh in KNOWN_PROBLEMS.items() if key in message), None)
    if err.get("type") == "missing" or "at least" in message:
        known = known or "还没填，或者太短了"
    return f"{label or '内容'}：{known or '填写得不对，请检查'}"


def problems_zh(exc: ValidationError, labels: Mapping[str, str] = FIELD_LABELS) -> list[str]:
    return list(dict.fromkeys(problem_zh(err, labels) for err in exc.errors()))


_LEGACY_DETAILS = (  # audit notes written in English before they were Chinese
    (re.compile(r"rollback to v(\d+)"), "回滚到第 {} 版"),
    (re.compile(r"(\d+) entries"), "{} 条"),
    (re.compile(r"question (\d+)"), "未答问题 #{}"),
)


def audit_detail_zh(detail: str | None) -> str:
    """An audit note as staff read it; old English notes are shown in Chinese."""
    for pattern, template in _LEGACY_DETAILS:
        match = pattern.fullmatch(detail or "")
        if match:
            return template.format(match.group(1))
    return detail or ""
