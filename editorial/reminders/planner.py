"""Keep the reminder rows in step with the deadlines: an idempotent upsert by key."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import delete, or_, select, update
from sqlalchemy.orm import joinedload

from editorial.changes.labels import KIND_LABELS
from editorial.changes.models import ChangeRequest
from editorial.changes.rules import ChangeState
from editorial.clock import VN
from editorial.extensions import db
from editorial.notifications import rules
from editorial.notifications.models import Reminder
from editorial.notifications.preferences import preferences_of
from editorial.plans import services as plans
from editorial.plans.rules import SlotStatus
from editorial.reminders.deadlines import People, deadlines_around
from editorial.units import scope
from editorial.upsert import insert_on_conflict

_FIELDS = ("deadline", "due_at", "expires_at", "title", "body", "url")
_KEY = ("kind", "subject", "recipient_id", "offset_days")  # uq_reminders_key


@dataclass(frozen=True, slots=True)
class PlanResult:
    created: int
    updated: int
    deleted: int


def plan_reminders(now: datetime) -> PlanResult:
    """Upsert the reminders the deadlines call for; delete unsent ones that no longer apply
    (the slot was registered, the deadline or a preference changed). Sent rows stay as they are."""
    people = People()
    today = now.astimezone(VN).date()
    deadlines = deadlines_around(today, people)
    users = {u for d in deadlines for u in (*d.recipients, *d.watchers)}
    planned = rules.plan(deadlines, preferences_of(users), VN)
    wanted = {p.key: p for p in planned if p.expires_at > now}
    return _apply(wanted, _existing({k[1] for k in wanted}), now)


def _existing(subjects: set[str]) -> list[Reminder]:
    """Rows of the planned kinds that are unsent, or about one of `subjects`."""
    about = or_(Reminder.sent_at.is_(None), Reminder.subject.in_(subjects)) if subjects \
        else Reminder.sent_at.is_(None)
    query = select(Reminder).where(Reminder.kind.in_([str(k) for k in rules.PLANNED_KINDS]),
                                   about)
    return list(db.session.scalars(query))


def _apply(wanted: dict, rows: Iterable[Reminder], now: datetime) -> PlanResult:
    """Delete, update, then insert, each in key order and each a statement that tolerates a
    sweep running at the same moment: a row another sweep deleted or sent is left alone, and a
    row it inserted first is not inserted again (INSERT … ON CONFLICT DO NOTHING)."""
    gone, changed = [], []
    for row in sorted(rows, key=lambda r: r.id):
        planned = wanted.pop(row.key, None)
        if row.sent_at is not None:
            continue
        if planned is None:
            if row.expires_at > now:  # expired unsent rows stay as a record
                gone.append(row.id)
        elif any(getattr(row, f) != getattr(planned, f) for f in _FIELDS):
            changed.append((row.id, {f: getattr(planned, f) for f in _FIELDS}))
    unsent, core = Reminder.sent_at.is_(None), {"synchronize_session": False}
    deleted = db.session.execute(delete(Reminder).where(Reminder.id.in_(gone), unsent)
                                 .execution_options(**core)).rowcount if gone else 0
    updated = sum(db.session.execute(update(Reminder).where(Reminder.id == row_id, unsent)
                                     .values(**values).execution_options(**core)).rowcount
                  for row_id, values in changed)
    created = _insert_new([
        {"kind": p.kind, "subject": p.subject, "recipient_id": p.recipient_id,
         "offset_days": p.offset_days, **{f: getattr(p, f) for f in _FIELDS}}
        for p in wanted.values()])  # the planned order: the same in every sweep
    db.session.expire_all()
    return PlanResult(created, updated, deleted)


def _insert_new(values: list[dict]) -> int:
    """Insert the rows whose key is new, skipping those a concurrent sweep wrote first; the
    number inserted."""
    if not values:
        return 0
    statement = insert_on_conflict(Reminder, values, _KEY).returning(Reminder.id)
    return len(db.session.execute(statement).all())


def plan_digest(now: datetime) -> int:
    """The editors' morning digest of what waits for them in their own province; one row per
    editor per day."""
    count = 0
    for province, editors in People().editors_of.items():
        with scope.inside(province):  # every query below sees that province only
            count += _province_digest(now, tuple(editors))
    return count


def _province_digest(now: datetime, editors: tuple[int, ...]) -> int:
    """The digest of one province's waiting slots and change requests, for its editors."""
    today = now.astimezone(VN).date()
    slots = plans.slots_between(today - timedelta(days=31), today + timedelta(days=366))
    waiting = [s for s in slots if s.status in (SlotStatus.REGISTERED, SlotStatus.NEGOTIATING)]
    approvals = _pending_changes()
    if not waiting and not approvals:
        return 0
    fresh = [s for s in waiting if s.updated_at >= now - timedelta(days=1)]
    title = (f"Bản tin sáng {today:%d/%m/%Y}: {len(waiting)} chủ đề chờ xử lý, "
             f"{len(fresh)} mới trong 24 giờ, {len(approvals)} yêu cầu thay đổi chờ duyệt")
    body = "\n".join([_digest_line(s, s in fresh) for s in waiting[:30]] + approvals[:30])
    prefs = preferences_of(editors)
    subject = f"digest:{today.isoformat()}"
    rows = {r.recipient_id: r for r in db.session.scalars(select(Reminder).where(
        Reminder.kind == str(rules.Kind.DIGEST), Reminder.subject == subject))}
    count = 0
    for editor in editors:
        if not prefs.get(editor, rules.Preferences()).wants(rules.Kind.DIGEST):
            continue
        row = rows.get(editor)
        if row is None:
            count += _insert_new([_digest(editor, subject, today, now, title, body)])
        elif row.sent_at is None:
            row.title, row.body = title, body
    db.session.flush()
    return count


def _pending_changes() -> list[str]:
    """One line per change request waiting for an editor's decision."""
    query = (select(ChangeRequest).where(ChangeRequest.state == ChangeState.PENDING)
             .options(joinedload(ChangeRequest.slot)).order_by(ChangeRequest.id))
    return [f"- Yêu cầu thay đổi #{r.id} ({KIND_LABELS[r.kind]}): {r.slot.title[:120]}"
            for r in db.session.scalars(query)]


def _digest_line(slot, fresh: bool) -> str:
    mark = "[mới] " if fresh else ""
    state = "đã đăng ký" if slot.status == SlotStatus.REGISTERED else "đang trao đổi"
    unit = plans.slot_unit_name(slot)
    return f"- {mark}Tháng {slot.period_start:%m/%Y} – {unit} ({state}): {slot.topic[:120]}"


def _digest(editor: int, subject: str, today: date, now: datetime, title: str,
            body: str) -> dict:
    expires = rules.at_local(today + timedelta(days=1), VN, time(0))
    return {"kind": str(rules.Kind.DIGEST), "subject": subject, "recipient_id": editor,
            "offset_days": 0, "deadline": today, "due_at": now, "expires_at": expires,
            "title": title, "body": body, "url": "/registrations/board"}
