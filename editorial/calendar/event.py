"""The calendar event: a small immutable value every dated thing becomes."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta


class EventKind(enum.StrEnum):
    """What a calendar event stands for; drives colour, icon and feed category."""

    AIR = "air"  # a radio–TV column airs
    PRINT = "print"  # a newspaper page is printed
    RECORDING = "recording"  # a column is recorded
    SLOT = "slot"  # a plan slot with no agreed date yet (shown on the month)
    REGISTRATION_DEADLINE = "registration_deadline"
    CHANGE_DECISION = "change_decision"
    QUOTA_DEADLINE = "quota_deadline"
    EVENT_NEWS_DUE = "event_news_due"
    REPORT_DEADLINE = "report_deadline"
    MEETING = "meeting"
    ANNIVERSARY = "anniversary"
    HOLIDAY = "holiday"


EPOCH = datetime(2020, 1, 1, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class Scope:
    """Whose calendar a list of events is for: one unit's (with its kind), or everything."""

    unit_id: int | None = None
    unit_kind: str | None = None

    def concerns(self, unit_kinds: tuple[str, ...]) -> bool:
        """Whether a duty owed by `unit_kinds` (none: everyone) belongs in this calendar."""
        return self.unit_kind is None or not unit_kinds or self.unit_kind in unit_kinds


EVERYTHING = Scope()


def revision(revised_at: datetime | None) -> dict:
    """SEQUENCE and LAST-MODIFIED of an event built from a row admins may edit: both move
    forward with every edit (minutes since EPOCH), and stay put while nobody edits."""
    if revised_at is None:
        return {"sequence": 0, "last_modified": EPOCH}
    at = revised_at if revised_at.tzinfo else revised_at.replace(tzinfo=UTC)
    return {"sequence": max(0, int((at - EPOCH).total_seconds() // 60)), "last_modified": at}


@dataclass(frozen=True, slots=True)
class CalendarEvent:
    """One dated thing, as the grid, the agenda and the feed all show it.

    ``start``/``end`` are ``date`` for all-day events (``end`` exclusive, as in
    RFC 5545) and aware ``datetime`` for timed ones. ``uid`` is stable across
    regenerations: it is derived from what the event is, never random.
    """

    uid: str
    kind: EventKind
    title: str
    start: date | datetime
    end: date | datetime | None = None
    description: str = ""
    url: str = ""  # a path inside the app, e.g. "/plans/2023"
    unit_id: int | None = None
    sequence: int = 0
    last_modified: datetime = field(default=EPOCH)
    # For deadlines, what reminders need: the thing it is about ("slot:12", the key reminders
    # are filed under), the duty in words, and, when no single unit owes it, the unit kinds.
    subject: str = ""
    duty: str = ""
    unit_kinds: tuple[str, ...] = ()
    channel: str = ""  # a slot's channel ("radio_tv", "newspaper"); empty for everything else

    @property
    def all_day(self) -> bool:
        """True when the event is a whole day (or days) rather than a time."""
        return not isinstance(self.start, datetime)

    @property
    def day(self) -> date:
        """The first day the event falls on (for placing it in a grid)."""
        return self.start.date() if isinstance(self.start, datetime) else self.start

    @property
    def end_exclusive(self) -> date | datetime:
        """The exclusive end: the next day for a one-day all-day event."""
        if self.end is not None:
            return self.end
        if self.all_day:
            return self.start + timedelta(days=1)
        return self.start + timedelta(hours=1)
