"""Editors change the plan directly (form and drag-and-drop); the audit log shows each step."""

import re
import threading
from datetime import date

import pytest
from sqlalchemy import select

from editorial.audit.models import AuditEntry
from editorial.auth.rules import Role
from editorial.changes.models import ChangeRequest
from editorial.plans.models import Slot
from tests.changes.conftest import slot_of, unit_named
from tests.factories import make_user


def test_editor_edits_topic_unit_and_date(agreed, login_as, db, client):
    editor = login_as("bientap")
    my_tu = unit_named(db, "Mỹ Tú")
    response = editor.post(f"/slots/{agreed.id}/edit", {
        "version": agreed.version, "topic": "Chủ đề mới", "assigned_unit_id": my_tu.id,
        "air_date": "2023-04-21", "record_date": "", "print_date": ""})
    assert response.status_code == 303
    db.session.expire_all()
    slot = db.session.get(Slot, agreed.id)
    assert (slot.topic, slot.assigned_unit_id, slot.air_date) == (
        "Chủ đề mới", my_tu.id, date(2023, 4, 21))
    entry = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "slot.edit")).one()
    assert '"air_date": "2023-04-20"' in entry.before and "Chủ đề mới" in entry.after


def test_stale_direct_edit_is_a_409_with_the_input_kept(agreed, login_as, db):
    editor = login_as("bientap")
    stale = agreed.version
    editor.post(f"/slots/{agreed.id}/edit", {"version": stale, "topic": "Lần một",
                                             "air_date": "2023-04-21"})
    response = editor.post(f"/slots/{agreed.id}/edit", {"version": stale, "topic": "Lần hai",
                                                        "air_date": "2023-04-22"})
    assert response.status_code == 409
    html = response.get_data(as_text=True)
    assert "vừa được người khác cập nhật" in html and 'value="Lần hai"' in html
    db.session.expire_all()
    assert db.session.get(Slot, agreed.id).topic == "Lần một"


def test_officer_cannot_edit_directly(agreed, login_as):
    officer = login_as("vinhchau")
    response = officer.post(f"/slots/{agreed.id}/edit", {"version": agreed.version,
                                                         "topic": "X"})
    assert response.status_code == 403


def test_drag_move_in_the_grid(agreed, login_as, db, client):
    editor = login_as("bientap")
    grid = client.get("/calendar/2023/4").get_data(as_text=True)
    assert f'data-move-url="/slots/{agreed.id}/move"' in grid and 'draggable="true"' in grid
    response = editor.post(f"/slots/{agreed.id}/move", {"field": "air_date", "day": "2023-04-27",
                                                        "version": agreed.version},
                           headers={"HX-Request": "true"})
    assert response.status_code == 204 and response.headers["HX-Trigger"] == "slotMoved"
    grid = client.get("/calendar/2023/4").get_data(as_text=True)
    cell = grid[grid.index('data-date="2023-04-27"'):grid.index('data-date="2023-04-28"')]
    assert "Phát sóng" in cell
    again = editor.post(f"/slots/{agreed.id}/move", {"field": "air_date", "day": "2023-04-28",
                                                     "version": agreed.version - 0},
                        headers={"HX-Request": "true"})
    assert again.status_code == 409  # the version moved on with the first drop


def test_officers_get_no_draggable_chips(agreed, login_as, client):
    login_as("vinhchau")
    assert 'draggable="true"' not in client.get("/calendar/2023/4").get_data(as_text=True)


def test_audit_page_filters_and_csv(agreed, login_as, db, client):
    officer = login_as("vinhchau")
    officer.post(f"/slots/{agreed.id}/changes", {"kind": "move_date", "field": "air_date",
                                                 "new_date": "2023-04-25", "reason": "Bận"})
    officer.post("/logout")
    assert client.get("/audit").status_code == 302
    login_as("kesach")  # an officer of another unit: the page, without Vĩnh Châu's request
    assert "Gửi yêu cầu thay đổi lịch" not in client.get("/audit").get_data(as_text=True)
    client.post("/logout")
    editor = login_as("bientap")
    change = db.session.scalars(select(ChangeRequest)).one()
    editor.post(f"/changes/{change.id}/approve", {"version": change.version})
    html = client.get("/audit").get_data(as_text=True)
    for action in ("Gửi yêu cầu thay đổi lịch", "Duyệt yêu cầu thay đổi",
                   "Thay đổi lịch theo yêu cầu được duyệt"):
        assert action in html
    assert "Ngày phát sóng: 20/04/2023" in html and "Ngày phát sóng: 25/04/2023" in html
    applied = html.split("Thay đổi lịch theo yêu cầu được duyệt")[1].split("</tr>")[0]
    assert "Nội dung dự kiến" not in applied  # only what changed
    vinh_chau = unit_named(db, "Vĩnh Châu")
    ke_sach = unit_named(db, "Kế Sách")
    applied = "Thay đổi lịch theo yêu cầu được duyệt"
    assert applied in client.get(f"/audit?unit={vinh_chau.id}").get_data(as_text=True)
    assert applied not in client.get(f"/audit?unit={ke_sach.id}").get_data(as_text=True)
    assert "Gửi yêu cầu thay đổi lịch" not in client.get("/audit?person=bientap").get_data(
        as_text=True)
    assert applied not in client.get("/audit?from=2030-01-01").get_data(as_text=True)
    assert client.get("/audit?from=2023-13-01").status_code == 422
    csv = client.get(f"/audit.csv?slot={agreed.id}")
    assert csv.mimetype == "text/csv"
    text = csv.get_data(as_text=True)
    assert text.startswith("\ufeffthời điểm,người thực hiện,tên đăng nhập,hành động,mã hành động")
    # The slot's own entries and its change requests', nobody else's.
    assert "slot.change" in text and "change.request" in text and "change.approve" in text
    other = client.get(f"/audit.csv?slot={slot_of(db, 3).id}").get_data(as_text=True)
    assert "change.request" not in other


def test_plan_copy_and_calendar_admin_are_audited(demo, login_as, db):
    from editorial.plans.models import Plan

    auth = login_as("quantri")
    plan = db.session.scalar(select(Plan).where(Plan.year == 2023))
    preview = auth.post(f"/plans/{plan.id}/copy", {"year": "2024"}).get_data(as_text=True)
    fingerprint = re.search(r'name="fingerprint" value="([^"]+)"', preview)[1]
    auth.post(f"/plans/{plan.id}/copy/confirm", {"year": "2024", "fingerprint": fingerprint})
    auth.post("/admin/calendar/exceptions", {"day": "05/06/2023", "kind": "off", "name": "Nghỉ",
                                            "year": "2023"})
    actions = {e.action for e in db.session.scalars(select(AuditEntry))}
    assert {"plan.copy", "calendar.exception.add"} <= actions


def test_twenty_concurrent_approvals_give_one_decision(agreed, app, db):
    if db.engine.dialect.name != "postgresql":
        pytest.skip("concurrency is tested on PostgreSQL (TEST_DATABASE_URL)")
    from editorial.auth.models import User

    requester = db.session.scalar(select(User).where(User.login == "vinhchau"))
    change = ChangeRequest(slot_id=agreed.id, kind="move_date", state="pending",
                           requester_id=requester.id, unit_id=requester.unit_id, reason="Bận",
                           field="air_date", new_date=date(2023, 4, 25))
    db.session.add(change)
    editors = [make_user(f"ed{i}", Role.EDITOR, requester.unit) for i in range(20)]
    db.session.commit()
    clients = []
    for editor in editors:
        client = app.test_client()
        from tests.helpers import Auth

        auth = Auth(client)
        assert auth.login(editor.login).status_code == 303
        clients.append((auth, auth_token(client)))
    barrier, results, url = threading.Barrier(20, timeout=30), [], f"/changes/{change.id}/approve"

    def approve(auth, token):
        barrier.wait()
        response = auth.client.post(url, data={"version": 1, "csrf_token": token})
        results.append(response.status_code)

    threads = [threading.Thread(target=approve, args=pair) for pair in clients]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert sorted(results) == [200] + [409] * 19
    db.session.expire_all()
    slot_changes = db.session.scalars(select(AuditEntry).where(
        AuditEntry.action == "slot.change")).all()
    assert len(slot_changes) == 1
    assert db.session.get(Slot, agreed.id).air_date == date(2023, 4, 25)


def auth_token(client) -> str:
    from tests.helpers import csrf_token

    return csrf_token(client, "/changes")


def _many_requests(db, count: int) -> None:
    from editorial.auth.models import User

    officer = db.session.scalar(select(User).where(User.login == "vinhchau"))
    slots = db.session.scalars(select(Slot).where(Slot.assigned_unit_id.is_not(None))).all()
    for i in range(count):
        slot = slots[i % len(slots)]
        change = ChangeRequest(slot_id=slot.id, kind="cancel", state="pending",
                               requester_id=officer.id, unit_id=slot.assigned_unit_id,
                               reason=f"Lý do {i}")
        db.session.add(change)
        db.session.flush()
        from editorial.audit.services import record

        record(officer, "change.request", change, after={"n": i})
    db.session.commit()


def test_queue_and_audit_pages_run_a_bounded_number_of_queries(demo, login_as, db, client,
                                                               queries):
    login_as("bientap")
    _many_requests(db, 1)
    counts = {}
    for path in ("/changes", "/audit"):
        with queries() as few:
            assert client.get(path).status_code == 200
        counts[path] = len(few)
    _many_requests(db, 40)
    for path in ("/changes", "/audit"):
        with queries() as many:
            html = client.get(path).get_data(as_text=True)
        assert len(many) == counts[path], path
        assert html.count("Lý do") >= 20 or path == "/audit"
