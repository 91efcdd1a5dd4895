"""What admins store on top of the shipped calendar data: day exceptions, anniversaries,
report rules, Khmer New Year dates and the registration-deadline rule."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, String, Text, true
from sqlalchemy.orm import Mapped, mapped_column

from editorial.extensions import db
from editorial.models_base import UTCDateTime, utcnow


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


class AnniversaryEntry(db.Model):
    """An anniversary added by an admin, or an edit of a shipped one (same key)."""

    __tablename__ = "anniversary_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(80), unique=True)
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


class ReportRuleEntry(db.Model):
    """An admin's version of a report-deadline rule (same key as a shipped one, or new)."""

    __tablename__ = "report_rule_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    frequency: Mapped[str] = mapped_column(String(12))
    day: Mapped[int]
    month: Mapped[int | None]
    wording: Mapped[str] = mapped_column(String(200))
    unit_kinds: Mapped[str] = mapped_column(String(100), default="")  # comma-separated
    kind: Mapped[str] = mapped_column(String(10), default="report")
    before: Mapped[bool] = mapped_column(default=True)
    active: Mapped[bool] = mapped_column(default=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)

    def __repr__(self) -> str:
        return f"<ReportRuleEntry {self.key}>"


class KhmerNewYearOverride(db.Model):
    """The Chôl Chnăm Thmây dates of a year as the province announces them."""

    __tablename__ = "khmer_new_year_overrides"

    year: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    start: Mapped[date] = mapped_column(Date)
    end: Mapped[date] = mapped_column(Date)


class DeadlineSetting(db.Model):
    """The province's registration-deadline rule (one row; absent means the seed's rule)."""

    __tablename__ = "deadline_settings"

    id: Mapped[int] = mapped_column(primary_key=True)
    day_of_month: Mapped[int] = mapped_column(default=5)
    direction: Mapped[str] = mapped_column(String(8), default="before")
    skip_holidays: Mapped[bool] = mapped_column(default=True)
    # Never on a Saturday or Sunday, not even a make-up working one (the seed says Friday).
    weekdays_only: Mapped[bool] = mapped_column(default=True, server_default=true())
