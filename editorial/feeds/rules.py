"""Pure rules of the feeds: scopes, the window, what a feed holds, reminders, HTTP validators."""

from __future__ import annotations

import calendar
import hashlib
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta, timezone
from urllib.parse import quote, urlencode

from editorial.calendar.event import EventKind

WINDOW_PAST_MONTHS = 12
WINDOW_FUTURE_MONTHS = 15
REFRESH = timedelta(hours=1)
_VN = timezone(timedelta(hours=7))

# What the checkboxes of the subscription page switch on and off. A kind in no group
# (a source added later) is always shown: a feed should not silently miss new deadlines.
GROUPS: dict[str, tuple[EventKind, ...]] = {
    "production": (EventKind.RECORDING, EventKind.AIR, EventKind.PRINT, EventKind.SLOT),
    "deadlines": (EventKind.REGISTRATION_DEADLINE, EventKind.QUOTA_DEADLINE,
                  EventKind.EVENT_NEWS_DUE, EventKind.REPORT_DEADLINE),
    "decisions": (EventKind.CHANGE_DECISION,),
    "meetings": (EventKind.MEETING,),
    "anniversaries": (EventKind.ANNIVERSARY,),
    "holidays": (EventKind.HOLIDAY,),
}
PUBLIC_KINDS = frozenset({EventKind.ANNIVERSARY, EventKind.HOLIDAY})

# Reminder choices. All-day events start at 00:00, so "15 hours before" rings at 09:00 the
# day before. Google and Outlook ignore alarms of subscribed calendars: titles carry the
# deadline for them.
ALARMS: dict[str, tuple[timedelta, ...]] = {
    "none": (),
    "day_before": (timedelta(hours=15),),
    "three_days": (timedelta(days=2, hours=15),),
    "week_and_day": (timedelta(days=6, hours=15), timedelta(hours=15)),
}
PERSONAL_SCOPES = ("me", "province")


class ScopeRefused(ValueError):
    """The scope does not exist or is not this user's to read."""


def feed_window(today: date) -> tuple[date, date]:
    """First day 12 months back to the last day 15 months ahead (whole months, stable all month)."""
    start = _add_months(today.replace(day=1), -WINDOW_PAST_MONTHS)
    last_month = _add_months(today.replace(day=1), WINDOW_FUTURE_MONTHS)
    days = calendar.monthrange(last_month.year, last_month.month)[1]
    return start, last_month.replace(day=days)


def _add_months(first: date, months: int) -> date:
    index = first.year * 12 + first.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def unit_scope(unit_id: int) -> str:
    """The scope name of one unit's feed."""
    return f"unit-{unit_id}"


def posted_scope(text: str | None) -> str:
    """The scope a form sent back, if it has a scope's shape, else "me": never echo an odd
    or huge value into a redirect's Location."""
    text = (text or "").strip()
    number = text.removeprefix("unit-")
    if text in PERSONAL_SCOPES or (text.startswith("unit-") and number.isdecimal()
                                   and len(number) <= 12):
        return text
    return "me"


def scope_filter(scope: str, *, reads_all: bool, own_unit_id: int) -> int | None:
    """The unit filter a scope reads (None: the whole province), or ScopeRefused.

    "me" is the user's own unit; editors (and admins) act for every unit and viewers read
    every unit, so theirs is the province. "province" and "unit-<id>" are for them only.
    """
    if scope == "me":
        return None if reads_all else own_unit_id
    if not reads_all:
        raise ScopeRefused(scope)
    if scope == "province":
        return None
    number = scope.removeprefix("unit-")
    if scope.startswith("unit-") and number.isdecimal() and not number.startswith("0"):
        return int(number)
    raise ScopeRefused(scope)


def parse_hidden(text: str) -> frozenset[str]:
    """The stored hidden groups (a comma list), unknown names dropped."""
    return frozenset(name for name in text.split(",") if name in GROUPS)


def dump_hidden(hidden: Iterable[str]) -> str:
    """Hidden groups as the stored comma list, in a stable order."""
    return ",".join(name for name in GROUPS if name in set(hidden))


def hidden_kinds(hidden: Iterable[str]) -> frozenset[EventKind]:
    """The event kinds the hidden groups leave out."""
    return frozenset(kind for name in hidden for kind in GROUPS.get(name, ()))


def alarm_offsets(choice: str) -> tuple[timedelta, ...]:
    """The reminder offsets of a stored choice (an unknown choice means none)."""
    return ALARMS.get(choice, ())


def last_modified(*instants: datetime | None, window_moved: date) -> datetime:
    """The feed's Last-Modified: its latest input change, or the day the window last moved."""
    moved = datetime(window_moved.year, window_moved.month, window_moved.day, tzinfo=_VN)
    latest = max([moved, *(i for i in instants if i is not None)])
    return latest.astimezone(UTC).replace(microsecond=0)


def entity_tag(body: bytes) -> str:
    """A strong ETag (unquoted) from the bytes themselves: unchanged content, unchanged tag."""
    return hashlib.sha256(body).hexdigest()[:32]


def not_modified(etag: str, modified: datetime, if_none_match: Iterable[str] | None,
                 if_modified_since: datetime | None, now: datetime) -> bool:
    """RFC 9110 §13.2.2: If-None-Match decides when sent; else a sane If-Modified-Since."""
    if if_none_match is not None:
        tags = set(if_none_match)  # unquoted; weak comparison, as GET allows
        return "*" in tags or etag in tags
    if if_modified_since is None or if_modified_since.tzinfo is None:
        return False
    if if_modified_since > now:  # a date in the future is not a valid validator
        return False
    return modified <= if_modified_since


def webcal(url: str) -> str:
    """The webcal:// form of an http(s) feed URL (phones open it in their calendar)."""
    return "webcal://" + url.split("://", 1)[1]


def subscribe_links(url: str, name: str) -> dict[str, str]:
    """One-click subscription links for the big calendar services, built from the feed URL."""
    return {
        "google": "https://calendar.google.com/calendar/r?" + urlencode({"cid": webcal(url)}),
        "outlook": "https://outlook.live.com/calendar/0/addfromweb?"
                   + urlencode({"url": url, "name": name}, quote_via=quote),
        "office": "https://outlook.office.com/calendar/0/addfromweb?"
                  + urlencode({"url": url, "name": name}, quote_via=quote),
        "apple": webcal(url),
    }
