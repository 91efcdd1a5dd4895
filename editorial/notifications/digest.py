"""The digest: a user's notifications waiting for mail go out together, one message per user,
once the oldest has waited a few minutes (several clicks of a negotiation make one mail)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import func, select, update

from editorial.auth.models import User
from editorial.extensions import db
from editorial.notifications import mail, rules
from editorial.notifications.models import Notification
from editorial.notifications.preferences import preferences_for

BATCH = 500


@dataclass(frozen=True, slots=True)
class DigestResult:
    mails: int  # digest messages queued (or held in the outbox)
    items: int  # notifications they carry
    dropped: int  # notifications of users who no longer want mail, passed over


def wait_of(config) -> timedelta:
    """How long steps gather before their digest is mailed (NOTIFY_DIGEST_MINUTES)."""
    minutes = config.get("NOTIFY_DIGEST_MINUTES")
    return rules.DIGEST_WAIT if minutes is None else timedelta(minutes=float(minutes))


def queue_digests(now: datetime, wait: timedelta | None = None) -> DigestResult:
    """One digest mail for each user whose oldest waiting notification has waited `wait`.

    Each notification is claimed by a conditional UPDATE (`… WHERE mail_pending`) in id
    order and committed with its user's mail, so a second sweep, or a second scheduler racing
    this one, finds nothing left and never sends a step twice."""
    wait = wait_of(current_app.config) if wait is None else wait
    mails = items = dropped = 0
    for user_id in _ready_users(now - wait):
        try:
            sent, count = _digest_of(user_id, now)
            db.session.commit()
        except Exception:  # one user's trouble must not stop the others' digests
            db.session.rollback()
            current_app.logger.exception("digest for user %s failed", user_id)
            continue
        if sent:
            mails, items = mails + 1, items + count
        else:
            dropped += count
    return DigestResult(mails, items, dropped)


def _ready_users(cutoff: datetime) -> list[int]:
    """Users with a waiting notification created at or before `cutoff`."""
    query = (select(Notification.user_id).where(Notification.mail_pending.is_(True))
             .group_by(Notification.user_id)
             .having(func.min(Notification.created_at) <= cutoff)
             .order_by(Notification.user_id).limit(BATCH))
    return list(db.session.scalars(query))


def _digest_of(user_id: int, now: datetime) -> tuple[bool, int]:
    """(True, n) when a mail carrying n notifications was queued; (False, n) when n were
    passed over because the user no longer wants mail; (False, 0) when another sweep took
    them first."""
    user = db.session.get(User, user_id)
    choice = preferences_for(user_id)
    wanted = choice.mails and user is not None and user.active
    ids = db.session.scalars(select(Notification.id).where(
        Notification.user_id == user_id, Notification.mail_pending.is_(True))
        .order_by(Notification.id)).all()
    claimed = [i for i in ids if _claim(i, now if wanted else None)]
    if not claimed or not wanted:
        return False, len(claimed)
    notes = list(db.session.scalars(select(Notification).where(Notification.id.in_(claimed))
                                    .order_by(Notification.created_at, Notification.id)))
    mail.queue_digest(user, choice.email or "", notes, now)
    return True, len(notes)


def _claim(notification_id: int, mailed_at: datetime | None) -> bool:
    """Take the notification out of the waiting list if nobody has; True when this call did."""
    result = db.session.execute(
        update(Notification).where(Notification.id == notification_id,
                                   Notification.mail_pending.is_(True))
        .values(mail_pending=False, mailed_at=mailed_at)
        .execution_options(synchronize_session=False))
    return result.rowcount == 1
