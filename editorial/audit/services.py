"""Write audit entries (and read a subject's history back)."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select

from editorial.audit.models import AuditEntry
from editorial.audit.queries import readable_by
from editorial.extensions import db
from editorial.units.models import Unit


def _json(values: dict[str, Any] | None) -> str | None:
    """Values as JSON text; dates and enums become their string form."""
    if values is None:
        return None
    return json.dumps(values, ensure_ascii=False, sort_keys=True, default=str)


def record(actor, action: str, subject, before: dict | None = None, after: dict | None = None,
           note: str = "", unit_id: int | None = None) -> AuditEntry:
    """Add one entry: `actor` a user (or None for the system), `subject` any mapped row or a
    (table name, id) pair for things without a row of their own (settings, deletions)."""
    if unit_id is None:
        unit_id = getattr(subject, "unit_id", None) or getattr(subject, "assigned_unit_id", None)
    subject_type, subject_id = (subject if isinstance(subject, tuple)
                                else (subject.__tablename__, subject.id))
    entry = AuditEntry(actor_id=getattr(actor, "id", None), action=action,
                       subject_type=subject_type, subject_id=subject_id,
                       unit_id=unit_id, province_id=_province_of(unit_id, actor, subject),
                       before=_json(before), after=_json(after), note=note)
    db.session.add(entry)
    return entry


def _province_of(unit_id: int | None, actor, subject) -> int | None:
    """Whose log an entry belongs to: its unit's province, a unit's own, else the actor's."""
    if isinstance(subject, Unit):
        return subject.root_id
    unit = db.session.get(Unit, unit_id) if unit_id is not None else getattr(actor, "unit", None)
    return unit.root_id if unit is not None else None


def history(subject_type: str, subject_id: int, reader=None) -> list[AuditEntry]:
    """The entries of one subject, oldest first; with a reader, only those they may read."""
    query = (select(AuditEntry)
             .where(AuditEntry.subject_type == subject_type, AuditEntry.subject_id == subject_id)
             .order_by(AuditEntry.at, AuditEntry.id))
    if reader is not None and (scope := readable_by(reader)) is not None:
        query = query.where(scope)
    return list(db.session.scalars(query))
