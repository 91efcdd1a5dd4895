"""Ten counter-proposals and ten agreements on one thread at once: one wins, the others are told
the slot changed (409) with what they typed; never a server error, nothing half-written."""

import threading

from sqlalchemy import func, select

from editorial.registrations.models import Message
from tests.helpers import Auth, csrf_token
from tests.registrations.helpers import REGISTRATION, demo_slot, fresh, version_on_page


def test_counter_and_agree_racing_on_one_thread(demo, app, db, login_as):
    slot = demo_slot(4)
    officer = login_as("vinhchau")
    data = dict(REGISTRATION, action="submit", version=version_on_page(officer.client, slot.id))
    assert officer.post(f"/registrations/slots/{slot.id}/register", data).status_code == 303
    version = version_on_page(officer.client, slot.id)
    before = db.session.scalar(select(func.count(Message.id)).where(Message.slot_id == slot.id))

    editors = []
    for n in range(20):
        client = app.test_client()
        auth = Auth(client)
        assert auth.login("bientap" if n % 2 else "quantri").status_code == 303
        editors.append((n, client, csrf_token(client, f"/registrations/slots/{slot.id}")))
    barrier, answers = threading.Barrier(len(editors), timeout=30), []

    def act(n, client, token):
        if n < 10:
            url, form = "counter", {"title": f"Đề xuất {n}", "record_date": "2023-04-11",
                                    "air_date": "2023-04-16", "body": f"Lời {n}"}
        else:
            url, form = "agree", {}
        barrier.wait()
        response = client.post(f"/registrations/slots/{slot.id}/{url}",
                               data={"version": version, "csrf_token": token, **form})
        answers.append((url, response.status_code, response.get_data(as_text=True)))

    threads = [threading.Thread(target=act, args=e) for e in editors]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=90)
    statuses = sorted(status for _url, status, _body in answers)
    assert statuses == [303] + [409] * 19, statuses
    for url, status, body in answers:
        if status == 409 and url == "counter":  # the form comes back with what was typed
            assert "Đề xuất" in body
    after = db.session.scalar(select(func.count(Message.id)).where(Message.slot_id == slot.id))
    assert after == before + 1
    assert fresh(slot.id).version > int(version)
