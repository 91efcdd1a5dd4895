"""Days are typed day first: the forms read dd/mm/yyyy, write it back, and refuse the rest
with a Vietnamese message and what was typed kept."""

from datetime import date

from sqlalchemy import select

from editorial.extensions import db
from editorial.registrations.models import Registration
from tests.registrations.helpers import REGISTRATION, demo_slot, version_on_page


def _draft(auth, client, slot_id, **dates):
    data = dict(REGISTRATION, action="draft", version=version_on_page(client, slot_id), **dates)
    return auth.post(f"/registrations/slots/{slot_id}/register", data)


def test_a_registration_reads_days_typed_dd_mm_yyyy(demo, login_as, client):
    slot = demo_slot(4)
    auth = login_as("vinhchau")
    assert _draft(auth, client, slot.id, record_date="10/4/2023",
                  air_date="14/04/2023").status_code in (200, 303)
    registration = db.session.scalar(select(Registration).where(Registration.slot_id == slot.id))
    assert (registration.record_date, registration.air_date) == (date(2023, 4, 10),
                                                                 date(2023, 4, 14))
    page = client.get(f"/registrations/slots/{slot.id}").get_data(as_text=True)
    assert 'value="14/04/2023"' in page and 'value="2023-04-14"' not in page
    assert 'placeholder="dd/mm/yyyy"' in page and "data-day" in page


def test_a_month_first_day_is_refused_and_the_typed_values_stay(demo, login_as, client):
    slot = demo_slot(4)
    auth = login_as("vinhchau")
    response = _draft(auth, client, slot.id, air_date="04/31/2023", title="Tên tôi vừa gõ")
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "không hợp lệ" in html and "04/31/2023" in html and "Tên tôi vừa gõ" in html
    assert db.session.scalar(select(Registration).where(Registration.slot_id == slot.id)) is None


def test_website_events_and_the_audit_filter_read_dd_mm_yyyy(demo, login_as, client):
    auth = login_as("kesach")
    assert auth.post("/website/events", {"title": "Hội nghị điển hình tiên tiến",
                                         "event_date": "16/03/2023"}).status_code in (200, 303)
    assert "16/03/2023" in client.get("/website").get_data(as_text=True)
    login_as("bientap")
    page = client.get("/audit?from=01/03/2023&to=31/03/2023")
    assert page.status_code == 200 and 'value="01/03/2023"' in page.get_data(as_text=True)
    assert client.get("/audit?from=31/02/2023").status_code == 422


def test_saving_a_draft_says_so_with_and_without_htmx(demo, login_as, client):
    slot = demo_slot(4)
    auth = login_as("vinhchau")
    response = _draft(auth, client, slot.id)
    assert response.status_code == 303 and "saved=draft" in response.headers["Location"]
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Đã lưu nháp" in page
    assert "Đã lưu nháp" not in client.get(f"/registrations/slots/{slot.id}").get_data(
        as_text=True)  # said once, not on every later visit
    fragment = auth.post(f"/registrations/slots/{slot.id}/register", dict(
        REGISTRATION, action="draft", version=version_on_page(client, slot.id)),
        headers={"HX-Request": "true"}).get_data(as_text=True)
    assert 'role="status"' in fragment and "Đã lưu nháp" in fragment
