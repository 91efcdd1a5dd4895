"""The website's event source: news of an announced event, due 1 working day after it."""

from __future__ import annotations

from datetime import date

from editorial.calendar.event import EVERYTHING, CalendarEvent, EventKind, Scope
from editorial.text import quote
from editorial.website.services import news_due_between


def events_between(start: date, end: date, scope: Scope = EVERYTHING) -> list[CalendarEvent]:
    """One event per announced event still without news, on its due day."""
    return [
        CalendarEvent(uid=f"web-event-{event.id}-news", kind=EventKind.EVENT_NEWS_DUE,
                      title=f"Hạn gửi tin sự kiện: {event.title} ({event.unit.label})",
                      start=due, unit_id=event.unit_id, url="/website",
                      subject=f"web-event:{event.id}",
                      duty=f"gửi tin sự kiện {quote(event.title)} ({event.event_date:%d/%m/%Y})",
                      description=f"Sự kiện ngày {event.event_date:%d/%m/%Y}; tin gửi Ban Biên "
                                  f"tập chậm nhất sau 01 ngày làm việc.")
        for event, due in news_due_between(start, end, scope.unit_id)
    ]
