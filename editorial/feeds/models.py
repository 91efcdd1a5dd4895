"""Feed settings per user (secret, choices, last use) and the calendar data version."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from editorial.auth.models import User
from editorial.extensions import db
from editorial.models_base import UTCDateTime, utcnow


class FeedSettings(db.Model):
    """A user's feeds: the per-user secret behind every URL, what they show, last use.

    The URL token is an HMAC of (user, scope, secret) under the server key, so the table
    alone does not reveal a valid URL, and a new secret kills all the old URLs at once.
    """

    __tablename__ = "feed_settings"
    feed_neutral = True  # writing it (last use) changes no calendar: no data version bump

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    secret: Mapped[str] = mapped_column(String(64))
    hidden_groups: Mapped[str] = mapped_column(String(200), default="")
    alarm: Mapped[str] = mapped_column(String(20), default="none")
    # Set by hand when the secret or a choice changes (not on last-use writes).
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_used_scope: Mapped[str | None] = mapped_column(String(70))

    user: Mapped[User] = relationship(lazy="joined", innerjoin=True)

    def __repr__(self) -> str:
        return f"<FeedSettings user={self.user_id} alarm={self.alarm}>"


class CalendarVersion(db.Model):
    """One row counting writes that may change a calendar: the feeds' cache key."""

    __tablename__ = "calendar_versions"
    feed_neutral = True

    id: Mapped[int] = mapped_column(primary_key=True)
    counter: Mapped[int] = mapped_column(default=0)
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    def __repr__(self) -> str:
        return f"<CalendarVersion {self.counter} {self.changed_at}>"
