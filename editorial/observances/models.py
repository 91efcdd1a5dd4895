"""What admins store on top of the shipped calendar data: day exceptions (national: the
government's notices, one list for the server), and each province's own anniversaries,
report rules, Khmer New Year dates and registration-deadline rule."""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import Date, ForeignKey, String, Text, Time, UniqueConstraint, true
from sqlalchemy.orm import Mapped, mapped_column

from editorial.extensions import db
from editorial.models_base import UTCDateTime, utcnow


class _OfProvince:
    """A row one province decided (see `editorial.units.scope`)."""

    province_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)

    @classmethod
    def in_province(cls, province_id: int):
        return cls.province_id == province_id


class DayException(db.Model):
    """An extra day off or a swapped working Saturday, with its legal basis."""

    __tablename__ = "day_exceptions"

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(Date, unique=True)
    kind: Mapped[str] = mapped_column(String(8))  # "off" | "work"
    name: Mapped[str] = mapped_column(String(200))
    basis: Mapped[str] = mapped_column(String(300), default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    def __repr__(self) -> str:
        return f"<DayException {self.day} {self.kind}>"


class AnniversaryEntry(_OfProvince, db.Model):
    """An anniversary added by a province's admin, or its edit of a shipped one (same key)."""

    __tablename__ = "anniversary_entries"
    __table_args__ = (UniqueConstraint("province_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(80))
    name: Mapped[str] = mapped_column(String(300))
    category: Mapped[str] = mapped_column(String(20), default="local")
    calendar: Mapped[str] = mapped_column(String(8), default="solar")
    year: Mapped[int | None]
    month: Mapped[int]
    day: Mapped[int | None]
    end_month: Mapped[int | None]
    end_day: Mapped[int | None]
    wording: Mapped[str | None] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(default=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)

    def __repr__(self) -> str:
        return f"<AnniversaryEntry {self.key}>"


class ReportRuleEntry(_OfProvince, db.Model):
    """A province's version of a report-deadline rule (same key as a shipped one, or new)."""

    __tablename__ = "report_rule_entries"
    __table_args__ = (UniqueConstraint("province_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(80))
    name: Mapped[str] = mapped_column(String(200))
    frequency: Mapped[str] = mapped_column(String(12))
    day: Mapped[int]
    month: Mapped[int | None]
    wording: Mapped[str] = mapped_column(String(200))
    unit_kinds: Mapped[str] = mapped_column(String(100), default="")  # comma-separated
    kind: Mapped[str] = mapped_column(String(10), default="report")
    before: Mapped[bool] = mapped_column(default=True)
    active: Mapped[bool] = mapped_column(default=True)
    # A meeting's hours in Viet Nam time (none: a whole-day event).
    start_time: Mapped[time | None] = mapped_column(Time())
    end_time: Mapped[time | None] = mapped_column(Time())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)

    def __repr__(self) -> str:
        return f"<ReportRuleEntry {self.key}>"


class KhmerNewYearOverride(_OfProvince, db.Model):
    """The Chôl Chnăm Thmây dates of a year as the province announces them."""

    __tablename__ = "khmer_new_year_overrides"

    province_id: Mapped[int] = mapped_column(ForeignKey("units.id"), primary_key=True)
    year: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    start: Mapped[date] = mapped_column(Date)
    end: Mapped[date] = mapped_column(Date)


class DeadlineSetting(_OfProvince, db.Model):
    """The province's registration-deadline rule (one row each; absent: the seed's rule)."""

    __tablename__ = "deadline_settings"

    id: Mapped[int] = mapped_column(primary_key=True)
    province_id: Mapped[int] = mapped_column(ForeignKey("units.id"), unique=True)
    day_of_month: Mapped[int] = mapped_column(default=5)
    direction: Mapped[str] = mapped_column(String(8), default="before")
    skip_holidays: Mapped[bool] = mapped_column(default=True)
    # Never on a Saturday or Sunday, not even a make-up working one (the seed says Friday).
    weekdays_only: Mapped[bool] = mapped_column(default=True, server_default=true())
