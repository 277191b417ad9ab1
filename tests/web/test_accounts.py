"""bot.accounts: argon2 hashes, roles, the CLI bootstrap."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.accounts import AccountError, Accounts
from bot.kb.db import make_engine
from tests.conftest import PROJECT_ROOT


def _accounts(tmp_path: Path) -> Accounts:
    return Accounts(make_engine(f"sqlite:///{tmp_path / 'a.db'}"))


def test_password_is_hashed_and_checked(tmp_path: Path) -> None:
    accounts = _accounts(tmp_path)
    accounts.create("Editor-A", "s3cret-pass", ["editor"])
    from sqlalchemy import text

    with make_engine(f"sqlite:///{tmp_path / 'a.db'}").connect() as conn:
        stored = conn.execute(text("select password_hash from users")).scalar_one()
    assert stored.startswith("$argon2") and "s3cret-pass" not in stored
    user = accounts.authenticate("editor-a", "s3cret-pass")
    assert user is not None and user.has("editor") and not user.has("reviewer")
    assert accounts.authenticate("editor-a", "wrong-pass!") is None
    assert accounts.authenticate("nobody", "s3cret-pass") is None
    accounts.update("editor-a", active=False)
    assert accounts.authenticate("editor-a", "s3cret-pass") is None


def test_admin_holds_every_role(tmp_path: Path) -> None:
    accounts = _accounts(tmp_path)
    assert not accounts.has_admin()
    admin = accounts.create("root1", "long-password", ["admin"])
    assert admin.has("reviewer") and admin.has("agent") and accounts.has_admin()


@pytest.mark.parametrize(
    ("username", "password", "roles"),
    [("ok-name", "short", ["agent"]), ("Bad Name", "long-enough", ["agent"]),
     ("ok-name", "long-enough", ["boss"]), ("ok-name", "long-enough", [])],
)  # fmt: skip
def test_invalid_accounts_are_refused(
    tmp_path: Path, username: str, password: str, roles: list[str]
) -> None:
    with pytest.raises(AccountError):
        _accounts(tmp_path).create(username, password, roles)


def test_duplicate_user_is_refused(tmp_path: Path) -> None:
    accounts = _accounts(tmp_path)
    accounts.create("same", "long-enough", ["agent"])
    with pytest.raises(AccountError):
        accounts.create("same", "another-one", ["editor"])


def test_cli_creates_admin_from_stdin(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    env = {**os.environ, "DATABASE_URL": url}
    env.pop("SHEJIU_PASSWORD", None)
    run = subprocess.run(
        [sys.executable, "-m", "bot.accounts", "create", "admin", "--role", "admin"],
        input="bootstrap-pass\n", capture_output=True, text=True, env=env, cwd=PROJECT_ROOT,
        check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert "bootstrap-pass" not in run.stdout + run.stderr
    user = Accounts(make_engine(url)).authenticate("admin", "bootstrap-pass")
    assert user is not None and "admin" in user.roles
    again = subprocess.run(
        [sys.executable, "-m", "bot.accounts", "create", "admin", "--role", "admin"],
        input="bootstrap-pass\n", capture_output=True, text=True, env=env, cwd=PROJECT_ROOT,
        check=False,
    )  # fmt: skip
    assert again.returncode == 1 and "已经存在" in again.stderr
