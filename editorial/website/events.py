"""The website's event source: news of an announced event, due 1 working day after it."""

from __future__ import annotations

from datetime import date

from editorial.events.event import CalendarEvent, EventKind
from editorial.website.services import news_due_between


def news_due_events(start: date, end: date, unit_id: int | None = None) -> list[CalendarEvent]:
    """One event per announced event still without news, on its due day."""
    return [
        CalendarEvent(uid=f"web-event-{event.id}-news", kind=EventKind.EVENT_NEWS_DUE,
                      title=f"Hạn gửi tin sự kiện: {event.title} ({event.unit.label})",
                      start=due, unit_id=event.unit_id, url="/website",
                      description=f"Sự kiện ngày {event.event_date:%d/%m/%Y}; tin gửi Ban Biên "
                                  f"tập chậm nhất sau 01 ngày làm việc.")
        for event, due in news_due_between(start, end, unit_id)
    ]
