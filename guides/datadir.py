"""The one directory for what the service writes: database, model cache, redis files, secret.

SHEJIU_DATA_DIR, default var/ in the project. A relative path in config.yml (SQLite file,
embedded redis directory) is under it, never under the directory the process started in.
"""

from __future__ import annotations

import os
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
SQLITE_PREFIX = "sqlite:///"


def data_dir() -> Path:
    configured = Path(os.environ.get("SHEJIU_DATA_DIR") or "var")
    return configured if configured.is_absolute() else PROJECT / configured


def under_data_dir(path: str | Path) -> Path:
    path = Path(path)
    return path if path.is_absolute() else data_dir() / path


def resolve_database_url(url: str) -> str:
    """A relative SQLite path goes under the data directory (created if missing)."""
    if url.startswith(SQLITE_PREFIX) and not url.startswith(SQLITE_PREFIX + "/"):
        path = under_data_dir(url.removeprefix(SQLITE_PREFIX))
        path.parent.mkdir(parents=True, exist_ok=True)
        return f"{SQLITE_PREFIX}{path}"
    return url
