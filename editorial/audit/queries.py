"""The audit log page's query: filters by unit, slot, person and dates; pages of rows."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import and_, or_, select

from editorial.audit.models import AuditEntry
from editorial.auth.models import User
from editorial.calendar import dates
from editorial.clock import VN
from editorial.errors import RuleViolation
from editorial.extensions import db

PAGE = 100


def _day(raw: str) -> date | None:
    if not raw:
        return None
    try:
        day = dates.parse_day(raw)
    except ValueError:
        day = None
    if day is None or not 2000 <= day.year <= 2100:
        raise RuleViolation(f"Ngày không hợp lệ: {raw[:20]} (năm 2000–2100).")
    return day


@dataclass(frozen=True)
class AuditFilter:
    unit_id: int | None = None
    slot_id: int | None = None
    person: str = ""
    start: date | None = None
    end: date | None = None
    page: int = 1

    @classmethod
    def parse(cls, args: Mapping[str, str]) -> AuditFilter:
        def number(name: str) -> int | None:
            raw = (args.get(name) or "").strip()
            return int(raw) if raw.isdecimal() else None

        return cls(number("unit"), number("slot"), (args.get("person") or "").strip()[:80],
                   _day((args.get("from") or "").strip()), _day((args.get("to") or "").strip()),
                   min(max(1, number("page") or 1), 10_000))

    def query(self):
        """The filtered entries, newest first."""
        query = select(AuditEntry).order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
        if self.unit_id:
            query = query.where(AuditEntry.unit_id == self.unit_id)
        if self.slot_id:  # the slot's own entries and those of its change requests
            requests = db.metadata.tables["change_requests"]
            of_slot = select(requests.c.id).where(or_(requests.c.slot_id == self.slot_id,
                                                      requests.c.other_slot_id == self.slot_id))
            query = query.where(or_(
                and_(AuditEntry.subject_type == "slots", AuditEntry.subject_id == self.slot_id),
                and_(AuditEntry.subject_type == "change_requests",
                     AuditEntry.subject_id.in_(of_slot))))
        if self.person:
            people = select(User.id).where(User.login == self.person)
            query = query.where(AuditEntry.actor_id.in_(people))
        if self.start:
            query = query.where(AuditEntry.at >= datetime.combine(self.start, time(), VN))
        if self.end:
            query = query.where(AuditEntry.at < datetime.combine(
                self.end + timedelta(days=1), time(), VN))
        return query


def page(filters: AuditFilter) -> tuple[list[AuditEntry], bool]:
    """One page of entries, and whether there is a next page."""
    rows = list(db.session.scalars(filters.query().offset((filters.page - 1) * PAGE)
                                   .limit(PAGE + 1)))
    return rows[:PAGE], len(rows) > PAGE


def all_rows(filters: AuditFilter, limit: int = 50_000):
    """Every matching entry for the CSV export, streamed in batches."""
    return db.session.scalars(filters.query().limit(limit).execution_options(yield_per=500))
