"""Staff accounts for the web pages: hotline agents, KB editors, reviewers and admins.

One `users` table on the service's database (SQLAlchemy, SQLite or PostgreSQL). Passwords are
hashed with argon2 (argon2-cffi); a login for a missing user still runs one verification so
timing does not tell which usernames exist. Roles are a small closed set; `admin` manages
users and may do everything the other roles may.

CLI (the bootstrap when no admin exists):

    python -m bot.accounts create admin --role admin      # password from stdin or $SHEJIU_PASSWORD
    python -m bot.accounts list
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Boolean, DateTime, Engine, String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker

from bot.kb.db import make_engine
from guides.datadir import resolve_database_url
from guides.yamlio import read_yaml

ROLES: tuple[str, ...] = ("agent", "editor", "reviewer", "admin")
ROLE_LABELS = {"agent": "热线坐席", "editor": "知识库编辑", "reviewer": "审核人", "admin": "管理员"}
USERNAME = re.compile(r"^[a-z0-9][a-z0-9_.-]{1,39}$")
MIN_PASSWORD = 8
PASSWORD_ENV = "SHEJIU_PASSWORD"

_hasher = PasswordHasher()
_DUMMY_HASH = _hasher.hash("not-a-real-password")


class AccountError(ValueError):
    """Invalid username, role or password, or a duplicate user (message in Chinese)."""


class _Base(DeclarativeBase):
    pass


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class UserRow(_Base):
    __tablename__ = "users"

    username: Mapped[str] = mapped_column(String(40), primary_key=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    roles: Mapped[str] = mapped_column(String(100))  # comma-separated, from ROLES
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_utcnow)


@dataclass(frozen=True)
class User:
    username: str
    roles: frozenset[str]
    active: bool

    def has(self, role: str) -> bool:
        """admin may do everything."""
        return role in self.roles or "admin" in self.roles

    def may_any(self, roles: Iterable[str]) -> bool:
        return any(self.has(r) for r in roles)

    @property
    def role_labels(self) -> str:
        return "、".join(ROLE_LABELS[r] for r in ROLES if r in self.roles)


def _view(row: UserRow) -> User:
    roles = frozenset(r for r in row.roles.split(",") if r)
    return User(row.username, roles, bool(row.active))


def _check_roles(roles: Iterable[str]) -> str:
    chosen = [r for r in ROLES if r in set(roles)]
    unknown = set(roles) - set(ROLES)
    if unknown or not chosen:
        raise AccountError(f"角色只能是：{'、'.join(ROLES)}")
    return ",".join(chosen)


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"密码至少要 {MIN_PASSWORD} 位。")


class Accounts:
    """The users table. Every method is one transaction."""

    def __init__(self, engine: Engine) -> None:
        _Base.metadata.create_all(engine)
        self._sessions: sessionmaker[Session] = sessionmaker(engine, expire_on_commit=False)

    def create(self, username: str, password: str, roles: Iterable[str]) -> User:
        username = username.strip().lower()
        if not USERNAME.match(username):
            raise AccountError("用户名只能用小写字母、数字和 _ . -，2 到 40 位。")
        _check_password(password)
        role_text = _check_roles(list(roles))
        with self._sessions.begin() as s:
            if s.get(UserRow, username) is not None:
                raise AccountError(f"用户 {username} 已经存在。")
            row = UserRow(username=username, password_hash=_hasher.hash(password), roles=role_text)
            row.active = True
            s.add(row)
            s.flush()
            return _view(row)

    def authenticate(self, username: str, password: str) -> User | None:
        """The user when the password matches and the account is active, else None."""
        with self._sessions.begin() as s:
            row = s.get(UserRow, username.strip().lower())
            if row is None:
                _verify(_DUMMY_HASH, password)
                return None
            if not _verify(row.password_hash, password) or not row.active:
                return None
            if _hasher.check_needs_rehash(row.password_hash):
                row.password_hash = _hasher.hash(password)
            return _view(row)

    def get(self, username: str) -> User | None:
        with self._sessions() as s:
            row = s.get(UserRow, username)
            return _view(row) if row else None

    def list_users(self) -> list[User]:
        with self._sessions() as s:
            return [
                _view(r) for r in s.execute(select(UserRow).order_by(UserRow.username)).scalars()
            ]

    def has_admin(self) -> bool:
        return any(u.active and "admin" in u.roles for u in self.list_users())

    def update(
        self,
        username: str,
        *,
        roles: Iterable[str] | None = None,
        active: bool | None = None,
        password: str | None = None,
    ) -> User:
        with self._sessions.begin() as s:
            row = s.get(UserRow, username)
            if row is None:
                raise AccountError(f"没有用户 {username}。")
            if roles is not None:
                row.roles = _check_roles(list(roles))
            if active is not None:
                row.active = active
            if password is not None:
                _check_password(password)
                row.password_hash = _hasher.hash(password)
            s.flush()
            return _view(row)


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


# -- CLI ----------------------------------------------------------------------------------


def _default_url() -> str:
    """DATABASE_URL, else config.yml's service.database_url (the service's own database)."""
    if os.environ.get("DATABASE_URL"):
        return resolve_database_url(os.environ["DATABASE_URL"])
    root = Path(__file__).resolve().parent.parent
    config = read_yaml(root / "config.yml") if (root / "config.yml").exists() else {}
    return resolve_database_url(str((config.get("service") or {}).get("database_url") or ""))


def _read_password() -> str:
    if os.environ.get(PASSWORD_ENV):
        return os.environ[PASSWORD_ENV]
    if sys.stdin.isatty():
        import getpass

        return getpass.getpass("密码：")
    return sys.stdin.readline().rstrip("\n")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.accounts", description="Staff accounts")
    parser.add_argument("--database-url", default=None)
    sub = parser.add_subparsers(dest="command", required=True)
    create = sub.add_parser(
        "create", help="create a user (password from stdin or $SHEJIU_PASSWORD)"
    )
    create.add_argument("username")
    create.add_argument("--role", action="append", choices=ROLES, required=True)
    sub.add_parser("list", help="list users")
    passwd = sub.add_parser("passwd", help="set a user's password (stdin or $SHEJIU_PASSWORD)")
    passwd.add_argument("username")
    args = parser.parse_args(argv)
    accounts = Accounts(make_engine(args.database_url or _default_url()))
    try:
        if args.command == "create":
            user = accounts.create(args.username, _read_password(), args.role)
            print(f"created {user.username} ({','.join(sorted(user.roles))})")
        elif args.command == "passwd":
            accounts.update(args.username, password=_read_password())
            print(f"password set for {args.username}")
        else:
            for user in accounts.list_users():
                state = "active" if user.active else "disabled"
                print(f"{user.username}\t{','.join(sorted(user.roles))}\t{state}")
    except AccountError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
