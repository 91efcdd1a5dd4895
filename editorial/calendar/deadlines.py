"""Deadline rules: the monthly registration day, "N working days after", "trước ngày X"."""

from __future__ import annotations

import calendar
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal, Protocol

from editorial.calendar.dates import dmy

Direction = Literal["before", "after"]


class WorkingDays(Protocol):
    """What the deadline rules need from a calendar (WorkCalendar provides it)."""

    def is_working_day(self, d: date) -> bool: ...


@dataclass(frozen=True, slots=True)
class DeadlineRule:
    """A monthly deadline: a day of the month, moved off weekends and days off.

    weekdays_only: never land on Saturday/Sunday, not even a make-up working Saturday.
    skip_holidays: never land on a public holiday or other day off.
    direction: which way to move ("before": nearest earlier day, "after": later).
    """

    day_of_month: int = 5
    direction: Direction = "before"
    weekdays_only: bool = True
    skip_holidays: bool = True
    label: str = (
        "vào ngày 5 hàng tháng (nếu trùng thứ bảy, chủ nhật thì dời xuống vào ngày thứ sáu"
        " gần kề, có thể là ngày 3 hoặc ngày 4)"
    )

    def __post_init__(self) -> None:
        if not 1 <= self.day_of_month <= 31:
            raise ValueError(f"day_of_month must be 1-31, not {self.day_of_month}")
        if self.direction not in ("before", "after"):
            raise ValueError(f"direction must be 'before' or 'after', not {self.direction!r}")


DEFAULT_RULE = DeadlineRule()


@dataclass(frozen=True, slots=True)
class DueDate:
    """A due date with the rule's own words beside it, e.g. "trước ngày 16/6/2023"."""

    day: date
    label: str


def _acceptable(d: date, cal: WorkingDays, rule: DeadlineRule) -> bool:
    if rule.weekdays_only and d.weekday() >= 5:
        return False
    return not rule.skip_holidays or cal.is_working_day(d)


def apply_rule(nominal: date, cal: WorkingDays, rule: DeadlineRule = DEFAULT_RULE) -> date:
    """Move a nominal date to the nearest acceptable day in the rule's direction."""
    step = timedelta(days=-1 if rule.direction == "before" else 1)
    d = nominal
    for _ in range(366):
        if _acceptable(d, cal, rule):
            return d
        d += step
    raise ValueError(f"no acceptable day within a year of {nominal}")


def nominal_day(year: int, month: int, day: int) -> date:
    """date(year, month, day), clamped to the month's last day (day 31 in April is 30/4)."""
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def registration_deadline(
    year: int, month: int, cal: WorkingDays, rule: DeadlineRule = DEFAULT_RULE
) -> date:
    """The day by which month `month`'s topic must be registered (the "ngày 5" rule)."""
    return apply_rule(nominal_day(year, month, rule.day_of_month), cal, rule)


def add_working_days(d: date, n: int, cal: WorkingDays) -> date:
    """The n-th working day after `d` (before it if n < 0); `d` itself when n == 0."""
    step = timedelta(days=1 if n >= 0 else -1)
    remaining = abs(n)
    while remaining:
        d += step
        if cal.is_working_day(d):
            remaining -= 1
    return d


def event_news_due(event_day: date, cal: WorkingDays, working_days: int = 1) -> date:
    """When news of an event is due: "chậm nhất sau 01 ngày làm việc" (seed 001)."""
    return add_working_days(event_day, working_days, cal)


def day_before(x: date, wording: str | None = None) -> DueDate:
    """Due the day before X for "trước ngày X", labelled with the rule's own words."""
    return DueDate(x - timedelta(days=1), wording or f"trước ngày {dmy(x)}")


_LAST_WORKDAY_BEFORE = DeadlineRule(day_of_month=1, direction="before", label="")


def slot_deadline(
    period_start: date, weekly: bool, deadline_of: Callable[[int, int], date], cal: WorkingDays
) -> date:
    """A slot's registration deadline: its month's deadline; a weekly column's week must not
    start unregistered, so its deadline is at the latest the last working Monday–Friday before
    the week (the Friday before, or earlier when that Friday is a day off)."""
    monthly = deadline_of(period_start.year, period_start.month)
    if not weekly:
        return monthly
    return min(monthly, apply_rule(period_start - timedelta(days=1), cal, _LAST_WORKDAY_BEFORE))
