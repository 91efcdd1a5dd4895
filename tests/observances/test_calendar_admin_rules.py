"""Admins configure what counts for deadlines and reports, and add periods with their own
wording; the deadlines, the reminders' recipients and the pages follow."""

from sqlalchemy import select

from editorial.extensions import db
from editorial.observances import services
from editorial.units import scope
from editorial.units.models import Unit


def _province() -> int:
    return db.session.scalar(select(Unit.id).where(Unit.parent_id.is_(None)))


def test_a_deadline_may_be_allowed_on_a_worked_saturday(demo, login_as, client, app):
    # May 2024: Sunday 5/5; Saturday 4/5/2024 was a make-up working day.
    auth = login_as("quantri")
    assert "Thứ Sáu, 03/05/2024" in client.get("/deadlines/2024/5").get_data(as_text=True)
    response = auth.post("/admin/calendar/deadline-rule", {
        "day_of_month": "5", "direction": "before", "skip_holidays": "on", "year": "2024"})
    assert response.status_code == 303  # weekdays_only unticked
    html = client.get("/deadlines/2024/5").get_data(as_text=True)
    assert "Thứ Bảy, 04/05/2024" in html and "kể cả thứ bảy, chủ nhật làm bù" in html
    auth.post("/admin/calendar/deadline-rule", {
        "day_of_month": "5", "direction": "before", "skip_holidays": "on",
        "weekdays_only": "on", "year": "2024"})
    assert "Thứ Sáu, 03/05/2024" in client.get("/deadlines/2024/5").get_data(as_text=True)


def test_which_units_owe_a_report_is_editable(demo, login_as, client, app):
    auth = login_as("quantri")
    response = auth.post("/admin/calendar/report-rules/bao-cao-thang", {
        "day": "25", "wording": "trước ngày 25 hàng tháng", "active": "on",
        "unit_kinds_shown": "1", "unit_kinds": ["district", "member_org"], "year": "2023"})
    assert response.status_code == 303
    with app.test_request_context():
        shipped = next(r for r in services.report_rules() if r.key == "bao-cao-thang")
        scope.enter(_province())  # the admin's rule is their province's own
        rule = next(r for r in services.report_rules() if r.key == "bao-cao-thang")
    assert rule.unit_kinds == ("district", "member_org") != shipped.unit_kinds
    page = client.get("/admin/calendar?year=2023").get_data(as_text=True)
    assert 'name="unit_kinds" value="member_org" checked' in page
    refused = auth.post("/admin/calendar/report-rules/bao-cao-thang", {
        "day": "25", "wording": "x", "active": "on", "unit_kinds_shown": "1", "year": "2023"})
    assert refused.status_code == 422
    assert "Chọn ít nhất một loại đơn vị" in refused.get_data(as_text=True)


def test_a_local_period_with_its_own_wording(demo, login_as, client):
    auth = login_as("quantri")
    response = auth.post("/admin/calendar/anniversaries", {
        "name": "Tháng hành động vì an toàn thực phẩm", "day": "15", "month": "4",
        "end_day": "15", "end_month": "5", "wording": "{name} năm {year} ({start} – {end})",
        "calendar": "solar", "year": "2023"})
    assert response.status_code == 303
    html = client.get("/observances/2023").get_data(as_text=True)
    assert "Tháng hành động vì an toàn thực phẩm năm 2023 (15/4 – 15/5/2023)" in html
    grid = client.get("/calendar/2023/5").get_data(as_text=True)
    first = grid[grid.index('data-date="2023-05-01"'):]
    assert "an toàn thực phẩm" in first[:first.index("</td>")]  # the period, carried on
    for bad, message in [({"end_day": "15"}, "cả ngày và tháng kết thúc"),
                         ({"wording": "{ten}"}, "không hợp lệ"),
                         ({"end_day": "31", "end_month": "4"}, "không hợp lệ")]:
        data = {"name": "Đợt thử", "day": "1", "month": "4", "calendar": "solar",
                "year": "2023", **bad}
        refused = auth.post("/admin/calendar/anniversaries", data)
        assert refused.status_code == 422, bad
        assert message in refused.get_data(as_text=True), bad
