"""Events a unit must report on, and the tin, bài it sends for the provincial website."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from editorial.auth.models import User
from editorial.extensions import db
from editorial.models_base import UTCDateTime, enum_column, utcnow
from editorial.units.models import Unit
from editorial.units.scope import unit_in_province
from editorial.website.rules import ItemKind, ItemStatus


class WebEvent(db.Model):
    """Sự kiện cần đưa tin: news of it is due one working day after `event_date`."""

    @classmethod
    def in_province(cls, province_id: int):
        """Rows of that province (see `editorial.units.scope`)."""
        return unit_in_province(cls.unit_id, province_id)

    __tablename__ = "web_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    event_date: Mapped[date] = mapped_column(Date, index=True)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    unit: Mapped[Unit] = relationship()
    created_by: Mapped[User] = relationship()

    def __repr__(self) -> str:
        return f"<WebEvent {self.id} {self.event_date} {self.title[:30]!r}>"


class WebItem(db.Model):
    """A tin or bài sent to Ban Biên tập; counts toward the quota once published."""

    @classmethod
    def in_province(cls, province_id: int):
        """Rows of that province (see `editorial.units.scope`)."""
        return unit_in_province(cls.unit_id, province_id)

    __tablename__ = "web_items"
    __table_args__ = (Index("ix_web_items_published", "status", "published_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    kind: Mapped[ItemKind] = mapped_column(enum_column(ItemKind))
    title: Mapped[str] = mapped_column(String(300))
    summary: Mapped[str] = mapped_column(Text, default="")
    link: Mapped[str | None] = mapped_column(String(500))
    event_id: Mapped[int | None] = mapped_column(ForeignKey("web_events.id"), index=True)
    status: Mapped[ItemStatus] = mapped_column(enum_column(ItemStatus),
                                               default=ItemStatus.SUBMITTED)
    submitted_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    published_on: Mapped[date | None] = mapped_column(Date)  # the day it ran on the website
    note: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(default=1)

    unit: Mapped[Unit] = relationship()
    author: Mapped[User] = relationship(foreign_keys=[author_id])
    decided_by: Mapped[User | None] = relationship(foreign_keys=[decided_by_id])
    event: Mapped[WebEvent | None] = relationship()

    __mapper_args__ = {"version_id_col": version}

    def __repr__(self) -> str:
        return f"<WebItem {self.id} {self.kind} {self.status}>"
