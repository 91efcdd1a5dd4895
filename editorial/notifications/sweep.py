"""The sweep: send the reminders that are due, each exactly once, and retry failures."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select, update

from editorial.auth.models import User
from editorial.clock import VN
from editorial.extensions import db
from editorial.notifications import mail, rules
from editorial.notifications.models import Notification, Reminder
from editorial.notifications.preferences import preferences_of

BATCH = 500


@dataclass(frozen=True, slots=True)
class SweepResult:
    sent: int
    skipped: int
    failed: int


def send_due(now: datetime) -> SweepResult:
    """Deliver every due, unexpired, unsent reminder. Each is claimed by a conditional UPDATE
    and committed with its notification and mail, so a second sweep (or a second scheduler
    racing this one) finds nothing left to send."""
    due = [rules.Due(r.id, (r.kind, r.subject, r.recipient_id, r.offset_days), r.due_at)
           for r in db.session.execute(_due_query(now))]
    send, skip = rules.catch_up(due)
    for reminder_id in skip:
        _claim(reminder_id, now, skipped=True)
    db.session.commit()
    reminders = {r.id: r for r in db.session.scalars(
        select(Reminder).where(Reminder.id.in_(send)))} if send else {}
    users = _users({r.recipient_id for r in reminders.values()})
    prefs = preferences_of(users)
    sent = failed = 0
    for reminder_id in send:
        try:
            sent += _deliver(reminders[reminder_id], users, prefs, now)
            db.session.commit()
        except Exception as error:  # one bad reminder must not stop the others
            db.session.rollback()
            _failed(reminder_id, now, error)
            failed += 1
    return SweepResult(sent, len(skip), failed)


def _due_query(now: datetime):
    return (select(Reminder.id, Reminder.kind, Reminder.subject, Reminder.recipient_id,
                   Reminder.offset_days, Reminder.due_at)
            .where(Reminder.sent_at.is_(None), Reminder.due_at <= now, Reminder.expires_at > now,
                   or_(Reminder.next_attempt_at.is_(None), Reminder.next_attempt_at <= now))
            .order_by(Reminder.due_at).limit(BATCH))


def _users(ids: set[int]) -> dict[int, User]:
    if not ids:
        return {}
    return {u.id: u for u in db.session.scalars(select(User).where(User.id.in_(ids)))}


def _claim(reminder_id: int, now: datetime, skipped: bool = False) -> bool:
    """Mark the reminder sent if nobody has; True when this call did."""
    result = db.session.execute(
        update(Reminder).where(Reminder.id == reminder_id, Reminder.sent_at.is_(None))
        .values(sent_at=now, skipped=skipped).execution_options(synchronize_session=False))
    return result.rowcount == 1


def _deliver(row: Reminder, users: dict[int, User], prefs: dict, now: datetime) -> int:
    """The notification, and the mail when the user wants it; 0 if already claimed."""
    if not _claim(row.id, now):
        return 0
    user = users[row.recipient_id]
    title = rules.headline(row.title, row.deadline, now.astimezone(VN).date(), row.kind)
    db.session.add(Notification(user_id=user.id, reminder_id=row.id, kind=row.kind,
                                title=title[:300], body=row.body, url=row.url, created_at=now))
    choice = prefs.get(user.id, rules.Preferences())
    if choice.mails and user.active:
        mail.queue(user, choice.email or "", title, row.body, row.url, now, reminder_id=row.id)
    return 1


def _failed(reminder_id: int, now: datetime, error: Exception) -> None:
    """Record the failure and back off; after the last attempt, stop until it expires."""
    row = db.session.get(Reminder, reminder_id)
    row.attempts += 1
    row.last_error = f"{type(error).__name__}: {error}"[:2000]
    row.next_attempt_at = (row.expires_at if rules.gives_up(row.attempts)
                           else now + rules.retry_delay(row.attempts))
    db.session.commit()
