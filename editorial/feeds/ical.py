"""Calendar events → an RFC 5545 iCalendar feed, as bytes: pure and deterministic.

Same events in, same bytes out: no clock is read (DTSTAMP is the event's own
last-modified time), nothing random is minted, events are sorted by (start, uid).
Timed events are written in Viet Nam time (TZID=Asia/Ho_Chi_Minh, with its VTIMEZONE);
all-day events as floating dates with an exclusive DTEND. CATEGORIES carry the words the
caller gives for each kind (the reader's language), X-MTTQ-KIND the stable code. A few
icalendar 7.3 habits are worked around here, see the comments.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from icalendar import Alarm, Calendar, Event, Timezone, vDuration, vText

from editorial.calendar.event import CalendarEvent, EventKind

PRODID = "-//MTTQ//Lich bien tap MTTQ//VI"
UID_DOMAIN = "lich-mttq"
TZID = "Asia/Ho_Chi_Minh"
VN_OFFSET = timezone(timedelta(hours=7))  # Viet Nam has kept UTC+7, no DST, since 1975
VN_ZONE = ZoneInfo(TZID)
# The zone's rules from the tz database, written out to the end of the century (icalendar's
# default stops at 2038 and says so in a COMMENT).
_ZONE_SPAN = (date(1970, 1, 1), date(2100, 1, 1))

# RFC 5545 TEXT forbids control characters other than HTAB (newlines are escaped).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")
_AS_TEXT = {"VALUE": "TEXT"}
_TEXT_ESCAPES = str.maketrans({"\\": "\\\\", ";": "\\;", ",": "\\,", "\n": "\\n"})


class _Text(vText):
    """A TEXT value escaped in one faithful pass.

    icalendar's own vText first rewrites a literal backslash-N into a newline, so
    "C:\\Nam" would reach the reader as "C:" + newline + "am"; this class does not.
    Wrapping every text value also makes X-WR-* properties escaped (icalendar writes
    unknown X- properties verbatim, so a newline in them crashes ``to_ical()``).
    """

    __slots__ = ()

    def to_ical(self) -> bytes:
        """Escape backslash, semicolon, comma and newline, then encode as UTF-8."""
        return str(self).translate(_TEXT_ESCAPES).encode("utf-8")


def serialize(
    events: Iterable[CalendarEvent],
    *,
    name: str,
    base_url: str,
    description: str = "",
    refresh: timedelta | None = timedelta(hours=1),
    alarms: Sequence[timedelta] = (),
    calendar_uid: str,
    categories: Mapping[EventKind, str] | None = None,
) -> bytes:
    """Render events as a published iCalendar feed (CRLF, folded, UTF-8); `refresh=None` for
    a one-off download (no refresh hints: nothing will poll it). `categories` names each kind
    in the feed's language (a kind it lacks keeps its code)."""
    _check_arguments(base_url, refresh, alarms, calendar_uid)
    cal = _calendar(name, base_url, description, refresh, calendar_uid)
    cal.add_component(_vtimezone())
    words = categories or {}
    seen: set[str] = set()
    for event in sorted(events, key=_sort_key):
        if event.uid in seen:
            raise ValueError(f"two events share the uid {event.uid!r}")
        seen.add(event.uid)
        cal.add_component(_vevent(event, base_url, alarms, words.get(event.kind)))
    return cal.to_ical()


def event_uid(event: CalendarEvent) -> str:
    """The globally unique UID the feed gives an event: its stable uid @ our domain."""
    return f"{event.uid}@{UID_DOMAIN}"


def absolute_url(base_url: str, path: str) -> str:
    """Join an app path to the public base URL, keeping any sub-path of the base."""
    if not path or path.startswith(("http://", "https://")):
        return path
    return f"{base_url.rstrip('/')}/{path.lstrip('/')}"


def clean_text(text: str) -> str:
    """Normalize text for a TEXT value: NFC, LF newlines, no control characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # NFC keeps Vietnamese letters one code point each: shorter lines, and no fold
    # between a base letter and its combining tone mark.
    return unicodedata.normalize("NFC", _CONTROL.sub("", text))


def _text(value: str) -> _Text:
    return _Text(clean_text(value))


def _check_arguments(
    base_url: str, refresh: timedelta | None, alarms: Sequence[timedelta], calendar_uid: str
) -> None:
    if not base_url.startswith(("http://", "https://")):
        raise ValueError("base_url must be an absolute http(s) URL")
    if refresh is not None and refresh <= timedelta(0):
        raise ValueError("refresh must be a positive duration")
    if any(offset < timedelta(0) for offset in alarms):
        raise ValueError("alarm offsets are durations before the start, never negative")
    if not calendar_uid.strip():
        raise ValueError("calendar_uid is required and must be stable")


def _calendar(
    name: str, base_url: str, description: str, refresh: timedelta | None, calendar_uid: str
) -> Calendar:
    # Built by hand, not with Calendar.new(): that mints a random UID on every call.
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("uid", _text(calendar_uid))
    # icalendar (and ical.js) read NAME and X-WR-* as UNKNOWN values, kept raw: an escaped
    # comma would show as "\\,". VALUE=TEXT tells every reader to unescape them.
    cal.add("name", _text(name), parameters=_AS_TEXT)
    cal.add("x-wr-calname", _text(name), parameters=_AS_TEXT)
    if description:
        cal.add("description", _text(description))
        cal.add("x-wr-caldesc", _text(description), parameters=_AS_TEXT)
    cal.add("x-wr-timezone", _text(TZID))
    cal.add("url", base_url)
    # A bare timedelta under an X- name would be written as "1:00:00"; vDuration
    # gives "PT1H", and REFRESH-INTERVAL needs its VALUE=DURATION (RFC 7986).
    if refresh is not None:
        cal.add("refresh-interval", vDuration(refresh), parameters={"VALUE": "DURATION"})
        cal.add("x-published-ttl", vDuration(refresh))
    return cal


def _vtimezone() -> Timezone:
    # The zone of every timed event's TZID; always present, so an empty feed is still
    # valid too (RFC 5545 wants at least one component in a VCALENDAR).
    first, last = _ZONE_SPAN
    zone = Timezone.from_tzid(TZID, first_date=first, last_date=last)
    zone.pop("COMMENT", None)  # an English note on the span, shown by no client
    return zone


def _vevent(event: CalendarEvent, base_url: str, alarms: Sequence[timedelta],
            category: str | None) -> Event:
    vevent = Event()
    vevent.add("uid", _text(event_uid(event)))
    stamp = _utc(event.last_modified)
    vevent.add("dtstamp", stamp)  # not now(): unchanged data must give unchanged bytes
    vevent.add("last-modified", stamp)
    vevent.add("sequence", event.sequence)
    _add_times(vevent, event)
    vevent.add("summary", _text(event.title))
    link = absolute_url(base_url, event.url)
    details = "\n\n".join(part for part in (event.description.strip(), link) if part)
    if details:
        vevent.add("description", _text(details))
    if link:
        vevent.add("url", link)
    vevent.add("categories", [_text(category or event.kind.value)])
    vevent.add("x-mttq-kind", _text(event.kind.value))  # the stable code, for programs
    for offset in alarms:
        vevent.add_component(_valarm(event, offset))
    return vevent


def _add_times(vevent: Event, event: CalendarEvent) -> None:
    end = event.end_exclusive
    if event.all_day:
        if isinstance(end, datetime):
            raise ValueError(f"all-day event {event.uid!r} has a timed end")
        # A plain date makes icalendar write ";VALUE=DATE"; a vDate(...) would not.
        vevent.add("dtstart", event.start)
        vevent.add("dtend", end)
        vevent.add("transp", "TRANSPARENT")
    else:
        if not isinstance(end, datetime):
            raise ValueError(f"timed event {event.uid!r} has an all-day end")
        # Local wall-clock time with its zone: a 14:00 meeting reads 14:00 in every client.
        vevent.add("dtstart", _local(event.start))
        vevent.add("dtend", _local(end))


def _valarm(event: CalendarEvent, offset: timedelta) -> Alarm:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", vDuration(-offset))
    alarm.add("description", _text(event.title))
    return alarm


def _utc(moment: date) -> datetime:
    if not isinstance(moment, datetime) or moment.tzinfo is None:
        raise ValueError(f"expected an aware datetime, got {moment!r}")
    return moment.astimezone(UTC)


def _local(moment: date) -> datetime:
    return _utc(moment).astimezone(VN_ZONE)


def _sort_key(event: CalendarEvent) -> tuple[datetime, str]:
    start = event.start
    if isinstance(start, datetime):
        return (_utc(start), event.uid)
    # An all-day event starts at local midnight, so it sorts before that day's 07:00.
    return (datetime(start.year, start.month, start.day, tzinfo=VN_OFFSET), event.uid)
