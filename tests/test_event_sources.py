"""One list of sources: a new dated thing added to it reaches the month grid, the agenda, the
feeds and the reminders, with nothing else to wire."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from editorial.auth.models import User
from editorial.calendar.event import CalendarEvent, EventKind, Scope
from editorial.clock import VN
from editorial.events import sources
from editorial.feeds import services as feeds
from editorial.notifications.models import Reminder
from editorial.reminders import planner
from tests.feeds.parse import feed_events

DUE = date(2023, 3, 24)
TITLE = "Hạn nộp bảng tổng hợp ý kiến cử tri (nguồn thử)"


def _fake_source(unit_id: int):
    """A new source: one report deadline of Kế Sách, in Kế Sách's calendar only."""

    def events_between(start: date, end: date, scope: Scope) -> list[CalendarEvent]:
        if not start <= DUE <= end or scope.unit_id not in (None, unit_id):
            return []
        return [CalendarEvent(uid="fake-1", kind=EventKind.REPORT_DEADLINE, title=TITLE,
                              start=DUE, unit_id=unit_id, url="/agenda", subject="fake:1",
                              duty="nộp bảng tổng hợp ý kiến cử tri")]

    return events_between


@pytest.fixture
def fake_source(demo, db, monkeypatch):
    officer = db.session.scalar(select(User).where(User.login == "kesach"))
    listed = sources.sources
    monkeypatch.setattr(sources, "sources", lambda: [*listed(), _fake_source(officer.unit_id)])
    return officer


def test_a_new_source_reaches_the_grid_the_agenda_the_feed_and_the_reminders(
        fake_source, login_as, client, app, db):
    login_as("kesach")
    assert TITLE in client.get("/calendar/2023/3").get_data(as_text=True)
    assert TITLE in client.get("/agenda?from=2023-03-20").get_data(as_text=True)

    path = feeds.feed_url(fake_source, "me").removeprefix(app.config["BASE_URL"])
    db.session.commit()
    assert feed_events(client.get(path).data)["fake-1"].title == TITLE

    planner.plan_reminders(datetime(2023, 3, 21, 7, 30, tzinfo=VN))
    reminders = db.session.scalars(select(Reminder).where(Reminder.subject == "fake:1")).all()
    assert {r.recipient_id for r in reminders} == {fake_source.id}
    assert all("nộp bảng tổng hợp ý kiến cử tri" in r.title for r in reminders)


def test_another_units_feed_does_not_get_it(fake_source, client, app, db):
    other = db.session.scalar(select(User).where(User.login == "vinhchau"))
    path = feeds.feed_url(other, "me").removeprefix(app.config["BASE_URL"])
    db.session.commit()
    events = feed_events(client.get(path).data)
    assert events and "fake-1" not in events
