"""Seed content: bot/kb/seed/*.yml, loaded strictly; put into an empty database as published."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.exc import IntegrityError

from bot.kb.schema import EntryContent, SeedFile
from bot.kb.workflow import KnowledgeBase
from guides.errors import EntryExists, GuideDataError
from guides.yamlio import load_model

SEED_DIR = Path(__file__).parent / "seed"
SEED_AUTHOR = "seed"


def load_seed(directory: Path = SEED_DIR) -> list[EntryContent]:
    """Every entry of every seed file; a malformed file or a duplicate id names file + path."""
    entries: list[EntryContent] = []
    seen: dict[str, str] = {}
    for path in sorted(directory.glob("*.yml")):
        for i, entry in enumerate(load_model(path, SeedFile).entries):
            if entry.id in seen:
                raise GuideDataError(path.name, f"entries.{i}.id", f"duplicate of {seen[entry.id]}")
            seen[entry.id] = path.name
            entries.append(entry)
    return entries


def seed_if_empty(kb: KnowledgeBase, directory: Path = SEED_DIR) -> int:
    """Publish the seed when the knowledge base has no entry yet; returns how many were added."""
    if kb.count() > 0:
        return 0
    entries = load_seed(directory)
    try:
        return kb.publish_direct(entries, SEED_AUTHOR)
    except (EntryExists, IntegrityError):  # another worker seeded it first
        return 0
