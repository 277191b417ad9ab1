"""Settings: config.yml, then environment variables. Unsafe defaults fail fast in production."""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from guides.datadir import data_dir
from guides.yamlio import read_yaml

ROOT = Path(__file__).resolve().parent.parent
CONFIG_FILE = ROOT / "config.yml"


class RateLimit(BaseModel):
    per_account_per_minute: int = 60
    per_ip_per_minute: int = 120
    # WeChat pushes come from WeChat's servers (a few IPs for every citizen): verified pushes
    # are limited per openid, never per IP.
    per_openid_per_minute: int = 30


class LoginLimits(BaseModel):
    """Staff sign-in: every attempt is counted before the password is checked."""

    attempts_per_ip_per_minute: int = 10  # failed or in flight; a success gives its slot back
    lockout_failures: int = 5  # failures in a row that lock one account
    lockout_seconds: int = 900  # counted from the last failure


class WeChat(BaseModel):
    app_id: str | None = None
    app_secret: str | None = None
    token: str | None = None
    aes_key: str | None = None
    wxa_app_id: str | None = None
    wxa_app_secret: str | None = None
    api_base: str | None = None  # tests point wechatpy at a local server
    # WeChat waits 5 s for a passive reply: past this (from the push's arrival) it gets
    # "success" and the answer goes by customer-service message, retried when sending fails.
    reply_deadline_seconds: float = 4.5
    send_attempts: int = 4
    send_retry_seconds: float = 1.0  # doubled after each failed attempt
    dedupe_ttl_seconds: int = 600
    max_timestamp_skew_seconds: int = 300
    form_ready_template_id: str | None = None


class Settings(BaseModel):
    model_config = ConfigDict(extra="ignore")
    env: str = "development"
    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = 0  # 0 or "auto": one per CPU core this process may run on
    redis_url: str | None = None
    # per worker. Under load a connection is held from a command until the event loop gets to
    # its reply, about one loop round, so each turn in flight holds one: fewer connections than
    # turns in flight made turns queue for one (api.bench, 200 sessions on 2 workers: 64 gave
    # 453 turns/s at 4.1 ms CPU each; 256, 642 at 2.9 ms)
    redis_max_connections: int = 512
    embedded_redis_dir: str = "redis"  # relative: under SHEJIU_DATA_DIR (guides.datadir)
    embedded_redis_port: int = 6390
    database_url: str = "sqlite:///shejiu.db"
    secret_key: str = ""
    max_body_bytes: int = 65536
    token_ttl_seconds: int = 604800
    guest_login: bool = True  # H5 page outside WeChat gets an anonymous account
    rate_limit: RateLimit = Field(default_factory=RateLimit)
    login: LoginLimits = Field(default_factory=LoginLimits)
    # Reverse proxies (IPs or networks) whose X-Forwarded-For is believed; none by default, so
    # nobody can choose their own address for the rate limits by sending that header.
    trusted_proxies: list[str] = Field(default_factory=list)
    # Seal the personal numbers sessions keep (dialogue.sealed); the first key seals, all open.
    # Empty: derived from secret_key. Rotate by putting a new key first.
    session_keys: list[str] = Field(default_factory=list)
    regions_enabled: list[str] = Field(default_factory=list)
    default_region: str | None = None
    session_ttl_seconds: int = 2592000
    lock_timeout_seconds: float = 5
    nlu_backend: str = "local"
    rasa_url: str | None = None
    kb_confidence_threshold: float = 0.55
    kb_refresh_check_seconds: float = 2
    handoff_hours: str = "08:30-17:30"  # Beijing time; "00:00-24:00" is all day
    handoff_workdays_only: bool = True  # statutory working days (调休 included)
    wechat: WeChat = Field(default_factory=WeChat)

    @field_validator("workers", mode="before")
    @classmethod
    def _auto_workers(cls, value: object) -> object:
        return 0 if isinstance(value, str) and value.strip().lower() == "auto" else value

    @property
    def is_production(self) -> bool:
        return self.env == "production"

    @property
    def worker_count(self) -> int:
        """`workers`, or one per usable core (CPU affinity and cgroup cpusets included)."""
        if self.workers > 0:
            return self.workers
        return available_cores()


# Python's own event loop, not uvloop (uvicorn's default when installed): saturated by more
# connections than it can serve, uvloop answered some of them many times later than the others
# (api.bench, 200 sessions on one worker: turn p99 5.6 s against 1.1 s, turns/s 309 against 341;
# a hello-world endpoint 1.06 s against 40 ms), and a citizen waits on the slowest.
EVENT_LOOP = "asyncio"


def available_cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


ENV_MAP = {
    "SHEJIU_ENV": "env",
    "REDIS_URL": "redis_url",
    "DATABASE_URL": "database_url",
    "SECRET_KEY": "secret_key",
    "HOST": "host",
    "PORT": "port",
    "WORKERS": "workers",
    "NLU_BACKEND": "nlu_backend",
    "RASA_URL": "rasa_url",
    "EMBEDDED_REDIS_DIR": "embedded_redis_dir",
    "EMBEDDED_REDIS_PORT": "embedded_redis_port",
    "HANDOFF_HOURS": "handoff_hours",
    "HANDOFF_WORKDAYS_ONLY": "handoff_workdays_only",
    # how often a worker checks for published KB entries and parameters without a Redis hint
    "KB_REFRESH_CHECK_SECONDS": "kb_refresh_check_seconds",
}
WECHAT_ENV = {
    "WECHAT_APP_ID": "app_id",
    "WECHAT_APP_SECRET": "app_secret",
    "WECHAT_TOKEN": "token",
    "WECHAT_AES_KEY": "aes_key",
    "WXA_APP_ID": "wxa_app_id",
    "WXA_APP_SECRET": "wxa_app_secret",
    "WECHAT_API_BASE": "api_base",
    "WXA_FORM_TEMPLATE_ID": "form_ready_template_id",
    "WECHAT_REPLY_DEADLINE_SECONDS": "reply_deadline_seconds",
    "WECHAT_SEND_RETRY_SECONDS": "send_retry_seconds",
}


def _from_config(config: dict[str, Any]) -> dict[str, Any]:
    service = config.get("service") or {}
    dialogue = config.get("dialogue") or {}
    nlu = config.get("nlu") or {}
    kb = config.get("kb") or {}
    values: dict[str, Any] = {k: v for k, v in service.items() if v is not None}
    values["regions_enabled"] = config.get("regions_enabled") or []
    values["default_region"] = config.get("default_region")
    for key in ("session_ttl_seconds", "lock_timeout_seconds"):
        if key in dialogue:
            values[key] = dialogue[key]
    if nlu.get("backend"):
        values["nlu_backend"] = nlu["backend"]
    values["rasa_url"] = nlu.get("rasa_url")
    if "confidence_threshold" in kb:
        values["kb_confidence_threshold"] = kb["confidence_threshold"]
    if "refresh_check_seconds" in kb:
        values["kb_refresh_check_seconds"] = kb["refresh_check_seconds"]
    handoff = config.get("handoff") or {}
    if "hours" in handoff:
        values["handoff_hours"] = handoff["hours"]
    if "workdays_only" in handoff:
        values["handoff_workdays_only"] = handoff["workdays_only"]
    values["wechat"] = dict(config.get("wechat") or {})
    return values


def load_settings(
    config_file: Path = CONFIG_FILE, environ: dict[str, str] | None = None, **overrides: Any
) -> Settings:
    environ = dict(os.environ if environ is None else environ)
    values = _from_config(read_yaml(config_file) if config_file.exists() else {})
    for env_name, field in ENV_MAP.items():
        if environ.get(env_name):
            values[field] = environ[env_name]
    for env_name, field in WECHAT_ENV.items():
        if environ.get(env_name):
            values.setdefault("wechat", {})[field] = environ[env_name]
    if environ.get("TRUSTED_PROXIES") is not None:
        values["trusted_proxies"] = [p for p in environ["TRUSTED_PROXIES"].split(",") if p.strip()]
    if environ.get("SESSION_KEYS"):
        values["session_keys"] = [
            k.strip() for k in environ["SESSION_KEYS"].split(",") if k.strip()
        ]
    for env_name, field in (("RATE_LIMIT_PER_ACCOUNT", "per_account_per_minute"),
                            ("RATE_LIMIT_PER_IP", "per_ip_per_minute"),
                            ("RATE_LIMIT_PER_OPENID", "per_openid_per_minute")):  # fmt: skip
        if environ.get(env_name):
            values.setdefault("rate_limit", {})
            values["rate_limit"] = {**dict(values["rate_limit"]), field: int(environ[env_name])}
    values.update(overrides)
    settings = Settings.model_validate(values)
    if not settings.secret_key:
        if settings.is_production:
            raise RuntimeError("SECRET_KEY must be set in production")
        settings.secret_key = _local_secret(data_dir() / "secret_key")
    if settings.is_production and settings.guest_login and settings.wechat.wxa_app_id:
        settings.guest_login = False
    return settings


def _local_secret(path: Path) -> str:
    """Development default: one key kept on disk, shared by every worker on this machine."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(secrets.token_urlsafe(32))
    return path.read_text().strip()
