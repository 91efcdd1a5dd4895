"""The monthly scoreboard snapshot: last month's tally kept in the audit log, editors told."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from editorial.audit import services as audit
from editorial.audit.models import AuditEntry
from editorial.auth import services as users
from editorial.clock import VN
from editorial.extensions import db
from editorial.notifications.rules import Kind
from editorial.notifications.services import notify
from editorial.units import scope
from editorial.units.models import Unit
from editorial.units.services import unit_names
from editorial.website.services import tally

ACTION = "website.scoreboard"


def take(now: datetime) -> str:
    """Keep the previous month's tally of each province in its own audit log, and tell its
    own editors (once per month, however often it runs)."""
    results = []
    for province in list(db.session.scalars(select(Unit.id).where(Unit.province_id.is_(None)))):
        scope.enter(province)  # every query below sees that province only
        try:
            results.append(_take_province(now, province))
        finally:
            scope.enter(None)
    return "; ".join(results)


def _take_province(now: datetime, province: int) -> str:
    """One province's snapshot: its units' tally, its log, its editors."""
    today = now.astimezone(VN).date()
    year, month = (today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12)
    key = year * 100 + month
    if db.session.scalar(select(AuditEntry.id).where(
            AuditEntry.action == ACTION, AuditEntry.subject_id == key)) is not None:
        return f"tháng {month}/{year} đã có"
    names, counts = unit_names(), tally(year, month)
    values = {names.get(unit, str(unit)): f"{t.news} tin, {t.articles} bài"
              + (" – đạt" if t.met() else " – chưa đạt") for unit, t in counts.items()}
    audit.record(None, ACTION, ("scoreboard", key), after=values,
                 note=f"Kết quả tin, bài tháng {month}/{year}", unit_id=province)
    short = sorted(names.get(u, str(u)) for u, t in counts.items() if not t.met())
    met = len(counts) - len(short)
    body = ("Chưa đạt: " + ", ".join(short)) if short else "Tất cả đơn vị đạt chỉ tiêu."
    notify(users.editor_ids(), f"Kết quả tin, bài tháng {month}/{year}: {met}/{len(counts)} "
           "đơn vị đạt chỉ tiêu", body, f"/website/scoreboard/{year}", now, kind=Kind.WEBSITE)
    db.session.commit()
    return f"tháng {month}/{year}: {met}/{len(counts)} đơn vị đạt"
