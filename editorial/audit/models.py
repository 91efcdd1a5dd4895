"""One row per change somebody made: the actor, the action, the subject, before and after."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from editorial.auth.models import User
from editorial.extensions import db
from editorial.models_base import UTCDateTime, utcnow
from editorial.units.models import Unit


class AuditEntry(db.Model):
    """A recorded change; `before`/`after` are JSON text of the values that changed."""

    @classmethod
    def in_province(cls, province_id: int):
        """Entries of that province's log."""
        return cls.province_id == province_id

    feed_neutral = True  # no calendar shows it: writing it rebuilds no feed

    __tablename__ = "audit_entries"
    __table_args__ = (Index("ix_audit_entries_subject", "subject_type", "subject_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    action: Mapped[str] = mapped_column(String(60), index=True)
    subject_type: Mapped[str] = mapped_column(String(40))
    subject_id: Mapped[int | None]
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)
    province_id: Mapped[int | None] = mapped_column(index=True)  # whose audit log shows it
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str] = mapped_column(Text, default="")

    actor: Mapped[User | None] = relationship(lazy="joined")
    unit: Mapped[Unit | None] = relationship(lazy="joined")

    def __repr__(self) -> str:
        return f"<AuditEntry {self.action} {self.subject_type}:{self.subject_id}>"
