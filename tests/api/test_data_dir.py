"""Everything the service writes goes under one data directory, whatever the working directory."""

from __future__ import annotations

from pathlib import Path

import pytest

from api.settings import load_settings
from bot.kb.db import database_url
from guides.datadir import PROJECT, data_dir, resolve_database_url, under_data_dir
from nlu.intents import model_dir


def test_default_is_var_in_the_project(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("SHEJIU_DATA_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    assert data_dir() == PROJECT / "var"
    assert resolve_database_url("sqlite:///shejiu.db") == f"sqlite:///{PROJECT / 'var/shejiu.db'}"


def test_every_writer_follows_the_configured_directory(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    store = tmp_path / "data"
    monkeypatch.setenv("SHEJIU_DATA_DIR", str(store))
    for name in ("SHEJIU_MODEL_DIR", "DATABASE_URL", "SECRET_KEY", "EMBEDDED_REDIS_DIR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)

    settings = load_settings()
    assert resolve_database_url(settings.database_url).startswith(f"sqlite:///{store}/")
    assert database_url().startswith(f"sqlite:///{store}/")
    assert under_data_dir(settings.embedded_redis_dir).parent == store
    assert model_dir() == store / "models"
    assert (store / "secret_key").read_text().strip() == settings.secret_key
    # absolute paths and server URLs are left alone
    assert resolve_database_url("sqlite:////srv/x.db") == "sqlite:////srv/x.db"
    assert resolve_database_url("postgresql://u@h/db") == "postgresql://u@h/db"
