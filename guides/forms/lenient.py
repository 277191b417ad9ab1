"""Read a household leniently for the forms: a malformed value becomes a blank plus a warning
(the form is still printed), instead of an error. Warnings name the field, never the value."""

from __future__ import annotations

import copy
from typing import Any

from pydantic import ValidationError

from guides.household import Household

MAX_ROUNDS = 50


def _drop(data: Any, loc: tuple[int | str, ...]) -> bool:
    """Remove the value at `loc` (the innermost existing container entry); True if removed."""
    node: Any = data
    for key in loc[:-1]:
        if isinstance(node, dict) and key in node:
            node = node[key]
            continue
        if isinstance(node, list) and isinstance(key, int) and key < len(node):
            node = node[key]
            continue
        return False
    last = loc[-1] if loc else None
    if isinstance(node, dict) and last in node:
        del node[last]
        return True
    if isinstance(node, list) and isinstance(last, int) and last < len(node):
        node.pop(last)
        return True
    return False


def household_from_data(data: Any) -> tuple[Household, list[str]]:
    """A Household from JSON-like data, dropping whatever does not validate."""
    if not isinstance(data, dict):
        raise TypeError("household data must be an object")
    data = copy.deepcopy(data)
    warnings: list[str] = []
    for _ in range(MAX_ROUNDS):
        try:
            return Household.model_validate(data), warnings
        except ValidationError as exc:
            dropped = False
            for error in exc.errors():
                loc = tuple(error["loc"])
                if loc == ("region",):
                    raise
                # A model-level error (e.g. two applicants) points at the list: drop the list.
                where = ".".join(str(p) for p in loc) or "(整体)"
                if _drop(data, loc) or (len(loc) > 1 and _drop(data, loc[:-1])):
                    warnings.append(f"“{where}”的内容无法识别，表上这一项先空着。")
                    dropped = True
                    break
            if not dropped:
                raise
    raise ValueError("household data could not be repaired")
