"""Search finds registered staff only in submitted registrations an officer may see."""

from tests.registrations.helpers import REGISTRATION, demo_slot, version_on_page


def test_search_hides_drafts_and_other_units_staff(demo, login_as, client):
    slot = demo_slot(4)  # Vĩnh Châu's
    auth = login_as("vinhchau")
    data = dict(REGISTRATION, action="draft", version=version_on_page(client, slot.id))
    auth.post(f"/registrations/slots/{slot.id}/register", data)
    assert "Thạch Thị Sa Rinh" not in client.get("/search?q=sa rinh").get_data(as_text=True)
    data = dict(REGISTRATION, action="submit", version=version_on_page(client, slot.id))
    auth.post(f"/registrations/slots/{slot.id}/register", data)
    assert "Thạch Thị Sa Rinh" in client.get("/search?q=sa rinh").get_data(as_text=True)
    auth.post("/logout")
    login_as("kesach")
    assert "Thạch Thị Sa Rinh" not in client.get("/search?q=sa rinh").get_data(as_text=True)
    client.post("/logout")
    login_as("bientap")
    assert "Thạch Thị Sa Rinh" in client.get("/search?q=sa rinh").get_data(as_text=True)
