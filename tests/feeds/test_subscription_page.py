"""The subscription page, choices and reset, a slot's .ics download, `flask feeds url`."""

import re
from datetime import date
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from sqlalchemy import select

from editorial.plans.models import Slot
from editorial.plans.rules import SlotStatus
from editorial.units.models import Unit
from tests.factories import make_unit
from tests.feeds.parse import feed_events, page_events, unfold

pytestmark = pytest.mark.usefixtures("demo")


def shown_url(html: str) -> str:
    return unescape(re.search(r'id="feed-url"[^>]*value="([^"]+)"', html).group(1))


def test_officer_page_shows_url_links_qr_and_instructions(client, login_as, runner):
    login_as("kesach")
    response = client.get("/feeds")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    url = shown_url(html)
    assert re.fullmatch(r"http://lich\.test/feeds/\d+/me/[A-Za-z0-9_-]{43}\.ics", url)
    cli = runner.invoke(args=["feeds", "url", "kesach"])
    assert cli.exit_code == 0 and cli.output.strip() == url  # the admin sees the same URL
    webcal = "webcal://" + url.split("://")[1]
    assert f'href="{webcal}"' in html
    google = re.search(r'href="(https://calendar\.google\.com[^"]+)"', html).group(1)
    assert parse_qs(urlsplit(unescape(google)).query)["cid"] == [webcal]
    assert "outlook.live.com/calendar/0/addfromweb?url=" in html
    assert re.search(r'<svg [^>]*class="qr"', html) and "<path" in html
    assert "Google chỉ tải lại lịch đăng ký vài giờ một lần" in html
    assert "http://lich.test/feeds/public.ics" in html
    # Nothing is loaded from another host: scripts, styles and images are our own.
    assert not re.search(r'<(script|link|img|iframe)[^>]+(src|href)="(https?:)?//', html)


def test_page_in_english(client, login_as):
    auth = login_as("kesach")
    auth.post("/language", {"lang": "en", "next": "/feeds"})
    html = client.get("/feeds").get_data(as_text=True)
    assert "Calendar on your phone" in html and "Google refreshes subscribed calendars" in html


def test_every_choice_has_a_label():
    from editorial.feeds.forms import ALARM_LABELS, GROUP_LABELS
    from editorial.feeds.rules import ALARMS, GROUPS

    assert list(GROUP_LABELS) == list(GROUPS) and list(ALARM_LABELS) == list(ALARMS)


def test_page_queries_do_not_grow_with_the_units(db, client, login_as, queries):
    login_as("bientap")
    client.get("/feeds?scope=province")
    with queries() as before:
        client.get("/feeds?scope=province")
    for _ in range(15):
        make_unit()
    db.session.commit()
    with queries() as after:
        response = client.get("/feeds?scope=province")
    assert response.status_code == 200 and response.get_data(as_text=True).count("unit-") > 25
    assert len(after) == len(before) <= 6, after


def test_editor_chooses_province_or_a_unit(db, client, login_as):
    login_as("bientap")
    html = client.get("/feeds").get_data(as_text=True)
    assert 'value="province"' in html and "Toàn tỉnh" in html
    unit = db.session.scalar(select(Unit.id).where(Unit.short_name == "Kế Sách"))
    page = client.get(f"/feeds?scope=unit-{unit}", headers={"HX-Request": "true"})
    assert page.status_code == 200 and "<html" not in page.get_data(as_text=True)
    assert f"/unit-{unit}/" in shown_url(page.get_data(as_text=True))
    assert client.get("/feeds?scope=unit-9999").status_code == 404
    assert client.get("/feeds?scope=nonsense").status_code == 403


def test_officer_cannot_open_the_province_feed_page(client, login_as):
    login_as("kesach")
    response = client.get("/feeds?scope=province")
    assert response.status_code == 403
    assert "Bạn không xem được lịch" in response.get_data(as_text=True)


def test_page_needs_a_login(client, demo):
    response = client.get("/feeds")
    assert response.status_code == 302 and "/login" in response.headers["Location"]
    assert client.post("/feeds/reset").status_code in (302, 400)


def test_bad_choices_are_refused_with_the_page_again(client, login_as):
    auth = login_as("kesach")
    response = auth.post("/feeds/choices", {"show": ["production", "secret-stuff"],
                                            "alarm": "none", "scope": "me"})
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Mục không hợp lệ: secret-stuff." in html and 'id="feed-url"' in html
    response = auth.post("/feeds/choices", {"alarm": "every-minute", "scope": "me"})
    assert response.status_code == 422 and "nhắc việc không hợp lệ" in response.get_data(True)


def test_choices_are_saved_and_shown(client, login_as):
    auth = login_as("kesach")
    response = auth.post("/feeds/choices", {"show": ["deadlines"], "alarm": "three_days",
                                            "scope": "me"})
    assert response.status_code == 303
    html = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Đã lưu lựa chọn" in html
    assert re.search(r'value="deadlines" checked', html)
    assert not re.search(r'value="anniversaries" checked', html)
    assert re.search(r'<option value="three_days" selected', html)


def test_forms_need_the_csrf_token(client, login_as):
    login_as("kesach")
    before = shown_url(client.get("/feeds").get_data(as_text=True))
    response = client.post("/feeds/reset", data={"scope": "me"})
    assert response.status_code == 400
    assert shown_url(client.get("/feeds").get_data(as_text=True)) == before


def test_slot_ics_download_holds_what_the_slot_page_shows(db, client, login_as):
    login_as("kesach")
    slot = db.session.scalars(select(Slot).where(Slot.topic.contains("xây dựng Đảng"))
                              .order_by(Slot.id)).first()
    slot.status, slot.record_date, slot.air_date = SlotStatus.AGREED, date(2023, 3, 8), None
    db.session.commit()
    page = client.get(f"/slots/{slot.id}").get_data(as_text=True)
    assert f'href="/slots/{slot.id}.ics"' in page
    response = client.get(f"/slots/{slot.id}.ics")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
    assert "attachment" in response.headers["Content-Disposition"]
    events = feed_events(response.data)
    assert set(events) == {f"slot-{slot.id}-recording"}
    grid = page_events(client.get("/calendar/2023/3").get_data(as_text=True))
    assert events[f"slot-{slot.id}-recording"] == grid[f"slot-{slot.id}-recording"]
    assert client.get("/slots/99999.ics").status_code == 404


def test_slot_ics_is_a_one_off_named_as_it_will_run(db, client, login_as):
    """A download is not polled: no refresh hints; named by the agreed title; a planned
    weekly or monthly slot's file holds its registration deadline."""
    login_as("kesach")
    slot = db.session.scalars(select(Slot).where(Slot.topic.contains("xây dựng Đảng"))
                              .order_by(Slot.id)).first()
    deadline = client.get(f"/slots/{slot.id}.ics")
    assert set(feed_events(deadline.data)) == {f"slot-{slot.id}-deadline"}
    slot.status, slot.air_date = SlotStatus.AGREED, date(2023, 3, 20)
    slot.final_title = "Kế Sách: Mặt trận tham gia xây dựng Đảng"
    db.session.commit()
    raw = client.get(f"/slots/{slot.id}.ics").data
    assert b"REFRESH-INTERVAL" not in raw and b"X-PUBLISHED-TTL" not in raw
    name_line = "X-WR-CALNAME;VALUE=TEXT:Kế Sách: Mặt trận tham gia xây dựng Đảng"
    assert name_line.encode() in unfold(raw)
    assert feed_events(raw)[f"slot-{slot.id}-air"].title.endswith(slot.final_title)


def test_the_public_feed_describes_only_holidays_and_anniversaries(client, demo):
    raw = unfold(client.get("/feeds/public.ics").data).decode()
    assert "X-WR-CALDESC;VALUE=TEXT:Lịch biên tập MTTQ: ngày nghỉ lễ và ngày kỷ niệm." in raw
    assert "phát sóng" not in raw.split("BEGIN:VEVENT")[0]


def test_slot_ics_needs_a_login(client, demo):
    assert client.get("/slots/1.ics").status_code == 302


def test_cli_refuses_unknown_logins_and_scopes(runner, demo):
    result = runner.invoke(args=["feeds", "url", "nobody"])
    assert result.exit_code != 0 and "Không có người dùng “nobody”" in result.output
    result = runner.invoke(args=["feeds", "url", "kesach", "--scope", "province"])
    assert result.exit_code != 0 and "Bạn không xem được lịch" in result.output
    result = runner.invoke(args=["feeds", "url", "bientap", "--scope", "unit-9999"])
    assert result.exit_code != 0 and "Không tìm thấy đơn vị" in result.output
    result = runner.invoke(args=["feeds", "url", "bientap", "--scope", "province"])
    assert result.exit_code == 0 and "/feeds/" in result.output and "/province/" in result.output
