"""A province's annual plan: columns per channel, and a slot per period of each column."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, String, Text, UniqueConstraint, select
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from editorial.extensions import db
from editorial.models_base import UTCDateTime, enum_column, utcnow
from editorial.plans.rules import (
    BroadcastPattern,
    Cadence,
    Channel,
    PlanStatus,
    SlotStatus,
    column_periods,
)
from editorial.text import search_key
from editorial.units.models import Unit
from editorial.units.scope import unit_in_province


class Plan(db.Model):
    """One year's plan of a unit (the province committee signs it)."""

    @classmethod
    def in_province(cls, province_id: int):
        """Rows of that province (see `editorial.units.scope`)."""
        return unit_in_province(cls.unit_id, province_id)

    __tablename__ = "plans"
    __table_args__ = (UniqueConstraint("unit_id", "year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"))
    title: Mapped[str] = mapped_column(String(300))
    status: Mapped[PlanStatus] = mapped_column(enum_column(PlanStatus), default=PlanStatus.ACTIVE)
    number: Mapped[str] = mapped_column(String(60), default="", server_default="")  # số/ký hiệu
    signed_on: Mapped[date | None] = mapped_column(Date)
    signer: Mapped[str] = mapped_column(String(200), default="", server_default="")
    focal_unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    unit: Mapped[Unit] = relationship(foreign_keys=[unit_id])
    focal_unit: Mapped[Unit | None] = relationship(foreign_keys=[focal_unit_id])
    columns: Mapped[list[PlanColumn]] = relationship(
        back_populates="plan", order_by="PlanColumn.position", cascade="all, delete-orphan"
    )

    def __repr__(self) -> str:
        return f"<Plan {self.year} {self.title!r}>"


class PlanColumn(db.Model):
    """A recurring column of a plan: a channel and a cadence (monthly page, weekly broadcast)."""

    @classmethod
    def in_province(cls, province_id: int):
        """Columns of that province's plans."""
        return cls.plan_id.in_(select(Plan.id).where(Plan.in_province(province_id)))

    __tablename__ = "plan_columns"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    channel: Mapped[Channel] = mapped_column(enum_column(Channel))
    cadence: Mapped[Cadence] = mapped_column(enum_column(Cadence), default=Cadence.MONTHLY)
    position: Mapped[int] = mapped_column(default=0)
    every_weeks: Mapped[int] = mapped_column(default=1, server_default="1")  # weekly: 1
    air_weekday: Mapped[int | None] = mapped_column()  # 0 = Monday … 6 = Sunday
    air_week_of_month: Mapped[int | None] = mapped_column()  # 1–4, 5 = the last; None: any
    air_time: Mapped[str | None] = mapped_column(String(5))  # "19:30"

    plan: Mapped[Plan] = relationship(back_populates="columns")
    slots: Mapped[list[Slot]] = relationship(
        back_populates="column", order_by="Slot.period_start", cascade="all, delete-orphan"
    )

    @property
    def pattern(self) -> BroadcastPattern | None:
        """The broadcast pattern that proposes air dates, None when the column has none."""
        if self.air_weekday is None:
            return None
        return BroadcastPattern(self.air_weekday, self.air_week_of_month, self.air_time)

    def periods(self) -> list[tuple[date, date]]:
        """The periods a row of this column can take in the plan's year."""
        return column_periods(self.plan.year, self.cadence, self.every_weeks)

    def __repr__(self) -> str:
        return f"<PlanColumn {self.channel} {self.cadence}>"


class Slot(db.Model):
    """One period of a column: a suggested topic, the unit assigned to it, and its state."""

    @classmethod
    def in_province(cls, province_id: int):
        """Slots of that province's plans."""
        return cls.column_id.in_(select(PlanColumn.id).where(PlanColumn.in_province(province_id)))

    __tablename__ = "slots"
    __table_args__ = (
        UniqueConstraint("column_id", "period_start", "assigned_unit_id"),
        Index("ix_slots_period", "period_start", "period_end"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    column_id: Mapped[int] = mapped_column(ForeignKey("plan_columns.id"))
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    topic: Mapped[str] = mapped_column(Text)
    assigned_unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)
    all_units: Mapped[bool] = mapped_column(default=False)
    status: Mapped[SlotStatus] = mapped_column(enum_column(SlotStatus), default=SlotStatus.PLANNED)
    record_date: Mapped[date | None] = mapped_column(Date)
    air_date: Mapped[date | None] = mapped_column(Date)
    print_date: Mapped[date | None] = mapped_column(Date)
    final_title: Mapped[str | None] = mapped_column(String(300))  # the agreed title
    done_note: Mapped[str | None] = mapped_column(Text)  # link or note when done
    note: Mapped[str] = mapped_column(Text, default="", server_default="")  # the plan's remark
    search_folded: Mapped[str] = mapped_column(Text, default="", server_default="")
    version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)

    column: Mapped[PlanColumn] = relationship(back_populates="slots")
    assigned_unit: Mapped[Unit | None] = relationship()

    __mapper_args__ = {"version_id_col": version}

    @validates("topic", "final_title")
    def _fold_titles(self, key: str, value: str | None) -> str | None:
        """Keep the diacritic-free copy of topic and agreed title that search reads."""
        other = self.final_title if key == "topic" else self.topic
        self.search_folded = search_key(f"{value or ''} {other or ''}")
        return value

    @property
    def is_done(self) -> bool:
        return self.status == SlotStatus.DONE

    @property
    def title(self) -> str:
        """The agreed title once there is one, else the plan's suggested topic."""
        return self.final_title or self.topic

    def __repr__(self) -> str:
        return f"<Slot {self.period_start} {self.topic[:30]!r}>"
