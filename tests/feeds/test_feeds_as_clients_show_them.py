"""Issue 14, "Feeds as clients show them": read back through the real feed URLs with
icalendar, the calendar name has no backslash, CATEGORIES are Vietnamese words, the briefing
meeting has its hours in Viet Nam time, and an officer's month grid and feed hold the same
events."""

from datetime import date, datetime

import pytest
from icalendar import Calendar

from editorial.extensions import db
from tests.conftest import TODAY
from tests.feeds.parse import page_events, unfold

PUBLIC_NAME = "Ngày lễ, ngày kỷ niệm – MTTQ"
MEETING = "report-hop-giao-ban-2023-03@lich-mttq"  # the 20/3/2023 briefing (a Monday)


@pytest.fixture
def can_tho(app):
    """The living demo loaded for 2023 (TODAY): communes, wards and member organizations."""
    from editorial.demo import current

    current.load(TODAY)
    db.session.commit()


def by_uid(raw: bytes) -> dict:
    """The VEVENTs of a feed, parsed by icalendar, by UID."""
    return {str(event["UID"]): event for event in Calendar.from_ical(raw).events}


def test_public_calendar_name_reads_back_without_a_backslash(client, demo):
    raw = client.get("/feeds/public.ics").data
    lines = unfold(raw).decode().split("\r\n")
    assert "X-WR-CALNAME;VALUE=TEXT:Ngày lễ\\, ngày kỷ niệm – MTTQ" in lines
    assert "NAME;VALUE=TEXT:Ngày lễ\\, ngày kỷ niệm – MTTQ" in lines
    parsed = Calendar.from_ical(raw)
    assert parsed.calendar_name == PUBLIC_NAME
    assert str(parsed["X-WR-CALNAME"]) == PUBLIC_NAME == str(parsed["NAME"])
    assert "\\" not in str(parsed["X-WR-CALNAME"])


def test_categories_are_vietnamese_words_with_the_code_beside_them(client, feed_path,
                                                                   observances, login_as):
    path = feed_path("kesach")
    auth = login_as("kesach")
    auth.post("/language", {"lang": "en"})  # the feed's language is not the session's
    events = by_uid(client.get(path, headers={"Accept-Language": "en"}).data)
    words = {str(e["X-MTTQ-KIND"]): [str(c) for c in e.categories] for e in events.values()}
    assert words["holiday"] == ["Ngày nghỉ lễ"]
    assert words["anniversary"] == ["Ngày kỷ niệm"]
    assert words["report_deadline"] == ["Hạn báo cáo"]
    assert words["registration_deadline"] == ["Hạn đăng ký"]
    assert words["meeting"] == ["Cuộc họp"]
    codes = set(words)
    assert not any(word in codes for names in words.values() for word in names)


def test_the_briefing_meeting_has_its_hours_in_viet_nam_time(client, can_tho, feed_path,
                                                             login_as):
    raw = client.get(feed_path("hoiphunu")).data
    lines = unfold(raw).decode().split("\r\n")
    assert "DTSTART;TZID=Asia/Ho_Chi_Minh:20230320T140000" in lines
    assert "DTEND;TZID=Asia/Ho_Chi_Minh:20230320T160000" in lines
    meeting = by_uid(raw)[MEETING]
    start, end = meeting.decoded("DTSTART"), meeting.decoded("DTEND")
    assert (start.hour, start.minute, end.hour) == (14, 0, 16)
    assert str(start.tzinfo) == "Asia/Ho_Chi_Minh" and start.utcoffset().total_seconds() == 25200
    assert [str(z["TZID"]) for z in Calendar.from_ical(raw).timezones] == ["Asia/Ho_Chi_Minh"]
    deadline = next(e for e in by_uid(raw).values()
                    if str(e["X-MTTQ-KIND"]) == "registration_deadline")
    assert type(deadline.decoded("DTSTART")) is date  # deadlines stay whole days
    login_as("hoiphunu")
    grid = client.get("/calendar/2023/3").get_data(as_text=True)
    assert '<time class="ev-time" datetime="2023-03-20T14:00:00+07:00">14:00</time>' in grid


def test_an_admin_moves_the_meeting_to_another_hour(client, can_tho, feed_path, login_as):
    path = feed_path("hoiphunu")
    auth = login_as("ct.quantri")
    form = {"day": "20", "wording": "định kỳ hàng tháng", "active": "on", "year": "2023",
            "times_shown": "1", "start_time": "08:30", "end_time": "10:00"}
    assert auth.post("/admin/calendar/report-rules/hop-giao-ban", form).status_code == 303
    assert 'name="start_time" value="08:30"' in client.get(
        "/admin/calendar?year=2023").get_data(as_text=True)
    refused = auth.post("/admin/calendar/report-rules/hop-giao-ban",
                        form | {"start_time": "10:00", "end_time": "09:00"})
    assert refused.status_code == 422
    assert "Giờ kết thúc phải sau giờ bắt đầu" in refused.get_data(as_text=True)
    meeting = by_uid(client.get(path).data)[MEETING]
    assert meeting.decoded("DTSTART").strftime("%H:%M") == "08:30"
    assert meeting.decoded("DTEND").strftime("%H:%M") == "10:00"


def _march(pairs) -> set[tuple[date, str]]:
    return {(day, title) for day, title in pairs if (day.year, day.month) == (2023, 3)}


def _grid_month(client) -> set[tuple[date, str]]:
    html = client.get("/calendar/2023/3").get_data(as_text=True)
    return _march((e.start.date() if isinstance(e.start, datetime) else e.start, e.title)
                  for e in page_events(html).values())


def _feed_month(raw: bytes) -> set[tuple[date, str]]:
    pairs = []
    for event in Calendar.from_ical(raw).events:
        start = event.decoded("DTSTART")
        pairs.append((start.date() if isinstance(start, datetime) else start,
                      str(event["SUMMARY"])))
    return _march(pairs)


@pytest.mark.parametrize("login", ["hoiphunu", "xkesach"])
def test_an_officers_month_grid_and_feed_hold_the_same_events(client, can_tho, feed_path,
                                                              login_as, login):
    raw = client.get(feed_path(login)).data
    login_as(login)
    grid, feed = _grid_month(client), _feed_month(raw)
    assert grid == feed and len(feed) >= 3
    meetings = {title for _day, title in feed if title.startswith("Họp giao ban")}
    # The briefing of the member organizations is theirs, not a commune's.
    assert bool(meetings) == (login == "hoiphunu")
    every_unit = client.get("/calendar/2023/3?unit=all").get_data(as_text=True)
    assert len(page_events(every_unit)) > len(grid)  # the whole city is one choice away
    assert 'value="all" selected' in every_unit
