"""Read feeds with a second parser (vobject, not icalendar) and read the app's own pages.

`strict_lines` checks the octet-level rules of RFC 5545 itself (CRLF, 75-octet lines that
never split a UTF-8 character); `feed_events` parses with vobject; `page_events` reads the
event chips of the month grid or the agenda, so tests can compare the three.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime

import vobject

UID_SUFFIX = "@lich-mttq"


@dataclass(frozen=True)
class Seen:
    """An event as a reader sees it: uid, kind, title, start and exclusive end (UTC when
    timed), all-day flag."""

    uid: str
    kind: str
    title: str
    start: date | datetime
    all_day: bool
    end: date | datetime


def strict_lines(raw: bytes) -> list[bytes]:
    """The physical lines, after checking CRLF endings, 75-octet limit and whole UTF-8."""
    assert raw.endswith(b"\r\n"), "a content stream ends with CRLF"
    lines = raw[:-2].split(b"\r\n")
    for line in lines:
        assert b"\r" not in line and b"\n" not in line, f"bare CR or LF in {line!r}"
        assert len(line) <= 75, f"line of {len(line)} octets: {line!r}"
        line.decode("utf-8")  # raises when a fold split a character
    return lines


def unfold(raw: bytes) -> bytes:
    """RFC 5545 §3.1 unfolding, at the octet level."""
    return re.sub(rb"\r\n[ \t]", b"", raw)


def parse(raw: bytes):
    """The VCALENDAR as vobject reads it (after the strict octet checks)."""
    strict_lines(raw)
    return vobject.readOne(raw.decode("utf-8"))


def feed_events(raw: bytes) -> dict[str, Seen]:
    """Every VEVENT of a feed by uid (without the domain suffix)."""
    calendar = parse(raw)
    seen: dict[str, Seen] = {}
    for vevent in calendar.contents.get("vevent", []):
        uid = vevent.uid.value
        assert uid.endswith(UID_SUFFIX), uid
        start, end = vevent.dtstart.value, vevent.dtend.value
        all_day = not isinstance(start, datetime)
        if not all_day:
            start, end = start.astimezone(UTC), end.astimezone(UTC)
        key = uid.removesuffix(UID_SUFFIX)
        kind = vevent.contents["x-mttq-kind"][0].value
        seen[key] = Seen(key, kind, vevent.summary.value, start, all_day, end)
    return seen


def vevents(raw: bytes) -> dict[str, object]:
    """The raw vobject VEVENT components by uid (for SEQUENCE, alarms, descriptions)."""
    return {v.uid.value.removesuffix(UID_SUFFIX): v
            for v in parse(raw).contents.get("vevent", [])}


_CHIP = re.compile(r'<a class="ev ev-([a-z_]+)" href="[^"]*" title="([^"]*)" '
                   r'data-uid="([^"]+)" data-start="([^"]+)" data-end="([^"]+)"[^>]*>')


def page_events(page_html: str) -> dict[str, Seen]:
    """The event chips of a month grid or agenda page, by uid."""
    seen = {}
    for kind, title, uid, start_text, end_text in _CHIP.findall(page_html):
        seen[uid] = Seen(uid, kind, html.unescape(title), _moment(start_text),
                         "T" not in start_text, _moment(end_text))
    return seen


def _moment(text: str) -> date | datetime:
    """An ISO date, or an ISO date-time converted to UTC."""
    return datetime.fromisoformat(text).astimezone(UTC) if "T" in text else date.fromisoformat(text)
