"""Feed fixtures: a user's feed path, and observances standing in for the lead's sources."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from editorial.auth.models import User
from editorial.calendar.event import CalendarEvent, EventKind
from editorial.extensions import db

VN = timezone(timedelta(hours=7))
LONG = ("Kỷ niệm 93 năm Ngày truyền thống Mặt trận Tổ quốc Việt Nam (18/11/1930 – 18/11/2023), "
        "Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư; “đoàn kết, dân chủ, đồng thuận”")
STAMP = datetime(2023, 1, 2, 3, 4, 5, tzinfo=UTC)
OBSERVANCES = [
    CalendarEvent(uid="holiday-2023-04-29", kind=EventKind.HOLIDAY, title="Giỗ Tổ Hùng Vương",
                  start=date(2023, 4, 29), last_modified=STAMP),
    CalendarEvent(uid="anniversary-mttq-2023", kind=EventKind.ANNIVERSARY, title=LONG,
                  start=date(2023, 11, 18), last_modified=STAMP,
                  description="Kỷ niệm 93 năm; khẩu hiệu: “Mặt trận Tổ quốc Việt Nam”"),
    CalendarEvent(uid="meeting-2023-03-20", kind=EventKind.MEETING,
                  title="Họp giao ban khối đoàn thể", start=datetime(2023, 3, 20, 8, 0, tzinfo=VN),
                  end=datetime(2023, 3, 20, 10, 30, tzinfo=VN), last_modified=STAMP),
    CalendarEvent(uid="report-2023-05-14", kind=EventKind.REPORT_DEADLINE,
                  title="Hạn báo cáo 6 tháng (trước ngày 15/5)", start=date(2023, 5, 14),
                  last_modified=STAMP),
    # Outside the window of TODAY (1/3/2022 – 30/6/2024): never in a feed.
    CalendarEvent(uid="anniversary-2022-02-03", kind=EventKind.ANNIVERSARY,
                  title="Kỷ niệm 92 năm Ngày thành lập Đảng", start=date(2022, 2, 3)),
    CalendarEvent(uid="holiday-2024-09-02", kind=EventKind.HOLIDAY, title="Quốc khánh",
                  start=date(2024, 9, 2)),
]


@pytest.fixture
def observances(monkeypatch):
    """Holidays, an anniversary, a timed meeting and a report deadline from the pipeline."""
    from editorial.observances import events as services

    def events_between(start: date, end: date, *_viewer) -> list[CalendarEvent]:
        return [e for e in OBSERVANCES if start <= e.day <= end]

    monkeypatch.setattr(services, "events_between", events_between)
    return OBSERVANCES


@pytest.fixture
def feed_path(app, demo):
    """The path of a demo user's feed (its settings committed, as the page would)."""
    from editorial.feeds import services

    def _path(login: str, scope: str = "me") -> str:
        user = db.session.scalar(select(User).where(User.login == login))
        url = services.feed_url(user, scope)
        db.session.commit()
        return url.removeprefix(app.config["BASE_URL"])

    return _path
