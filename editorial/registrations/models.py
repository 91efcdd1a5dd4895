"""A slot's registration, the messages and proposals of its thread, and who read what."""

from __future__ import annotations

import json
from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from editorial.auth.models import User
from editorial.extensions import db
from editorial.models_base import UTCDateTime, enum_column, utcnow
from editorial.registrations.rules import MessageKind, Side
from editorial.units.models import Unit
from editorial.units.scope import unit_in_province


class Registration(db.Model):
    """What the unit registers for a slot: title, outline, staff, proposed dates, notes."""

    @classmethod
    def in_province(cls, province_id: int):
        """Rows of that province (see `editorial.units.scope`)."""
        return unit_in_province(cls.unit_id, province_id)

    __tablename__ = "registrations"

    id: Mapped[int] = mapped_column(primary_key=True)
    slot_id: Mapped[int] = mapped_column(ForeignKey("slots.id"), unique=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    final_title: Mapped[str] = mapped_column(String(300), default="")
    outline: Mapped[str] = mapped_column(Text, default="")
    staff_json: Mapped[str] = mapped_column(Text, default="[]")
    staff_folded: Mapped[str] = mapped_column(Text, default="")
    record_date: Mapped[date | None] = mapped_column(Date)
    air_date: Mapped[date | None] = mapped_column(Date)
    print_date: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    late: Mapped[bool] = mapped_column(default=False)
    waiting_on: Mapped[Side | None] = mapped_column(enum_column(Side))
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)

    unit: Mapped[Unit] = relationship()

    @property
    def staff(self) -> list[dict[str, str]]:
        """The staff as [{"name": …, "role": …}]."""
        return json.loads(self.staff_json or "[]")

    @property
    def submitted(self) -> bool:
        return self.submitted_at is not None

    def __repr__(self) -> str:
        return f"<Registration slot={self.slot_id} {self.final_title[:30]!r}>"


class Message(db.Model):
    """One entry of a slot's thread; proposals carry the values they propose."""

    @classmethod
    def in_province(cls, province_id: int):
        """Rows of that province (see `editorial.units.scope`)."""
        return unit_in_province(cls.unit_id, province_id)

    __tablename__ = "registration_messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    slot_id: Mapped[int] = mapped_column(ForeignKey("slots.id"), index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"))
    side: Mapped[Side] = mapped_column(enum_column(Side))
    kind: Mapped[MessageKind] = mapped_column(enum_column(MessageKind))
    body: Mapped[str] = mapped_column(Text, default="")
    title: Mapped[str | None] = mapped_column(String(300))
    record_date: Mapped[date | None] = mapped_column(Date)
    air_date: Mapped[date | None] = mapped_column(Date)
    print_date: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    author: Mapped[User] = relationship()
    unit: Mapped[Unit] = relationship()

    @property
    def is_proposal(self) -> bool:
        return self.kind in (MessageKind.PROPOSAL, MessageKind.COUNTER)

    def __repr__(self) -> str:
        return f"<Message {self.kind} slot={self.slot_id}>"


class ThreadRead(db.Model):
    """The last thread entry a user has seen on a slot (for "unread messages")."""

    feed_neutral = True  # no calendar shows it: writing it rebuilds no feed

    __tablename__ = "thread_reads"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    slot_id: Mapped[int] = mapped_column(ForeignKey("slots.id"), primary_key=True)
    last_message_id: Mapped[int] = mapped_column(default=0)

    def __repr__(self) -> str:
        return f"<ThreadRead user={self.user_id} slot={self.slot_id} {self.last_message_id}>"
