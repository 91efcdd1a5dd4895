"""The audit log page's query: filters by unit, slot, person and dates; pages of rows; what an
officer may read of it (their own unit's entries and those about its slots)."""

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

    def query(self, reader=None):
        """The filtered entries, newest first; with a reader, only those they may read."""
        query = select(AuditEntry).order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
        if reader is not None and (scope := readable_by(reader)) is not None:
            query = query.where(scope)
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


def readable_by(user):
    """The condition on entries `user` may read: None (all of the province's log) for those
    who read every unit; for an officer, the entries of their own unit and those about its
    slots and its change requests (a swap's other unit included), never another unit's."""
    if user.reads_all:
        return None
    unit_id = user.unit_id
    slots, requests = db.metadata.tables["slots"], db.metadata.tables["change_requests"]
    own_slots = select(slots.c.id).where(slots.c.assigned_unit_id == unit_id)
    own_requests = select(requests.c.id).where(or_(requests.c.unit_id == unit_id,
                                                   requests.c.other_unit_id == unit_id))
    return or_(AuditEntry.unit_id == unit_id,
               and_(AuditEntry.subject_type == "slots", AuditEntry.subject_id.in_(own_slots)),
               and_(AuditEntry.subject_type == "change_requests",
                    AuditEntry.subject_id.in_(own_requests)))


def page(filters: AuditFilter, reader=None) -> tuple[list[AuditEntry], bool]:
    """One page of entries (of those `reader` may read), and whether there is a next page."""
    rows = list(db.session.scalars(filters.query(reader).offset((filters.page - 1) * PAGE)
                                   .limit(PAGE + 1)))
    return rows[:PAGE], len(rows) > PAGE


def all_rows(filters: AuditFilter, reader=None, limit: int = 50_000):
    """Every matching entry for the CSV export, streamed in batches."""
    return db.session.scalars(filters.query(reader).limit(limit)
                              .execution_options(yield_per=500))
