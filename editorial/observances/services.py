"""Dates the rules compute, with what admins stored: deadlines, holidays, anniversaries."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from editorial.events.event import CalendarEvent


def deadline_function() -> Callable[[int, int], date]:
    """The registration deadline of a month (the 5th, or the Friday before a weekend 5th)."""

    def deadline(year: int, month: int) -> date:
        day = date(year, month, 5)
        return day - timedelta(days=max(0, day.weekday() - 4))

    return deadline


def events_between(start: date, end: date) -> list[CalendarEvent]:
    """Holidays and anniversaries in [start, end]."""
    return []
