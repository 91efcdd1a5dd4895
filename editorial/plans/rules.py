"""Pure rules of plans: periods of a column, proposed air dates, the year table's rows."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from editorial.calendar.grid import Month


class PlanStatus(enum.StrEnum):
    DRAFT = "draft"
    ACTIVE = "active"
    ARCHIVED = "archived"


class Channel(enum.StrEnum):
    """Where a column runs."""

    RADIO_TV = "radio_tv"  # chuyên mục trên Đài Phát thanh – Truyền hình
    NEWSPAPER = "newspaper"  # chuyên trang trên Báo
    WEBSITE = "website"  # Trang Thông tin điện tử


class Cadence(enum.StrEnum):
    """How often a column runs; "every N weeks" is weekly with the column's `every_weeks`."""

    MONTHLY = "monthly"
    WEEKLY = "weekly"


class SlotStatus(enum.StrEnum):
    """Where a slot stands; issue-4 negotiation states sit between planned and done."""

    PLANNED = "planned"  # chưa đăng ký
    REGISTERED = "registered"  # đã đăng ký
    NEGOTIATING = "negotiating"  # đang trao đổi
    AGREED = "agreed"  # đã thống nhất
    DONE = "done"  # đã thực hiện
    CANCELLED = "cancelled"


def monthly_periods(year: int) -> list[tuple[date, date]]:
    """The twelve months of a year as (first day, last day)."""
    return [(Month(year, m).first, Month(year, m).last) for m in range(1, 13)]


def weekly_periods(year: int) -> list[tuple[date, date]]:
    """The ISO weeks (Monday–Sunday) whose Monday falls in the year."""
    monday = date(year, 1, 1) + timedelta(days=(7 - date(year, 1, 1).weekday()) % 7)
    periods = []
    while monday.year == year:
        periods.append((monday, monday + timedelta(days=6)))
        monday += timedelta(days=7)
    return periods


def column_periods(year: int, cadence: Cadence, every_weeks: int = 1) -> list[tuple[date, date]]:
    """The periods of a column: the months, the weeks, or every N-th week from the first."""
    if cadence == Cadence.MONTHLY:
        return monthly_periods(year)
    return weekly_periods(year)[:: max(1, every_weeks)]


LAST_WEEK = 5  # "tuần cuối": the last such weekday of the month, whether 4th or 5th


@dataclass(frozen=True)
class BroadcastPattern:
    """When a column airs: a weekday (0 = Monday), optionally of one week of the month
    (1–4, or 5 for the last), at a time "HH:MM" — "Thursday of the 2nd week, 19:30"."""

    weekday: int
    week_of_month: int | None = None
    at: str | None = None

    def matches(self, day: date) -> bool:
        """Whether `day` is one the pattern names."""
        if day.weekday() != self.weekday:
            return False
        if self.week_of_month is None:
            return True
        if self.week_of_month == LAST_WEEK:
            return (day + timedelta(days=7)).month != day.month
        return (day.day - 1) // 7 + 1 == self.week_of_month

    def start_time(self) -> time | None:
        """The time of day, None when the pattern has none."""
        return time.fromisoformat(self.at) if self.at else None


def air_dates(pattern: BroadcastPattern, start: date, end: date) -> list[date]:
    """The days of [start, end] the pattern proposes for broadcast."""
    first = start + timedelta(days=(pattern.weekday - start.weekday()) % 7)
    days = (first + timedelta(weeks=n) for n in range((end - first).days // 7 + 1))
    return [d for d in days if d <= end and pattern.matches(d)]


def proposed_air(pattern: BroadcastPattern | None, start: date,
                 end: date) -> datetime | date | None:
    """The first proposed air date (with its time when the pattern has one) of a period."""
    days = air_dates(pattern, start, end) if pattern is not None else []
    if not days:
        return None
    at = pattern.start_time()
    return datetime.combine(days[0], at) if at is not None else days[0]


@dataclass
class YearRow:
    """One row of the year table: a period, a topic, a unit, and the channels carrying it."""

    period_start: date
    topic: str
    unit_label: str
    weekly: bool
    channels: list[Channel] = field(default_factory=list)
    statuses: list[SlotStatus] = field(default_factory=list)
    slot_ids: list[int] = field(default_factory=list)

    @property
    def done(self) -> bool:
        """Done when every channel's slot of the row is done (seed: "Đã thực hiện")."""
        return bool(self.statuses) and all(s == SlotStatus.DONE for s in self.statuses)

    @property
    def month(self) -> int:
        return self.period_start.month


@dataclass(frozen=True)
class SlotFacts:
    """What the year table needs of a slot, independent of the ORM."""

    id: int
    period_start: date
    topic: str
    unit_label: str
    weekly: bool
    channel: Channel
    status: SlotStatus


def year_rows(slots: Iterable[SlotFacts]) -> list[YearRow]:
    """Merge the slots that share period, topic and unit into one row (radio–TV + newspaper)."""
    rows: dict[tuple, YearRow] = {}
    for s in sorted(slots, key=lambda s: (s.weekly, s.period_start, s.id)):
        key = (s.weekly, s.period_start, s.topic, s.unit_label)
        row = rows.setdefault(key, YearRow(s.period_start, s.topic, s.unit_label, s.weekly))
        if s.channel not in row.channels:  # an "all units" month: one slot per unit
            row.channels.append(s.channel)
        row.statuses.append(s.status)
        row.slot_ids.append(s.id)
    return list(rows.values())
