"""Structured JSON logs with personal data masked before anything is written."""

from __future__ import annotations

import json
import logging
import re
from typing import Any
from urllib.parse import unquote_plus

from nlu.privacy import mask_numbers

ID_NUMBER = re.compile(r"(?<!\d)(\d{6})\d{8}(\d{3}[\dXx])(?!\d)")
MOBILE = re.compile(r"(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)")
BANK_CARD = re.compile(r"(?<!\d)(\d{4})\d{8,11}(\d{4})(?!\d)")
AMOUNT_WORDS = re.compile(r"(收入|存款|工资|月薪|年收入|余额)[^，。,.;；\s]{0,12}")
SENSITIVE_KEYS = {
    "id_number", "phone", "bank_account", "monthly_income", "monthly_income_total",
    "deposits", "text", "health", "serious_illness_kind", "name", "password", "code",
}  # fmt: skip


# Each of those three holds eleven digits in a row or more: a line without such a run (an
# access-log line, most messages) is not searched three times.
ELEVEN_DIGITS = re.compile(r"\d{11}")


def mask(text: str) -> str:
    # Access-log lines carry URL-encoded queries: decode first, or "%E5" + digits hides a number.
    text = unquote_plus(text)
    if ELEVEN_DIGITS.search(text):
        text = ID_NUMBER.sub(r"\1********\2", text)
        text = MOBILE.sub(r"\1****\2", text)
        text = BANK_CARD.sub(r"\1********\2", text)
    text = mask_numbers(text)  # the same numbers typed in groups: "138 1234 5678"
    return AMOUNT_WORDS.sub(lambda m: f"{m.group(1)}***", text)


def _clean(value: Any, key: str = "") -> Any:
    if key in SENSITIVE_KEYS:
        return "***"
    if isinstance(value, str):
        return mask(value)
    if isinstance(value, dict):
        return {k: _clean(v, str(k)) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    return value


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        payload: dict[str, Any] = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S"),
            "level": record.levelname,
            "logger": record.name,
            "message": mask(record.getMessage()),
        }
        extra = getattr(record, "fields", None)
        if isinstance(extra, dict):
            payload.update(_clean(extra))
        if record.exc_info and record.exc_info[0] is not None:
            payload["error"] = record.exc_info[0].__name__  # no traceback text: it may hold data
        return json.dumps(payload, ensure_ascii=False)


def setup_logging(level: str = "INFO") -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for noisy in ("uvicorn.access",):
        logging.getLogger(noisy).handlers[:] = [handler]
        logging.getLogger(noisy).propagate = False
