"""The notification centre: a user's list, the unread count, marking as read."""

from __future__ import annotations

from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select, update

from editorial.errors import NotFound
from editorial.extensions import db
from editorial.notifications.models import Notification
from editorial.notifications.rules import Kind

PAGE_SIZE = 50
KIND_LABELS = {
    Kind.REGISTRATION: _l("Hạn đăng ký chủ đề (cán bộ đơn vị)"),
    Kind.OVERDUE: _l("Đơn vị quá hạn đăng ký (biên tập viên)"),
    Kind.REPORT: _l("Hạn nộp báo cáo (cán bộ đơn vị)"),
    Kind.DIGEST: _l("Bản tin buổi sáng (biên tập viên)"),
}


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
