"""The month grid: Monday-first weeks, today marked, htmx fragments, bounded queries."""

import re

import pytest

from editorial.auth.rules import Role
from editorial.calendar.grid import Month, month_weeks
from tests.factories import make_plan, make_unit, make_user


def test_february_2023_starts_on_a_wednesday():
    weeks = month_weeks(Month(2023, 2))
    assert weeks[0][0].isoformat() == "2023-01-30"  # the Monday before
    assert weeks[0].index(Month(2023, 2).first) == 2  # Thứ Tư is the third column
    assert weeks[-1][-1].isoformat() == "2023-03-05"
    assert all(len(w) == 7 and w[0].weekday() == 0 for w in weeks)


def test_month_neighbours_cross_years():
    assert Month(2023, 12).next() == Month(2024, 1)
    assert Month(2023, 1).previous() == Month(2022, 12)
    with pytest.raises(ValueError):
        Month(2023, 13)


def test_month_page_layout(demo, login_as, client):
    login_as("bientap")
    html = client.get("/calendar/2023/2").get_data(as_text=True)
    assert "Tháng 2/2023" in html
    dates = re.findall(r'data-date="([\d-]+)"', html)
    assert dates[0] == "2023-01-30" and dates[2] == "2023-02-01" and len(dates) == 35
    for name in ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"):
        assert name in html
    assert html.index("Thứ Hai") < html.index("Chủ nhật")


def test_today_is_marked(demo, login_as, client):
    login_as("bientap")
    html = client.get("/calendar").get_data(as_text=True)  # TODAY is 15/3/2023 in the tests
    assert "Tháng 3/2023" in html
    assert re.search(r'class="day[^"]*today[^"]*"\s+data-date="2023-03-15"', html)


def test_registration_deadlines_sit_on_their_days(demo, login_as, client):
    login_as("bientap")
    html = client.get("/calendar/2023/3").get_data(as_text=True)
    cell = html[html.index('data-date="2023-03-03"'):html.index('data-date="2023-03-04"')]
    assert "Hạn đăng ký" in cell and "Kế Sách" in cell  # 5/3/2023 is a Sunday → Friday 3/3


def test_htmx_gets_the_fragment_plain_request_the_page(demo, login_as, client):
    login_as("bientap")
    fragment = client.get("/calendar/2023/4", headers={"HX-Request": "true"})
    page = client.get("/calendar/2023/4")
    assert fragment.get_data(as_text=True).lstrip().startswith('<section id="month"')
    assert "<html" not in fragment.get_data(as_text=True)
    assert "<html" in page.get_data(as_text=True) and 'id="month"' in page.get_data(as_text=True)
    boosted = client.get("/calendar/2023/4", headers={"HX-Request": "true", "HX-Boosted": "true"})
    assert "<html" in boosted.get_data(as_text=True)
    assert all("HX-Request" in r.headers["Vary"] for r in (fragment, page, boosted))


def test_previous_and_next_links_push_the_url(demo, login_as, client):
    login_as("bientap")
    html = client.get("/calendar/2023/1").get_data(as_text=True)
    assert 'href="/calendar/2022/12"' in html and 'href="/calendar/2023/2"' in html
    assert 'hx-push-url="true"' in html


@pytest.mark.parametrize("path", ["/calendar/2023/13", "/calendar/99999/1", "/calendar/2023/0",
                                  "/units/999999", "/slots/999999", "/nowhere"])
def test_bad_urls_are_vietnamese_404s(demo, login_as, client, path):
    login_as("bientap")
    response = client.get(path)
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.get_data(as_text=True)


def test_bad_agenda_date_is_a_400_not_a_500(demo, login_as, client):
    login_as("bientap")
    response = client.get("/agenda?from=2023-02-30")
    assert response.status_code == 422
    assert "Ngày không hợp lệ" in response.get_data(as_text=True)


def test_agenda_lists_days_and_loads_more(demo, login_as, client):
    login_as("kesach")
    html = client.get("/agenda?from=2023-03-01").get_data(as_text=True)
    assert "Thứ Sáu, 03/03/2023" in html and "Hạn đăng ký" in html
    # An officer's agenda is their unit's calendar (as their feed); unit=all shows every unit.
    more = client.get("/agenda?from=2023-03-31&unit=all", headers={"HX-Request": "true"})
    assert "<html" not in more.get_data(as_text=True)
    assert "Thứ Tư, 05/04/2023" in more.get_data(as_text=True)  # April's deadline is Wed 5/4
    assert "unit=all" in more.get_data(as_text=True)  # "more" keeps the choice
    own = client.get("/agenda?from=2023-03-31", headers={"HX-Request": "true"})
    assert "Thứ Tư, 05/04/2023" not in own.get_data(as_text=True)  # Vĩnh Châu's, not Kế Sách's


def _grid_queries(client, queries, login: str) -> int:
    with queries() as statements:
        assert client.get("/calendar/2024/5").status_code == 200
    return len(statements)


def test_month_page_query_count_does_not_grow_with_units(app, db, client, auth, queries):
    province = make_unit("Ủy ban MTTQ tỉnh Thử", kind="province")
    one = [make_unit()]
    make_plan(2024, province, one)
    make_user("ed", Role.EDITOR, province)
    db.session.commit()
    auth.login("ed")
    small = _grid_queries(client, queries, "ed")
    many = [make_unit() for _ in range(49)]
    make_plan(2025, province, many)
    db.session.commit()
    for unit in many:  # 50 units, each with slots in May 2024 too
        make_plan(2024, unit, [unit])
    db.session.commit()
    assert _grid_queries(client, queries, "ed") == small


def test_a_period_shows_in_every_month_it_covers(demo, login_as, client):
    """Tháng cao điểm "Vì người nghèo" (17/10 – 18/11): on 17/10, and on 1/11 in November."""
    login_as("bientap")
    october = client.get("/calendar/2023/10").get_data(as_text=True)
    assert "Vì người nghèo" in _cell(october, "2023-10-17")
    november = client.get("/calendar/2023/11").get_data(as_text=True)
    assert "Vì người nghèo" in _cell(november, "2023-11-01")
    assert november.count("title=\"Tháng cao điểm") == 1  # one chip, not one per day
    agenda = client.get("/agenda?from=2023-11-10").get_data(as_text=True)
    assert "Vì người nghèo" in agenda


def _cell(html: str, day: str) -> str:
    start = html.index(f'data-date="{day}"')
    return html[start:html.index("</td>", start)]


def test_the_channel_filter_is_kept_in_the_url_and_its_links(demo, login_as, client):
    login_as("bientap")
    both = client.get("/calendar/2023/3").get_data(as_text=True)
    assert "Hạn đăng ký Chuyên mục PT-TH" in both and "Hạn đăng ký Chuyên trang Báo" in both
    html = client.get("/calendar/2023/3?channel=newspaper&unit=all").get_data(as_text=True)
    assert "Hạn đăng ký Chuyên trang Báo" in html and "Chuyên mục PT-TH" not in html
    assert 'href="/calendar/2023/4?channel=newspaper&amp;unit=all"' in html  # shareable, kept
    assert '<option value="newspaper" selected' in html
    assert "Đoàn Thanh niên Cộng sản" in html  # anniversaries concern both channels
    agenda = client.get("/agenda?from=2023-03-01&channel=radio_tv").get_data(as_text=True)
    assert "Chuyên mục PT-TH" in agenda and "Chuyên trang Báo" not in agenda
