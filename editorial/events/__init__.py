"""Everything dated, as one kind of value: the calendar event and its sources.

The month grid, the agenda, the dashboard and the iCal feed all render the same
list of :class:`CalendarEvent` values, so the browser and the phone agree.
"""

from editorial.events.event import CalendarEvent, EventKind

__all__ = ["CalendarEvent", "EventKind"]
