"""Pure rules of plans: periods of a column, grouping slots into the year table's rows."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

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
