"""Prometheus metrics: turns, latency, KB hits and misses, screening outcomes."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Histogram

REGISTRY = CollectorRegistry()
TURNS = Counter("shejiu_turns_total", "Chat turns handled", ["channel"], registry=REGISTRY)
TURN_LATENCY = Histogram(
    "shejiu_turn_seconds",
    "Time to handle one chat turn",
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5),
    registry=REGISTRY,
)
KB_QUERIES = Counter("shejiu_kb_queries_total", "KB queries", ["result"], registry=REGISTRY)
SCREENINGS = Counter(
    "shejiu_screening_outcomes_total", "Screening outcomes", ["item", "outcome"], registry=REGISTRY
)
HTTP_REQUESTS = Counter(
    "shejiu_http_requests_total", "HTTP requests", ["route", "status"], registry=REGISTRY
)
