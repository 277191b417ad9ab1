"""Strict YAML reading: duplicate keys are an error, and errors name the file and the path."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from guides.errors import GuideDataError

M = TypeVar("M", bound=BaseModel)


class _StrictLoader(yaml.SafeLoader):
    pass


def _construct_mapping(loader: _StrictLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def read_yaml(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as f:
            return yaml.load(f, Loader=_StrictLoader)
    except yaml.YAMLError as exc:
        raise GuideDataError(path.name, "(yaml)", str(exc)) from exc
    except OSError as exc:
        raise GuideDataError(path.name, "(file)", str(exc)) from exc


def load_model(path: Path, model: type[M], data: Any = None) -> M:
    """Validate YAML (or already-read data) against a pydantic model, naming file and path."""
    if data is None:
        data = read_yaml(path)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "(root)"
        raise GuideDataError(path.name, where, first["msg"]) from exc
