"""The changes' event source: each decided request is an all-day event on its decision day."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import joinedload

from editorial.calendar.event import EVERYTHING, CalendarEvent, EventKind, Scope
from editorial.changes.models import ChangeRequest
from editorial.changes.rules import ChangeState
from editorial.clock import VN
from editorial.extensions import db

_WORDS = {ChangeState.APPROVED: "Đã duyệt thay đổi", ChangeState.REJECTED: "Không duyệt thay đổi"}


def events_between(start: date, end: date, scope: Scope = EVERYTHING) -> list[CalendarEvent]:
    """Decisions taken in [start, end], of one unit's requests (or swaps) when scoped."""
    unit_id = scope.unit_id
    since = datetime.combine(start, time(), VN)
    until = datetime.combine(end + timedelta(days=1), time(), VN)
    query = (select(ChangeRequest)
             .options(joinedload(ChangeRequest.slot), joinedload(ChangeRequest.other_slot))
             .where(ChangeRequest.state.in_(list(_WORDS)), ChangeRequest.decided_at >= since,
                    ChangeRequest.decided_at < until))
    if unit_id is not None:
        query = query.where(or_(ChangeRequest.unit_id == unit_id,
                                ChangeRequest.other_unit_id == unit_id))
    return [_event(r) for r in db.session.scalars(query)]


def _event(request: ChangeRequest) -> CalendarEvent:
    return CalendarEvent(
        uid=f"change-{request.id}", kind=EventKind.CHANGE_DECISION,
        title=f"{_WORDS[request.state]}: {request.slot.title}",
        start=request.decided_at.astimezone(VN).date(), unit_id=request.unit_id,
        url=f"/changes/{request.id}", description=request.decision_note or request.reason,
        sequence=request.version, last_modified=request.decided_at)
