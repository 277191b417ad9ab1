"""The editorial workflow of the knowledge base, with every version kept and every act audited.

    create_draft ──> draft ──submit──> in_review ──approve (reviewer ≠ author)──> published
                       ^                  │ reject                                 │ edit: new
                       └──────────────────┘                                        │ draft version
    published ──retire──> retired ──edit──> draft …        rollback(N): new version, published

A published entry stays live while its next version is drafted and reviewed; `approve`,
`retire` and `rollback` change what is live and bump the index version (kb_meta) in the same
transaction, so every worker's index refreshes (see bot/kb/service.py).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.kb import notices
from bot.kb import repository as repo
from bot.kb.models import AuditRow, EntryRow, VersionRow, utcnow
from bot.kb.repository import AuditView, EntryView, VersionView
from bot.kb.schema import EntryContent
from guides.errors import EntryExists, EntryNotFound, InvalidTransition, ReviewerConflict

DIFF_FIELDS = (
    "question",
    "similar",
    "answer",
    "regions",
    "items",
    "tags",
    "source",
    "effective_from",
    "effective_to",
)


@dataclass(frozen=True)
class Change:
    field: str
    old: object
    new: object


@dataclass(frozen=True)
class EntryPage:
    """One page of a filtered entry list; `page` is 1-based and within 1..pages."""

    entries: list[EntryView]
    total: int
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


def rollback_note(version: int) -> str:
    return f"回滚到第 {version} 版"


class KnowledgeBase:
    """Workflow service over a SQLAlchemy session factory. Each method is one transaction."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        on_index_change: Callable[[int], None] | None = None,
    ) -> None:
        self._sessions = sessions
        self._on_index_change = on_index_change  # e.g. a Redis publish; the DB stays the truth

    # -- writes -------------------------------------------------------------------------

    def create_draft(self, content: EntryContent, author: str) -> EntryView:
        with self._sessions.begin() as s:
            if s.get(EntryRow, content.id) is not None:
                raise EntryExists(content.id)
            row = EntryRow(id=content.id, status="draft", version=1, author=author)
            repo.write_content(row, content)
            s.add(row)
            s.flush()
            self._add_version(s, row, author)
            repo.audit(s, author, "create", content.id, 1)
            s.flush()
            return repo.view_of(row)

    def edit(self, content: EntryContent, editor: str) -> EntryView:
        """Change the content: a draft is rewritten; a published/retired entry gets a new
        draft version (the published one stays live until the new one is approved)."""
        with self._sessions.begin() as s:
            row = repo.get_row(s, content.id, lock=True)
            if row.status == "in_review":
                raise InvalidTransition(row.id, row.status, "edit")
            repo.write_content(row, content)
            row.author, row.reviewer = editor, None
            if row.status == "draft":
                version = repo.get_version(s, row.id, row.version)
                version.content = content.model_dump(mode="json")
                version.author, version.created_at = editor, utcnow()
            else:
                row.status, row.version = "draft", row.version + 1
                self._add_version(s, row, editor)
            repo.audit(s, editor, "edit", row.id, row.version)
            s.flush()
            return repo.view_of(row)

    def submit(self, entry_id: str, actor: str) -> EntryView:
        return self._move(entry_id, actor, "submit", {"draft"}, "in_review")

    def reject(self, entry_id: str, reviewer: str, note: str | None = None) -> EntryView:
        """Back to draft; the author of the version under review gets an in-page notice."""
        with self._sessions.begin() as s:
            row = repo.get_row(s, entry_id, lock=True)
            if row.status != "in_review":
                raise InvalidTransition(entry_id, row.status, "reject")
            author = repo.get_version(s, entry_id, row.version).author
            row.status, row.updated_at = "draft", utcnow()
            repo.audit(s, reviewer, "reject", entry_id, row.version, note)
            notices.add_rejection(s, author, entry_id, row.version, reviewer, note)
            s.flush()
            return repo.view_of(row)

    def approve(self, entry_id: str, reviewer: str) -> EntryView:
        with self._sessions.begin() as s:
            row = repo.get_row(s, entry_id, lock=True)
            if row.status != "in_review":
                raise InvalidTransition(entry_id, row.status, "approve")
            version = repo.get_version(s, entry_id, row.version)
            if reviewer == version.author:
                raise ReviewerConflict(entry_id, reviewer)
            now = utcnow()
            version.reviewer, version.published_at = reviewer, now
            row.status, row.reviewer, row.published_version = "published", reviewer, row.version
            row.updated_at = now
            repo.audit(s, reviewer, "approve", entry_id, row.version)
            index_version = repo.bump_index_version(s)
            view = repo.view_of(row)
        self._notify(index_version)
        return view

    def retire(self, entry_id: str, actor: str, note: str | None = None) -> EntryView:
        with self._sessions.begin() as s:
            row = repo.get_row(s, entry_id, lock=True)
            if row.published_version is None:
                raise InvalidTransition(entry_id, row.status, "retire")
            row.status, row.published_version, row.updated_at = "retired", None, utcnow()
            repo.audit(s, actor, "retire", entry_id, row.version, note)
            index_version = repo.bump_index_version(s)
            view = repo.view_of(row)
        self._notify(index_version)
        return view

    def rollback(self, entry_id: str, to_version: int, actor: str) -> EntryView:
        """Publish the content of an earlier published version as a new version."""
        with self._sessions.begin() as s:
            row = repo.get_row(s, entry_id, lock=True)
            old = repo.get_version(s, entry_id, to_version)
            if old.published_at is None:
                raise InvalidTransition(entry_id, f"v{to_version} never published", "rollback")
            content = EntryContent.model_validate(old.content)
            repo.write_content(row, content)
            row.version += 1
            row.status, row.published_version = "published", row.version
            row.author, row.reviewer = actor, old.reviewer
            note = rollback_note(to_version)
            self._add_version(s, row, actor, note=note, published=True, reviewer=old.reviewer)
            repo.audit(s, actor, "rollback", entry_id, row.version, note)
            index_version = repo.bump_index_version(s)
            view = repo.view_of(row)
        self._notify(index_version)
        return view

    def publish_direct(self, contents: list[EntryContent], actor: str) -> int:
        """Insert entries as published v1 without review (the seed loader only)."""
        with self._sessions.begin() as s:
            for content in contents:
                if s.get(EntryRow, content.id) is not None:
                    raise EntryExists(content.id)
                row = EntryRow(id=content.id, status="published", version=1, author=actor)
                repo.write_content(row, content)
                row.reviewer, row.published_version = actor, 1
                s.add(row)
                s.flush()
                self._add_version(s, row, actor, published=True, reviewer=actor)
            repo.audit(s, actor, "seed", None, None, f"{len(contents)} 条")
            index_version = repo.bump_index_version(s)
        self._notify(index_version)
        return len(contents)

    # -- reads --------------------------------------------------------------------------

    def get(self, entry_id: str) -> EntryView:
        with self._sessions() as s:
            return repo.view_of(repo.get_row(s, entry_id))

    def exists(self, entry_id: str) -> bool:
        with self._sessions() as s:
            return s.get(EntryRow, entry_id) is not None

    def list_entries(
        self,
        *,
        region: str | None = None,
        item: str | None = None,
        status: str | None = None,
        text: str | None = None,
    ) -> list[EntryView]:
        with self._sessions() as s:
            rows = s.execute(repo.filter_entries(region, item, status, text)).scalars()
            return [repo.view_of(r) for r in rows]

    def list_page(
        self,
        *,
        region: str | None = None,
        item: str | None = None,
        status: str | None = None,
        text: str | None = None,
        page: int = 1,
        per_page: int = 50,
    ) -> EntryPage:
        """One page of `list_entries` (ordered by id); a page past the end shows the last."""
        stmt = repo.filter_entries(region, item, status, text)
        with self._sessions() as s:
            total = int(
                s.execute(
                    select(func.count()).select_from(stmt.order_by(None).subquery())
                ).scalar_one()
            )
            pages = max(1, -(-total // per_page))
            page = min(max(1, page), pages)
            rows = s.execute(stmt.offset((page - 1) * per_page).limit(per_page)).scalars()
            return EntryPage([repo.view_of(r) for r in rows], total, page, per_page)

    def review_queue(self) -> list[EntryView]:
        """Entries waiting for review, the longest-waiting first (submitted = last update)."""
        stmt = (
            select(EntryRow)
            .where(EntryRow.status == "in_review")
            .order_by(EntryRow.updated_at, EntryRow.id)
        )
        with self._sessions() as s:
            return [repo.view_of(r) for r in s.execute(stmt).scalars()]

    def history(self, entry_id: str) -> list[VersionView]:
        with self._sessions() as s:
            rows = s.execute(
                select(VersionRow)
                .where(VersionRow.entry_id == entry_id)
                .order_by(VersionRow.version)
            ).scalars()
            versions = [repo.version_view(r) for r in rows]
        if not versions:
            raise EntryNotFound(entry_id)
        return versions

    def version(self, entry_id: str, version: int) -> VersionView:
        with self._sessions() as s:
            return repo.version_view(repo.get_version(s, entry_id, version))

    def diff(self, entry_id: str, old: int, new: int) -> list[Change]:
        a = self.version(entry_id, old).content.model_dump(mode="json")
        b = self.version(entry_id, new).content.model_dump(mode="json")
        return [Change(f, a[f], b[f]) for f in DIFF_FIELDS if a[f] != b[f]]

    def audit_log(self, entry_id: str | None = None, limit: int = 100) -> list[AuditView]:
        stmt = select(AuditRow).order_by(AuditRow.id.desc()).limit(limit)
        if entry_id is not None:
            stmt = stmt.where(AuditRow.entry_id == entry_id)
        with self._sessions() as s:
            return [
                AuditView(r.at, r.actor, r.action, r.entry_id, r.version, r.detail)
                for r in s.execute(stmt).scalars()
            ]

    def published(self) -> list[EntryContent]:
        with self._sessions() as s:
            return repo.published_contents(s)

    def count(self) -> int:
        with self._sessions() as s:
            return int(s.execute(select(func.count()).select_from(EntryRow)).scalar_one())

    # -- helpers ------------------------------------------------------------------------

    def _move(
        self,
        entry_id: str,
        actor: str,
        action: str,
        allowed: set[str],
        target: str,
        note: str | None = None,
    ) -> EntryView:
        with self._sessions.begin() as s:
            row = repo.get_row(s, entry_id, lock=True)
            if row.status not in allowed:
                raise InvalidTransition(entry_id, row.status, action)
            row.status, row.updated_at = target, utcnow()
            repo.audit(s, actor, action, entry_id, row.version, note)
            s.flush()
            return repo.view_of(row)

    @staticmethod
    def _add_version(
        s: Session,
        row: EntryRow,
        author: str,
        *,
        note: str | None = None,
        published: bool = False,
        reviewer: str | None = None,
    ) -> None:
        s.add(
            VersionRow(
                entry_id=row.id,
                version=row.version,
                content=repo.content_of(row).model_dump(mode="json"),
                author=author,
                reviewer=reviewer,
                note=note,
                published_at=utcnow() if published else None,
            )
        )

    def _notify(self, index_version: int) -> None:
        if self._on_index_change is not None:
            try:
                self._on_index_change(index_version)
            except Exception:  # a hint channel failing must not undo a committed publish
                logging.getLogger(__name__).warning("index change hook failed", exc_info=True)
