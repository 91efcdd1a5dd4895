"""Vietnamese date conventions: the time zone, weekday names, d/m/yyyy wording."""

from __future__ import annotations

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")

WEEKDAY_NAMES = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")


def local_date(moment: datetime) -> date:
    """The calendar day in Vietnam of an aware datetime (naive ones are refused)."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("local_date needs an aware datetime")
    return moment.astimezone(VN_TZ).date()


def weekday_name(d: date) -> str:
    """Vietnamese weekday name, weeks starting on Monday: "Thứ Hai" … "Chủ nhật"."""
    return WEEKDAY_NAMES[d.weekday()]


def dmy(d: date) -> str:
    """d/m/yyyy without leading zeros, as the plans write dates: 3/2/1930."""
    return f"{d.day}/{d.month}/{d.year}"


def dm(d: date) -> str:
    """d/m without the year: 17/10."""
    return f"{d.day}/{d.month}"


def my(d: date) -> str:
    """m/yyyy for dates known only to the month: 4/1992."""
    return f"{d.month}/{d.year}"


def is_weekend(d: date) -> bool:
    """True on Saturday and Sunday."""
    return d.weekday() >= 5


_DMY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def parse_day(raw: str) -> date:
    """A date typed as dd/mm/yyyy, or yyyy-mm-dd as a date picker sends it; ValueError else."""
    raw = raw.strip()
    if match := _DMY.fullmatch(raw):
        day, month, year = (int(x) for x in match.groups())
        return date(year, month, day)
    return date.fromisoformat(raw)
