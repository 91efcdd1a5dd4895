"""The year's holidays and anniversaries, a month's deadlines, and the grid showing them."""

import re


def test_year_page_lists_anniversaries_holidays_and_slogans(demo, login_as, client):
    login_as("kesach")
    html = client.get("/observances/2023").get_data(as_text=True)
    assert "Ngày lễ, kỷ niệm năm 2023" in html
    assert ("Kỷ niệm 93 năm Ngày truyền thống Mặt trận Tổ quốc Việt Nam "
            "(18/11/1930 – 18/11/2023)") in html
    assert "Quý Mão" in html and "22/01/2023" in html  # Tết Quý Mão
    assert "Thứ Bảy, 29/04/2023" in html  # Giỗ Tổ Hùng Vương, 10/3 lunar
    assert "Chôl Chnăm Thmây" in html
    assert 'class="slogans"' in html and "Mặt trận Tổ quốc Việt Nam" in html


def test_unknown_year_of_observances_is_404(demo, login_as, client):
    login_as("kesach")
    assert client.get("/observances/99999").status_code == 404


def test_month_deadlines_page(demo, login_as, client):
    login_as("kesach")
    html = client.get("/deadlines/2023/2").get_data(as_text=True)
    assert "Thứ Sáu, 03/02/2023" in html  # 5/2/2023 is a Sunday
    assert "ngày thứ sáu gần kề" in html  # the rule's own words
    march = client.get("/deadlines/2023/3").get_data(as_text=True)
    assert "15/03/2023" in march and "trước ngày 16/3/2023" in march  # quarterly report
    assert client.get("/deadlines/2023/13").status_code == 404


def test_month_grid_shows_holidays_and_anniversaries(demo, login_as, client):
    login_as("bientap")
    html = client.get("/calendar/2023/4").get_data(as_text=True)
    cell = html[html.index('data-date="2023-04-29"'):html.index('data-date="2023-04-30"')]
    assert "Giỗ Tổ Hùng Vương" in cell
    november = client.get("/calendar/2023/11").get_data(as_text=True)
    cell = november[november.index('data-date="2023-11-18"'):]
    assert "Kỷ niệm 93 năm Ngày truyền thống Mặt trận" in cell[:3000]


def test_agenda_shows_anniversaries_too(demo, login_as, client):
    login_as("kesach")
    html = client.get("/agenda?from=2023-04-25").get_data(as_text=True)
    assert re.search(r"Thứ Bảy, 29/04/2023.*?Giỗ Tổ", html, re.S)


def test_report_deadlines_follow_the_unit_kind(demo, login_as, client, db):
    from editorial.units.models import Unit

    login_as("bientap")
    ke_sach = db.session.query(Unit).filter(Unit.name.contains("Kế Sách")).one()
    district = client.get(f"/calendar/2023/3?unit={ke_sach.id}").get_data(as_text=True)
    province = client.get("/calendar/2023/3").get_data(as_text=True)
    assert "Báo cáo tình hình nhân dân" in district  # districts owe the quarterly report
    assert "Họp giao ban" in province and "Họp giao ban" not in district  # member orgs only


def test_a_lunar_anniversary_shows_its_solar_date_and_its_lunar_day_apart(demo, login_as, client):
    login_as("kesach")
    html = client.get("/observances/2023").get_data(as_text=True)
    row = re.search(r"<td>([^<]*29/04/2023[^<]*)<span class=\"tag\">([^<]+)</span>", html)
    assert row, "Giỗ Tổ Hùng Vương's row"
    assert row.group(2) == "ngày 10/3 âm lịch"  # the lunar day, not the solar date, is lunar
    assert "29/04/2023 âm lịch" not in html
