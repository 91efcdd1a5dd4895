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


ODD_NUMBERS = ["²", "٣", HUGE, "-1", "1.5", " "]


@pytest.mark.parametrize("value", ODD_NUMBERS)
def test_odd_numbers_in_form_fields_never_crash(demo, login_as, db, value):
    """Superscript or other-script digits, huge and negative numbers in ids and versions."""
    from sqlalchemy import select

    from editorial.plans.models import Slot

    slot = db.session.scalars(select(Slot).order_by(Slot.id)).first()
    editor = login_as("bientap")
    posts = [
        (f"/slots/{slot.id}/edit", {"version": value, "topic": "X", "assigned_unit_id": value}),
        (f"/slots/{slot.id}/edit", {"version": str(slot.version), "topic": "X",
                                    "assigned_unit_id": value}),
        (f"/slots/{slot.id}/move", {"version": value, "field": "air_date", "day": "2023-01-20"}),
        ("/website/items", {"kind": "news", "title": "T", "unit_id": value}),
        ("/website/events", {"title": "T", "event_date": "2023-03-10", "unit_id": value}),
        (f"/registrations/slots/{slot.id}/register", {"version": value, "title": "T"}),
    ]
    admin = [("/admin/users", {"login": "moi", "name": "Mới", "role": "officer",
                               "unit_id": value, "password": "matkhau123"}),
             ("/admin/units", {"name": "Đơn vị mới", "kind": "district", "parent_id": value})]
    for path, data in posts:
        status = editor.post(path, data).status_code
        assert status in (303, 400, 403, 404, 409, 422), (path, value, status)
    admin_auth = login_as("quantri")
    for path, data in admin:
        status = admin_auth.post(path, data).status_code
        assert status in (303, 404, 422), (path, value, status)
    officer = login_as("kesach")
    status = officer.post(f"/slots/{slot.id}/changes", {
        "kind": "swap", "other_slot_id": value, "reason": "Bận"}).status_code
    assert status in (303, 403, 404, 422), (value, status)


def test_a_nul_byte_is_refused_before_the_database_sees_it(demo, login_as, db, client):
    from sqlalchemy import func, select

    from editorial.website.models import WebItem

    officer = login_as("kesach")
    response = officer.post("/website/items", {"kind": "news", "title": "Tin\x00độc",
                                                "summary": "x"})
    assert response.status_code == 400
    assert "ký tự không hợp lệ" in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(WebItem)) == 0
    assert client.get("/search?q=a%00b").status_code == 400
