"""Row <-> content mapping and the queries the workflow and the service share."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Select, or_, select, update
from sqlalchemy.orm import Session

from bot.kb.db import INDEX_VERSION_KEY
from bot.kb.models import AuditRow, EntryRow, MetaRow, VersionRow, utcnow
from bot.kb.schema import EntryContent, EntryStatus
from guides.errors import EntryNotFound


@dataclass(frozen=True)
class EntryView:
    """An entry as the editor sees it: the latest version's content and its workflow state."""

    content: EntryContent
    status: EntryStatus
    version: int
    published_version: int | None
    author: str
    reviewer: str | None
    created_at: dt.datetime
    updated_at: dt.datetime

    @property
    def id(self) -> str:
        return self.content.id


@dataclass(frozen=True)
class VersionView:
    entry_id: str
    version: int
    content: EntryContent
    author: str
    reviewer: str | None
    note: str | None
    created_at: dt.datetime
    published_at: dt.datetime | None


@dataclass(frozen=True)
class AuditView:
    at: dt.datetime
    actor: str
    action: str
    entry_id: str | None
    version: int | None
    detail: str | None


def _keys(values: list[str]) -> str:
    return "," + ",".join(values) + ","


def content_of(row: EntryRow) -> EntryContent:
    return EntryContent.model_validate(
        {
            "id": row.id,
            "question": row.question,
            "similar": row.similar,
            "answer": row.answer,
            "regions": row.regions,
            "items": row.items,
            "tags": row.tags,
            "source": row.source,
            "effective_from": row.effective_from,
            "effective_to": row.effective_to,
        }
    )


def write_content(row: EntryRow, content: EntryContent) -> None:
    data = content.model_dump(mode="json")
    row.question = content.question
    row.similar = data["similar"]
    row.answer = content.answer
    row.regions = data["regions"]
    row.items = data["items"]
    row.tags = data["tags"]
    row.source = data["source"]
    row.effective_from = content.effective_from
    row.effective_to = content.effective_to
    row.region_keys = _keys(data["regions"])
    row.item_keys = _keys(data["items"])
    row.search_text = "\n".join([content.question, *content.similar, content.answer])
    row.updated_at = utcnow()


def view_of(row: EntryRow) -> EntryView:
    return EntryView(
        content=content_of(row),
        status=row.status,  # type: ignore[arg-type]  # constrained by the workflow
        version=row.version,
        published_version=row.published_version,
        author=row.author,
        reviewer=row.reviewer,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def version_view(row: VersionRow) -> VersionView:
    return VersionView(
        entry_id=row.entry_id,
        version=row.version,
        content=EntryContent.model_validate(row.content),
        author=row.author,
        reviewer=row.reviewer,
        note=row.note,
        created_at=row.created_at,
        published_at=row.published_at,
    )


def get_row(session: Session, entry_id: str, *, lock: bool = False) -> EntryRow:
    stmt = select(EntryRow).where(EntryRow.id == entry_id)
    if lock:
        stmt = stmt.with_for_update()
    row = session.execute(stmt).scalar_one_or_none()
    if row is None:
        raise EntryNotFound(entry_id)
    return row


def get_version(session: Session, entry_id: str, version: int) -> VersionRow:
    row = session.execute(
        select(VersionRow).where(VersionRow.entry_id == entry_id, VersionRow.version == version)
    ).scalar_one_or_none()
    if row is None:
        raise EntryNotFound(entry_id, version)
    return row


def audit(
    session: Session,
    actor: str,
    action: str,
    entry_id: str | None = None,
    version: int | None = None,
    detail: str | None = None,
) -> None:
    session.add(
        AuditRow(actor=actor, action=action, entry_id=entry_id, version=version, detail=detail)
    )


def bump_index_version(session: Session) -> int:
    """Atomic increment in the caller's transaction; every worker polls this counter."""
    session.execute(
        update(MetaRow).where(MetaRow.key == INDEX_VERSION_KEY).values(value=MetaRow.value + 1)
    )
    value = session.execute(select(MetaRow.value).where(MetaRow.key == INDEX_VERSION_KEY))
    return int(value.scalar_one())


def filter_entries(
    region: str | None = None,
    item: str | None = None,
    status: str | None = None,
    text: str | None = None,
) -> Select[EntryRow]:
    """Portable filters: region matches entries for that region and entries for `all`."""
    stmt = select(EntryRow).order_by(EntryRow.id)
    if status:
        stmt = stmt.where(EntryRow.status == status)
    if region:
        stmt = stmt.where(
            or_(
                EntryRow.region_keys.contains(f",{region},", autoescape=True),
                EntryRow.region_keys == ",all,",
            )
        )
    if item:
        stmt = stmt.where(EntryRow.item_keys.contains(f",{item},", autoescape=True))
    if text:
        stmt = stmt.where(
            or_(
                EntryRow.id.contains(text, autoescape=True),
                EntryRow.search_text.contains(text, autoescape=True),
            )
        )
    return stmt


def published_contents(session: Session, on: dt.date | None = None) -> list[EntryContent]:
    """The live version of every published entry that is in effect on `on` (default today)."""
    day = on or dt.date.today()
    rows = session.execute(
        select(VersionRow)
        .join(EntryRow, EntryRow.id == VersionRow.entry_id)
        .where(
            EntryRow.published_version.is_not(None),
            VersionRow.version == EntryRow.published_version,
        )
        .order_by(VersionRow.entry_id)
    ).scalars()
    contents = [EntryContent.model_validate(r.content) for r in rows]
    return [c for c in contents if c.is_effective(day)]
