"""The officer's home is a checklist of what the unit owes this month and the next, each with
its state and the one next action, and a badge counting what is overdue."""

from __future__ import annotations

import re
from datetime import date

from editorial.calendar.event import CalendarEvent, EventKind
from editorial.dashboard.checklist import Standing, item_for_event
from tests.registrations.helpers import REGISTRATION, demo_slot, version_on_page


def _items(html: str) -> list[tuple[str, str, str]]:
    """(standing, what, next action) of each line, in page order."""
    lines = re.findall(r'data-standing="(\w+)">(.*?)</li>', html, re.S)
    found = []
    for standing, body in lines:
        what = re.search(r'class="what">([^<]+)<', body).group(1)
        action = re.search(r'class="(?:btn |meta )?next-action"[^>]*>([^<]+)<', body).group(1)
        found.append((standing, what, action))
    return found


def test_the_officer_sees_this_and_next_months_obligations(demo, login_as, client):
    login_as("kesach")  # today is 15/3/2023: March's two slots are 12 days overdue
    html = client.get("/").get_data(as_text=True)
    assert "Cần làm tháng 3/2023" in html and "Cần làm tháng 4/2023" in html
    march = _items(html.split("Cần làm tháng 4/2023")[0])
    registrations = [i for i in march if i[1].startswith(("Đài PT-TH:", "Báo:"))]
    assert [(s, a) for s, _w, a in registrations] == [("overdue", "Đăng ký")] * 2
    assert ("todo", "Tin, bài Trang TTĐT tháng 3/2023", "Gửi tin, bài") in march
    assert any(w.startswith("Báo cáo tháng") and a == "Nộp báo cáo" for _s, w, a in march)
    assert re.search(r'data-overdue="2">2 việc quá hạn<', html)


def test_registering_moves_the_line_to_waiting_and_the_badge_down(demo, login_as, client):
    officer = login_as("kesach")
    slot = demo_slot(3)
    data = dict(REGISTRATION, action="submit", air_date="2023-03-26", record_date="",
                version=version_on_page(client, slot.id))
    assert officer.post(f"/registrations/slots/{slot.id}/register", data).status_code == 303
    html = client.get("/").get_data(as_text=True)
    line = [i for i in _items(html) if REGISTRATION["title"] in i[1]]
    assert line == [("waiting", f"Đài PT-TH: {REGISTRATION['title']}", "Chờ Ban PT-TG trả lời")]
    assert 'data-overdue="1"' in html


def test_a_unit_without_a_slot_this_month_still_sees_its_other_duties(demo, login_as, client):
    login_as("vinhchau")  # Vĩnh Châu's slots are April's
    html = client.get("/").get_data(as_text=True)
    april = _items(html.split("Cần làm tháng 4/2023")[1])
    assert [a for s, w, a in april if w.startswith("Đài PT-TH")] == ["Đăng ký"]
    assert "Tháng này đơn vị không phụ trách" in html


def test_a_report_deadline_gone_by_is_shown_but_not_counted_as_overdue():
    event = CalendarEvent(uid="r", kind=EventKind.REPORT_DEADLINE, title="Báo cáo tháng",
                          start=date(2023, 3, 24))
    assert item_for_event(event, date(2023, 3, 25)).standing == Standing.PASSED
    assert item_for_event(event, date(2023, 3, 24)).standing == Standing.TODO
    news = CalendarEvent(uid="n", kind=EventKind.EVENT_NEWS_DUE, title="Tin",
                         start=date(2023, 3, 24))
    assert item_for_event(news, date(2023, 3, 25)).standing == Standing.OVERDUE


def test_the_home_runs_a_bounded_number_of_queries(demo, login_as, client, queries):
    login_as("kesach")
    client.get("/")
    with queries() as counted:
        client.get("/")
    assert len(counted) <= 30
