"""Gather every source's events for a date range and a viewer: one list for every view."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from editorial.changes.events import decision_events
from editorial.events.event import CalendarEvent, EventKind
from editorial.extensions import db
from editorial.observances import services as observances
from editorial.plans import services as plans
from editorial.plans.events import slot_events
from editorial.units.models import Unit
from editorial.website.events import news_due_events

# Within a day: deadlines first, then what airs and prints, then the rest.
_ORDER = {kind: i for i, kind in enumerate([
    EventKind.HOLIDAY, EventKind.ANNIVERSARY, EventKind.REGISTRATION_DEADLINE,
    EventKind.REPORT_DEADLINE, EventKind.QUOTA_DEADLINE, EventKind.EVENT_NEWS_DUE,
    EventKind.RECORDING, EventKind.AIR, EventKind.PRINT, EventKind.MEETING,
    EventKind.CHANGE_DECISION, EventKind.SLOT,
])}


def events_between(start: date, end: date, unit_id: int | None = None) -> list[CalendarEvent]:
    """Every event in [start, end], of one unit when `unit_id` is given, in display order."""
    slots = plans.slots_between(start, end, unit_id)
    deadline_of = observances.slot_deadline_function()
    events = list(slot_events(slots, deadline_of, plans.slot_unit_label, start, end))
    events.extend(observances.events_between(start, end, _unit_kind(unit_id)))
    events.extend(decision_events(start, end, unit_id))
    events.extend(news_due_events(start, end, unit_id))
    return sorted(events, key=lambda e: (e.day, _ORDER.get(e.kind, 99), e.title, e.uid))


def _unit_kind(unit_id: int | None) -> str | None:
    """The kind of the unit whose calendar this is (report rules apply per kind)."""
    unit = db.session.get(Unit, unit_id) if unit_id is not None else None
    return unit.kind.value if unit is not None else None


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
