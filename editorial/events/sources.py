"""The explicit list of event sources, and the one aggregator every view reads."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import date, timedelta

from editorial.calendar.event import EVERYTHING, CalendarEvent, EventKind, Scope
from editorial.changes import events as changes
from editorial.extensions import db
from editorial.observances import events as observances
from editorial.plans import events as plans
from editorial.units.models import Unit
from editorial.website import events as website

Source = Callable[[date, date, Scope], list[CalendarEvent]]

# Within a day: deadlines first, then what airs and prints, then the rest.
_ORDER = {kind: i for i, kind in enumerate([
    EventKind.HOLIDAY, EventKind.ANNIVERSARY, EventKind.REGISTRATION_DEADLINE,
    EventKind.REPORT_DEADLINE, EventKind.QUOTA_DEADLINE, EventKind.EVENT_NEWS_DUE,
    EventKind.RECORDING, EventKind.AIR, EventKind.PRINT, EventKind.MEETING,
    EventKind.CHANGE_DECISION, EventKind.SLOT,
])}


def sources() -> list[Source]:
    """Every source of dated things, in one explicit list (as `blueprints()` lists the
    blueprints): a new dated feature adds its `events.events_between` here."""
    return [plans.events_between, observances.events_between, changes.events_between,
            website.events_between]


def scope_of(unit_id: int | None) -> Scope:
    """The calendar of one unit (report rules apply per kind of unit), or everything."""
    unit = db.session.get(Unit, unit_id) if unit_id is not None else None
    return Scope(unit.id, unit.kind.value) if unit is not None else EVERYTHING


def events_between(start: date, end: date, scope: Scope = EVERYTHING) -> list[CalendarEvent]:
    """Every source's events in [start, end] for `scope`, in display order."""
    events = [event for source in sources() for event in source(start, end, scope)]
    return sorted(events, key=lambda e: (e.day, _ORDER.get(e.kind, 99), e.title, e.uid))


def unit_events(start: date, end: date, unit_id: int | None = None) -> list[CalendarEvent]:
    """`events_between` for one unit's calendar (every unit's when `unit_id` is None)."""
    return events_between(start, end, scope_of(unit_id))


def of_channel(events: list[CalendarEvent], channel: str | None) -> list[CalendarEvent]:
    """The events a channel filter keeps: that channel's slots, and everything not a slot's
    (deadlines of reports, anniversaries, meetings concern both)."""
    if not channel:
        return events
    return [e for e in events if not e.channel or e.channel == channel]


def by_day(events: list[CalendarEvent], shown_from: date | None = None
           ) -> dict[date, list[CalendarEvent]]:
    """The events grouped by their first day (the grid and the agenda use this); an event that
    began before `shown_from` (a period such as Tháng cao điểm) is shown on that day."""
    days: dict[date, list[CalendarEvent]] = defaultdict(list)
    for event in events:
        day = event.day
        if shown_from is not None and day < shown_from and _last_day(event) >= shown_from:
            day = shown_from
        days[day].append(event)
    return dict(days)


def _last_day(event: CalendarEvent) -> date:
    """The last day an event covers (its exclusive end, less a day, for all-day events)."""
    end = event.end_exclusive
    return end - timedelta(days=1) if event.all_day else end.date()
