"""The app the web tests run under uvicorn: normal settings, with rate limits out of the way
(every browser in the tests comes from 127.0.0.1)."""

from __future__ import annotations

from fastapi import FastAPI

from api.app import create_app
from api.settings import RateLimit, load_settings


def create() -> FastAPI:
    limits = RateLimit(per_account_per_minute=100_000, per_ip_per_minute=100_000)
    return create_app(load_settings(rate_limit=limits, default_region=None))
