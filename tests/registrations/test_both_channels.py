"""One registration for the month's radio–TV column and newspaper page at once."""

from datetime import date

from editorial.plans.rules import Channel, SlotStatus
from editorial.registrations.models import Registration
from tests.registrations.helpers import REGISTRATION, demo_slot, fresh, version_on_page


def test_register_radio_and_newspaper_together(demo, db, login_as, client):
    radio, paper = demo_slot(4), demo_slot(4, Channel.NEWSPAPER)
    auth = login_as("vinhchau")
    page = client.get(f"/registrations/slots/{radio.id}").get_data(as_text=True)
    assert 'name="also_sibling"' in page and 'name="print_date"' in page
    data = dict(REGISTRATION, action="submit", also_sibling="on", print_date="2023-04-15",
                version=version_on_page(client, radio.id))
    assert auth.post(f"/registrations/slots/{radio.id}/register", data).status_code == 303
    radio, paper = fresh(radio.id), fresh(paper.id)
    assert radio.status == paper.status == SlotStatus.REGISTERED
    regs = {r.slot_id: r for r in db.session.query(Registration)}
    assert regs[radio.id].air_date == date(2023, 4, 14) and regs[radio.id].print_date is None
    assert regs[paper.id].print_date == date(2023, 4, 15) and regs[paper.id].air_date is None
    assert regs[paper.id].final_title == REGISTRATION["title"]


def test_the_other_channel_needs_its_own_date(demo, db, login_as, client):
    radio, paper = demo_slot(4), demo_slot(4, Channel.NEWSPAPER)
    auth = login_as("vinhchau")
    data = dict(REGISTRATION, action="submit", also_sibling="on",
                version=version_on_page(client, radio.id))
    response = auth.post(f"/registrations/slots/{radio.id}/register", data)
    assert response.status_code == 422
    assert "ngày đăng báo" in response.get_data(as_text=True)
    assert fresh(radio.id).status == fresh(paper.id).status == SlotStatus.PLANNED  # all or none


def test_without_the_box_only_one_channel_is_registered(demo, db, login_as, client):
    radio, paper = demo_slot(4), demo_slot(4, Channel.NEWSPAPER)
    auth = login_as("vinhchau")
    data = dict(REGISTRATION, action="submit", print_date="2023-04-15",
                version=version_on_page(client, radio.id))
    assert auth.post(f"/registrations/slots/{radio.id}/register", data).status_code == 303
    assert fresh(paper.id).status == SlotStatus.PLANNED
    assert fresh(radio.id).print_date is None
