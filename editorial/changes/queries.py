"""Read-side of change requests: the queue, one request's page, a slot's requests."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import joinedload

from editorial.audit import queries as audit_queries
from editorial.audit import services as audit
from editorial.audit.models import AuditEntry
from editorial.audit.present import Presenter
from editorial.changes import rules, services
from editorial.changes.models import ChangeRequest
from editorial.changes.rules import ChangeState
from editorial.extensions import db
from editorial.plans.models import Slot
from editorial.plans.values import field_label, readable
from editorial.units.services import unit_names

QUEUE_LIMIT = 200


@dataclass
class QueueItem:
    request: ChangeRequest
    conflicting: bool  # another open request on the same slot


def _with_slots():
    return select(ChangeRequest).options(
        joinedload(ChangeRequest.slot).joinedload(Slot.assigned_unit),
        joinedload(ChangeRequest.other_slot), joinedload(ChangeRequest.requester),
        joinedload(ChangeRequest.unit))


def queue(user, show_closed: bool = False) -> list[QueueItem]:
    """Open requests first (oldest first), then recent decisions; officers see their unit's."""
    query = _with_slots()
    if not show_closed:
        query = query.where(ChangeRequest.state.in_(rules.OPEN))
    if user.is_officer:
        query = query.where(or_(ChangeRequest.unit_id == user.unit_id,
                                ChangeRequest.other_unit_id == user.unit_id))
    requests = list(db.session.scalars(query.order_by(ChangeRequest.created_at.desc(),
                                                      ChangeRequest.id.desc())
                                       .limit(QUEUE_LIMIT)))
    open_per_slot = Counter(s for r in requests if r.is_open for s in _slots_of(r))
    requests.sort(key=lambda r: (not r.is_open, r.created_at if r.is_open else -r.id))
    return [QueueItem(r, r.is_open and any(open_per_slot[s] > 1 for s in _slots_of(r)))
            for r in requests]


def _slots_of(request: ChangeRequest) -> tuple[int, ...]:
    """The slots a request would change: its own, and the other month of a swap."""
    return tuple(s for s in (request.slot_id, request.other_slot_id) if s is not None)


def conflicting(request: ChangeRequest) -> list[ChangeRequest]:
    """The other open requests touching a slot this one would change (both sides of a swap)."""
    if not request.is_open:
        return []
    slots = _slots_of(request)
    query = select(ChangeRequest).where(
        ChangeRequest.id != request.id, ChangeRequest.state.in_(rules.OPEN),
        or_(ChangeRequest.slot_id.in_(slots), ChangeRequest.other_slot_id.in_(slots)))
    return list(db.session.scalars(query.order_by(ChangeRequest.id)))


def slot_requests(slot_id: int) -> list[ChangeRequest]:
    """Every request on one slot, newest first (the slot's page lists them)."""
    query = _with_slots().where(ChangeRequest.slot_id == slot_id).order_by(
        ChangeRequest.id.desc())
    return list(db.session.scalars(query))


def swap_candidates(slot: Slot) -> list[Slot]:
    """Other units' unregistered months of the same plan and channel."""
    query = (select(Slot).options(joinedload(Slot.assigned_unit))
             .where(Slot.column_id == slot.column_id, Slot.id != slot.id,
                    Slot.status == "planned", Slot.assigned_unit_id.is_not(None),
                    Slot.assigned_unit_id != slot.assigned_unit_id)
             .order_by(Slot.period_start))
    return list(db.session.scalars(query))


def history(request: ChangeRequest, reader=None) -> list:
    """The audit entries of the request and of its slot, oldest first, as people read them
    (an officer reads only their own unit's)."""
    entries = (audit.history("change_requests", request.id, reader)
               + audit.history("slots", request.slot_id, reader))
    return Presenter(sorted(entries, key=lambda e: (e.at, e.id))).lines()


def slot_history(slot: Slot, reader) -> list:
    """The slot's latest 100 entries and its requests', oldest first, as people read them."""
    entries, _more = audit_queries.page(audit_queries.AuditFilter(slot_id=slot.id), reader)
    return Presenter(reversed(entries)).lines()


def readable_diff(request: ChangeRequest) -> list[tuple[str, str, str]]:
    """Before → after as people read it: what an approved request changed (from the audit
    log, both slots of a swap), else what the request asks of the slot as it stands now."""
    names = unit_names()
    applied = db.session.scalars(select(AuditEntry).where(
        AuditEntry.action == "slot.change", AuditEntry.note == f"Yêu cầu thay đổi #{request.id}")
        .order_by(AuditEntry.id)).all()
    if request.state == ChangeState.APPROVED and applied:
        pairs = [(json.loads(e.before or "{}"), json.loads(e.after or "{}")) for e in applied]
    else:
        pairs = [(services.snapshot(request.slot), services.proposed(request))]
    return [(field_label(d.field), readable(d.field, d.before, names),
             readable(d.field, d.after, names))
            for before, after in pairs for d in rules.diff(before, after)]
