"""Reminder rows (one per kind, subject, recipient and offset), notifications, preferences
and the mail outbox."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Date,
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
    false,
    select,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from editorial.auth.models import User
from editorial.extensions import db
from editorial.models_base import UTCDateTime, enum_column, utcnow
from editorial.notifications.rules import MailStatus


class Reminder(db.Model):
    """Something to tell someone at a given time; the unique key makes sending it idempotent."""

    feed_neutral = True  # no calendar shows it: writing it rebuilds no feed

    __tablename__ = "reminders"
    __table_args__ = (
        UniqueConstraint("kind", "subject", "recipient_id", "offset_days",
                         name="uq_reminders_key"),
        Index("ix_reminders_due", "sent_at", "due_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    subject: Mapped[str] = mapped_column(String(120))  # e.g. "slot:12", "report:…-2023-04"
    recipient_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    offset_days: Mapped[int]  # days from the deadline: -3 before, 0 on the day, 1 after
    deadline: Mapped[date] = mapped_column(Date)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    title: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text, default="")
    url: Mapped[str] = mapped_column(String(300), default="")
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    skipped: Mapped[bool] = mapped_column(default=False)  # superseded by a later one, not sent
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    recipient: Mapped[User] = relationship()

    @property
    def key(self) -> tuple[str, str, int, int]:
        return (self.kind, self.subject, self.recipient_id, self.offset_days)

    def __repr__(self) -> str:
        return f"<Reminder {self.kind} {self.subject} → {self.recipient_id} {self.offset_days:+d}>"


class Notification(db.Model):
    """A message in a user's notification centre."""

    feed_neutral = True  # no calendar shows it: writing it rebuilds no feed

    __tablename__ = "notifications"
    __table_args__ = (Index("ix_notifications_inbox", "user_id", "read_at"),
                      Index("ix_notifications_digest", "mail_pending", "user_id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    reminder_id: Mapped[int | None] = mapped_column(ForeignKey("reminders.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text, default="")
    url: Mapped[str] = mapped_column(String(300), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Waiting for the user's next digest mail (a step of a negotiation or a change request);
    # the digest clears it, with `mailed_at` set when the step really went into a mail.
    mail_pending: Mapped[bool] = mapped_column(default=False, server_default=false())
    mailed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    def __repr__(self) -> str:
        return f"<Notification {self.user_id} {self.title[:30]!r}>"


class Preference(db.Model):
    """What a user wants to be reminded of, how many days ahead, and where to mail it."""

    feed_neutral = True  # no calendar shows it: writing it rebuilds no feed

    __tablename__ = "notification_preferences"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    email: Mapped[str | None] = mapped_column(String(254))
    email_enabled: Mapped[bool] = mapped_column(default=True)
    days_before: Mapped[str] = mapped_column(String(40), default="3,1")
    muted: Mapped[str] = mapped_column(String(200), default="")  # kinds, comma-separated
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)

    def __repr__(self) -> str:
        return f"<Preference {self.user_id} {self.days_before} muted={self.muted!r}>"


class MailMessage(db.Model):
    """One e-mail: queued for SMTP, or held in the outbox when no server is configured."""

    @classmethod
    def in_province(cls, province_id: int):
        """Mail to that province's users (the admins' outbox)."""
        return cls.recipient_id.in_(select(User.id).where(User.in_province(province_id)))

    feed_neutral = True  # no calendar shows it: writing it rebuilds no feed

    __tablename__ = "mail_outbox"
    __table_args__ = (Index("ix_mail_outbox_queue", "status", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    recipient_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    reminder_id: Mapped[int | None] = mapped_column(ForeignKey("reminders.id"), index=True)
    to_addr: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    status: Mapped[MailStatus] = mapped_column(enum_column(MailStatus))
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    def __repr__(self) -> str:
        return f"<MailMessage {self.id} {self.status} {self.to_addr}>"
