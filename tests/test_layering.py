"""Dependencies point one way: api -> bot -> {dialogue, nlu} -> guides. No exception list."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ALLOWED: dict[str, set[str]] = {
    "guides": set(),
    "nlu": {"guides"},
    "dialogue": {"guides", "nlu"},
    "bot": {"guides", "nlu", "dialogue"},
    "api": {"guides", "nlu", "dialogue", "bot"},
}
FORBIDDEN_THIRD_PARTY = {"guides": {"fastapi", "redis"}, "nlu": {"fastapi"}}


def imported_top_levels(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_packages_import_only_downstream() -> None:
    violations = []
    for package, allowed in ALLOWED.items():
        for path in (ROOT / package).rglob("*.py"):
            for name in imported_top_levels(path):
                if name in ALLOWED and name != package and name not in allowed:
                    violations.append(f"{path.relative_to(ROOT)} imports {name}")
                if name in FORBIDDEN_THIRD_PARTY.get(package, set()):
                    violations.append(f"{path.relative_to(ROOT)} imports {name}")
    assert violations == []
