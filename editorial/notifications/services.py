"""The notification centre: a user's list, the unread count, marking as read."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select, update

from editorial import clock
from editorial.auth.models import User
from editorial.errors import NotFound
from editorial.extensions import db
from editorial.notifications import mail, recipients
from editorial.notifications.models import Notification
from editorial.notifications.preferences import preferences_of
from editorial.notifications.recipients import SlotLike
from editorial.notifications.rules import Kind, Preferences

PAGE_SIZE = 50


def notify(user_ids: Iterable[int], title: str, body: str, url: str, now: datetime,
           kind: Kind = Kind.CHANGE) -> int:
    """Tell users something happened: in the notification centre, and by mail for those who
    want mail; users who muted the kind are skipped. Returns how many were told."""
    ids = sorted(set(user_ids))
    prefs = preferences_of(ids)
    users = db.session.scalars(select(User).where(User.id.in_(ids), User.active.is_(True)))
    told = 0
    for user in users:
        choice = prefs.get(user.id)
        if choice is not None and kind.value in choice.muted:
            continue
        db.session.add(Notification(user_id=user.id, kind=kind.value, title=title[:300],
                                    body=body, url=url, created_at=now))
        if choice is not None and choice.mails and choice.email:
            mail.queue(user, choice.email, title, body, url, now)
        told += 1
    return told


def tell(user_ids: Iterable[int], title: str, body: str, url: str, now: datetime,
         kind: Kind, actor_id: int | None = None) -> int:
    """Tell users of a step someone took: a notification now, and a place in their next
    digest mail for those who want mail (the mail job gathers a few minutes of steps into one
    message). The actor is never told of their own step; users who muted the kind are
    skipped. Returns how many were told."""
    ids = sorted(set(user_ids) - {actor_id})
    prefs = preferences_of(ids)
    active = db.session.scalars(select(User.id).where(User.id.in_(ids), User.active.is_(True)))
    told = 0
    for user_id in active:
        choice = prefs.get(user_id, Preferences())
        if not choice.wants(kind):
            continue
        db.session.add(Notification(user_id=user_id, kind=kind.value, title=title[:300],
                                    body=body, url=url, created_at=now,
                                    mail_pending=choice.mails))
        told += 1
    return told


def notify_side(slot: SlotLike, side: str, kind: Kind, title: str, url: str, actor,
                body: str = "", unit_id: int | None = None) -> int:
    """Tell the side of the slot whose turn it now is (see `recipients`), in the same
    transaction as the step; `actor` is the user who took it (never told)."""
    return tell(recipients.side_users(slot, side, unit_id), title, body, url, clock.now(), kind,
                getattr(actor, "id", None))


def unread_count(user_id: int) -> int:
    return db.session.scalar(select(func.count(Notification.id)).where(
        Notification.user_id == user_id, Notification.read_at.is_(None))) or 0


def inbox(user_id: int, limit: int = PAGE_SIZE) -> list[Notification]:
    """The user's latest notifications, unread first, newest first."""
    return list(db.session.scalars(
        select(Notification).where(Notification.user_id == user_id)
        .order_by(Notification.read_at.is_not(None), Notification.created_at.desc(),
                  Notification.id.desc())
        .limit(limit)))


def mark_read(user_id: int, notification_id: int, now: datetime) -> Notification:
    """Mark one of the user's notifications read (someone else's is not found)."""
    found = db.session.get(Notification, notification_id)
    if found is None or found.user_id != user_id:
        raise NotFound(str(_l("Không tìm thấy thông báo.")))
    if found.read_at is None:
        found.read_at = now
        db.session.flush()
    return found


def mark_all_read(user_id: int, now: datetime) -> int:
    """Mark every unread notification of the user read; how many were."""
    result = db.session.execute(
        update(Notification).where(Notification.user_id == user_id,
                                   Notification.read_at.is_(None))
        .values(read_at=now).execution_options(synchronize_session=False))
    return result.rowcount
