"""The editorial workflow of dated parameters; every value kept, every act audited.

    create ──> draft ──submit──> in_review ──approve (reviewer ≠ author)──> published
                 ^                   │ reject (with a note)
                 └───────────────────┘
A published value is never changed or deleted: a new standard is a new dated value. `approve`
bumps `kb_meta.params_version` in the same transaction, so every worker rebuilds its cache.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Select, select, update
from sqlalchemy.orm import Session, sessionmaker

from bot.kb.models import MetaRow, utcnow
from bot.params.models import ParamAuditRow, ParamValueRow
from bot.params.schema import NewValue
from guides.errors import EntryNotFound, InvalidTransition, ReviewerConflict
from guides.params import ParameterFile, Parameters, ParameterValue, parameters
from guides.sources import SourceRef

VERSION_KEY = "params_version"
SEED_AUTHOR = "初始数据（parameters.yml）"
STATUS_LABELS = {"draft": "草稿", "in_review": "待审核", "published": "已发布"}
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AuditLine:
    at: dt.datetime
    actor: str
    action: str
    value_id: int | None
    name: str | None
    detail: str | None


def value_of(row: ParamValueRow) -> ParameterValue:
    return ParameterValue(
        region=row.region, variant=row.variant, place=row.place,
        effective_from=row.effective_from, effective_until=row.effective_until, value=row.value,
        verified=row.verified, source=SourceRef.model_validate(row.source), note=row.note,
    )  # fmt: skip


class ParameterStore:
    """Workflow over a session factory; each method is one transaction."""

    def __init__(
        self, sessions: sessionmaker[Session], on_change: Callable[[int], None] | None = None
    ) -> None:
        self._sessions = sessions
        self._on_change = on_change

    # -- writes -----------------------------------------------------------------------------

    def create(self, new: NewValue, author: str, *, today: dt.date | None = None) -> int:
        today = today or dt.date.today()
        unit = parameters().parameter(new.name).unit
        with self._sessions.begin() as s:
            row = ParamValueRow(
                name=new.name, region=new.region.value, place=new.place, variant=new.variant,
                value=new.value, unit=unit, effective_from=new.effective_from,
                effective_until=new.effective_until,
                source=new.source(today).model_dump(mode="json", exclude_none=True),
                verified=new.has_source, note=new.note_text(), status="draft", author=author,
            )  # fmt: skip
            s.add(row)
            s.flush()
            detail = f"{new.value:g}{unit}，{new.effective_from}起" + (
                "" if new.has_source else "，未注明出处（未核实）"
            )
            _audit(s, author, "create", row, detail)
            return row.id

    def submit(self, value_id: int, actor: str) -> None:
        with self._sessions.begin() as s:
            row = _row(s, value_id)
            if row.status != "draft":
                raise InvalidTransition(str(value_id), row.status, "submit")
            row.status, row.updated_at = "in_review", utcnow()
            _audit(s, actor, "submit", row)

    def reject(self, value_id: int, reviewer: str, note: str | None = None) -> None:
        with self._sessions.begin() as s:
            row = _row(s, value_id)
            if row.status != "in_review":
                raise InvalidTransition(str(value_id), row.status, "reject")
            row.status, row.review_note, row.updated_at = "draft", note, utcnow()
            _audit(s, reviewer, "reject", row, note)

    def approve(self, value_id: int, reviewer: str) -> int:
        with self._sessions.begin() as s:
            row = _row(s, value_id)
            if row.status != "in_review":
                raise InvalidTransition(str(value_id), row.status, "approve")
            if row.author == reviewer:
                raise ReviewerConflict(str(value_id), reviewer)
            now = utcnow()
            row.status, row.reviewer, row.published_at, row.updated_at = (
                "published", reviewer, now, now,
            )  # fmt: skip
            _audit(s, reviewer, "approve", row, f"{row.value:g}{row.unit}，{row.effective_from}起")
            version = _bump(s)
        self._notify(version)
        return version

    def seed_if_empty(self) -> int:
        """First start: every value of guides/data/parameters.yml, published as it is."""
        with self._sessions.begin() as s:
            if s.execute(select(ParamValueRow.id).limit(1)).first() is not None:
                return 0
            count = 0
            for name, parameter in parameters().data.parameters.items():
                for v in parameter.history:
                    s.add(
                        ParamValueRow(
                            name=name, region=v.region, place=v.place, variant=v.variant,
                            value=v.value, unit=parameter.unit, effective_from=v.effective_from,
                            effective_until=v.effective_until,
                            source=v.source.model_dump(mode="json", exclude_none=True),
                            verified=v.verified, note=v.note, status="published",
                            author=SEED_AUTHOR, reviewer=SEED_AUTHOR, published_at=utcnow(),
                        )
                    )  # fmt: skip
                    count += 1
            s.add(ParamAuditRow(actor=SEED_AUTHOR, action="seed", detail=f"{count} 个取值"))
            version = _bump(s)
        self._notify(version)
        return count

    # -- reads ------------------------------------------------------------------------------

    def version(self) -> int:
        with self._sessions() as s:
            found = s.get(MetaRow, VERSION_KEY)
            return int(found.value) if found is not None else 0

    def published_parameters(self) -> Parameters:
        """The YAML definitions (description, unit) with the published values as history."""
        with self._sessions() as s:
            rows = s.execute(
                select(ParamValueRow).where(ParamValueRow.status == "published")
            ).scalars()
            by_name: dict[str, list[ParameterValue]] = {}
            for row in rows:
                by_name.setdefault(row.name, []).append(value_of(row))
        base = parameters().data.parameters
        merged = {
            name: p.model_copy(update={"history": by_name[name]})
            for name, p in base.items()
            if by_name.get(name)
        }
        return Parameters(ParameterFile(parameters=merged))

    def get(self, value_id: int) -> ParamValueRow:
        with self._sessions() as s:
            return _row(s, value_id)

    def rows(self, stmt: Select[ParamValueRow]) -> list[ParamValueRow]:
        with self._sessions() as s:
            return list(s.execute(stmt).scalars())

    def listing(
        self, *, region: str | None = None, name: str | None = None, status: str | None = None
    ) -> list[ParamValueRow]:
        stmt = select(ParamValueRow)
        if region:
            stmt = stmt.where(ParamValueRow.region.in_([region, "all"]))
        if name:
            stmt = stmt.where(ParamValueRow.name == name)
        if status:
            stmt = stmt.where(ParamValueRow.status == status)
        order = (ParamValueRow.name, ParamValueRow.region, ParamValueRow.place,
                 ParamValueRow.variant, ParamValueRow.effective_from, ParamValueRow.id)  # fmt: skip
        return self.rows(stmt.order_by(*order))

    def timeline(
        self, name: str, region: str, place: str | None, variant: str | None
    ) -> list[ParamValueRow]:
        """Every value of one parameter at one place, oldest first (drafts included)."""
        stmt = select(ParamValueRow).where(
            ParamValueRow.name == name,
            ParamValueRow.region == region,
            ParamValueRow.place.is_(None) if place is None else ParamValueRow.place == place,
            ParamValueRow.variant.is_(None)
            if variant is None
            else ParamValueRow.variant == variant,
        )
        return self.rows(stmt.order_by(ParamValueRow.effective_from, ParamValueRow.id))

    def review_queue(self) -> list[ParamValueRow]:
        stmt = select(ParamValueRow).where(ParamValueRow.status == "in_review")
        return self.rows(stmt.order_by(ParamValueRow.updated_at, ParamValueRow.id))

    def audit_log(self, value_id: int | None = None, limit: int = 100) -> list[AuditLine]:
        stmt = select(ParamAuditRow).order_by(ParamAuditRow.id.desc()).limit(limit)
        if value_id is not None:
            stmt = stmt.where(ParamAuditRow.value_id == value_id)
        with self._sessions() as s:
            return [
                AuditLine(r.at, r.actor, r.action, r.value_id, r.name, r.detail)
                for r in s.execute(stmt).scalars()
            ]

    def _notify(self, version: int) -> None:
        if self._on_change is not None:
            try:
                self._on_change(version)
            except Exception:  # a hint channel failing must not undo a committed publish
                log.warning("parameter change hook failed", exc_info=True)


def _row(s: Session, value_id: int) -> ParamValueRow:
    row = s.get(ParamValueRow, value_id)
    if row is None:
        raise EntryNotFound(str(value_id))
    return row


def _audit(
    s: Session, actor: str, action: str, row: ParamValueRow, detail: str | None = None
) -> None:
    s.add(ParamAuditRow(actor=actor, action=action, value_id=row.id, name=row.name,
                        detail=detail))  # fmt: skip


def _bump(s: Session) -> int:
    if s.get(MetaRow, VERSION_KEY) is None:
        s.add(MetaRow(key=VERSION_KEY, value=0))
        s.flush()
    s.execute(update(MetaRow).where(MetaRow.key == VERSION_KEY).values(value=MetaRow.value + 1))
    return int(s.execute(select(MetaRow.value).where(MetaRow.key == VERSION_KEY)).scalar_one())
