"""A change request on a slot, with its decision; versioned against concurrent deciders."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from editorial.auth.models import User
from editorial.changes.rules import ChangeKind, ChangeState
from editorial.extensions import db
from editorial.models_base import UTCDateTime, enum_column, utcnow
from editorial.plans.models import Slot
from editorial.units.models import Unit
from editorial.units.scope import unit_in_province


class ChangeRequest(db.Model):
    """An officer's request to change an agreed (or planned) slot, and what became of it."""

    @classmethod
    def in_province(cls, province_id: int):
        """Rows of that province (see `editorial.units.scope`)."""
        return unit_in_province(cls.unit_id, province_id)

    __tablename__ = "change_requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    slot_id: Mapped[int] = mapped_column(ForeignKey("slots.id"), index=True)
    kind: Mapped[ChangeKind] = mapped_column(enum_column(ChangeKind))
    state: Mapped[ChangeState] = mapped_column(enum_column(ChangeState), index=True)
    requester_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    reason: Mapped[str] = mapped_column(Text)
    field: Mapped[str | None] = mapped_column(String(20))  # for a date move
    new_date: Mapped[date | None] = mapped_column(Date)
    new_topic: Mapped[str | None] = mapped_column(Text)
    other_slot_id: Mapped[int | None] = mapped_column(ForeignKey("slots.id"))  # for a swap
    # The other unit of a swap as it was when filed (approval moves the slots' units around).
    other_unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)
    consent_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    consent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    decision_note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    version: Mapped[int] = mapped_column(default=1)

    slot: Mapped[Slot] = relationship(foreign_keys=[slot_id])
    other_slot: Mapped[Slot | None] = relationship(foreign_keys=[other_slot_id])
    requester: Mapped[User] = relationship(foreign_keys=[requester_id])
    decided_by: Mapped[User | None] = relationship(foreign_keys=[decided_by_id])
    unit: Mapped[Unit] = relationship(foreign_keys=[unit_id])
    other_unit: Mapped[Unit | None] = relationship(foreign_keys=[other_unit_id])

    __mapper_args__ = {"version_id_col": version}

    @property
    def is_open(self) -> bool:
        return self.state in (ChangeState.AWAITING_CONSENT, ChangeState.PENDING)

    def __repr__(self) -> str:
        return f"<ChangeRequest {self.id} {self.kind} {self.state}>"
