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


_DMY = re.compile(r"(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})")
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_day(raw: str) -> date:
    """A date typed the Vietnamese way, day first: 10/12/2026, 1/2/2026, 10-12-2026, 10.12.2026;
    or yyyy-mm-dd as a date picker or an old link sends it. ValueError for anything else,
    including an impossible day (31/02/2026) and month-first typing that cannot be a date."""
    raw = raw.strip()
    if match := _DMY.fullmatch(raw):
        day, _sep, month, year = match.groups()
        return date(int(year), int(month), int(day))
    if _ISO.fullmatch(raw):
        return date.fromisoformat(raw)
    raise ValueError(f"not a day: {raw[:20]!r}")


def format_day(value: date | str | None) -> str:
    """dd/mm/yyyy for a date or an ISO string (a form echoing what was sent); other text as is."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            value = parse_day(value)
        except ValueError:
            return value
    return value.strftime("%d/%m/%Y")
