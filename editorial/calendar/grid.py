"""The month grid: weeks that start on Monday, as Vietnamese calendars print them."""

from __future__ import annotations

import calendar as _stdlib_calendar
from dataclasses import dataclass
from datetime import date, timedelta

MIN_YEAR, MAX_YEAR = 1900, 2200
SHOWN_YEARS = range(2000, 2101)  # what the pages accept in a URL or a form


@dataclass(frozen=True, slots=True)
class Month:
    """A calendar month, with its neighbours; construction checks the range."""

    year: int
    month: int

    def __post_init__(self) -> None:
        if not (1 <= self.month <= 12 and MIN_YEAR <= self.year <= MAX_YEAR):
            raise ValueError(f"no such month: {self.month}/{self.year}")

    @property
    def first(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def last(self) -> date:
        return date(self.year, self.month, _stdlib_calendar.monthrange(self.year, self.month)[1])

    def next(self) -> Month:
        return Month(self.year + self.month // 12, self.month % 12 + 1)

    def previous(self) -> Month:
        return Month(self.year - (self.month == 1), (self.month - 2) % 12 + 1)

    @classmethod
    def shown(cls, year: int, month: int) -> Month:
        """A month a page may show (years 2000–2100); ValueError otherwise."""
        if year not in SHOWN_YEARS:
            raise ValueError(f"year {year} outside the years the app shows")
        return cls(year, month)

    @classmethod
    def of(cls, day: date) -> Month:
        return cls(day.year, day.month)


def month_weeks(month: Month) -> list[list[date]]:
    """The weeks (Monday to Sunday) covering the month, spilling into its neighbours."""
    start = month.first - timedelta(days=month.first.weekday())
    end = month.last + timedelta(days=6 - month.last.weekday())
    days = [start + timedelta(days=i) for i in range((end - start).days + 1)]
    return [days[i : i + 7] for i in range(0, len(days), 7)]


def grid_range(month: Month) -> tuple[date, date]:
    """First and last day shown in the month's grid (whole weeks)."""
    weeks = month_weeks(month)
    return weeks[0][0], weeks[-1][-1]
