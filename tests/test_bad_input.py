"""Bad input anywhere is a 4xx in Vietnamese, never a 500: huge ids, far dates and years."""

import pytest

HUGE = "99999999999999999999"


@pytest.mark.parametrize("path", [
    f"/slots/{HUGE}", f"/slots/{HUGE}.ics", f"/units/{HUGE}", f"/changes/{HUGE}",
    f"/slots/{HUGE}/changes", f"/registrations/slots/{HUGE}", f"/feeds/{HUGE}/me/abc.ics",
    "/calendar/2200/12", "/calendar/1900/1", "/calendar/2199/12", "/deadlines/2200/12",
    "/registrations/board/2200/12", "/observances/2199", "/plans/99999",
])
def test_out_of_range_urls_are_404(demo, login_as, client, path):
    login_as("bientap")
    response = client.get(path)
    assert response.status_code == 404, path
    assert "Không tìm thấy" in response.get_data(as_text=True)


@pytest.mark.parametrize("path", [
    "/agenda?from=9999-12-31", "/agenda?from=0001-01-01", "/agenda?from=1800-01-01",
    "/audit?to=9999-12-31", "/audit.csv?to=9999-12-31", "/audit?from=0001-01-01",
])
def test_far_dates_in_query_strings_are_422(demo, login_as, client, path):
    login_as("bientap")
    response = client.get(path)
    assert response.status_code == 422, path
    assert "Ngày không hợp lệ" in response.get_data(as_text=True)


def test_huge_ids_in_posts_are_404(demo, login_as):
    auth = login_as("bientap")
    for path in (f"/changes/{HUGE}/approve", f"/plans/{HUGE}/copy",
                 f"/notifications/{HUGE}/read", f"/registrations/slots/{HUGE}/register"):
        assert auth.post(path, {"version": "1", "year": "2030"}).status_code == 404, path


def test_an_unknown_change_step_is_404(demo, login_as):
    auth = login_as("bientap")
    assert auth.post("/changes/1/explode", {"version": "1"}).status_code == 404


def test_anniversary_days_that_not_every_year_has_are_refused(demo, login_as, client):
    auth = login_as("quantri")
    for day, month in (("29", "2"), ("31", "4")):
        response = auth.post("/admin/calendar/anniversaries", {
            "name": "Ngày thử", "day": day, "month": month, "origin_year": "2000",
            "calendar": "solar", "year": "2023"})
        assert response.status_code == 422
        assert "Ngày kỷ niệm không hợp lệ" in response.get_data(as_text=True)
    ok = auth.post("/admin/calendar/anniversaries", {
        "name": "Ngày thử", "day": "28", "month": "2", "origin_year": "2000",
        "calendar": "solar", "year": "2023"})
    assert ok.status_code == 303
    assert "Kỷ niệm 23 năm Ngày thử" in client.get("/observances/2023").get_data(as_text=True)


def test_csv_cells_cannot_be_formulas(demo, login_as, db, client):
    from editorial.audit.services import record
    from editorial.units.models import Unit

    unit = db.session.query(Unit).first()
    record(None, "test.note", unit, note="=HYPERLINK(\"http://x\")")
    db.session.commit()
    login_as("bientap")
    text = client.get("/audit.csv").get_data(as_text=True)
    assert "'=HYPERLINK" in text
