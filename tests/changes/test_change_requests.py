"""Change requests through the HTTP routes: each kind approved and rejected, the swap with
and without consent, withdrawal, permissions, conflicts, and the audit trail."""

from datetime import date

import pytest
from sqlalchemy import select

from editorial.audit.models import AuditEntry
from editorial.changes.models import ChangeRequest
from editorial.plans.models import Slot
from editorial.plans.rules import Channel, SlotStatus
from tests.changes.conftest import file_request, only_request, slot_of, unit_named


def _step(auth, change, step, note=""):
    return auth.post(f"/changes/{change.id}/{step}", {"version": change.version, "note": note})


def test_date_move_approved_changes_the_slot_and_the_grid(agreed, login_as, db, client):
    version_before = agreed.version
    officer = login_as("vinhchau")
    response = file_request(officer, agreed, kind="move_date", field="air_date",
                            new_date="2023-04-25")
    assert response.status_code == 303
    change = only_request(db)
    assert change.state == "pending"
    officer.post("/logout")
    editor = login_as("bientap")
    page = client.get(f"/changes/{change.id}").get_data(as_text=True)
    assert "20/04/2023" in page and "25/04/2023" in page  # before → after
    assert _step(editor, change, "approve", "Đồng ý").status_code == 200
    db.session.expire_all()
    slot = db.session.get(Slot, agreed.id)
    assert slot.air_date == date(2023, 4, 25) and slot.version > version_before
    grid = client.get("/calendar/2023/4").get_data(as_text=True)
    cell = grid[grid.index('data-date="2023-04-25"'):grid.index('data-date="2023-04-26"')]
    assert "Phát sóng" in cell
    actions = [e.action for e in db.session.scalars(select(AuditEntry).order_by(AuditEntry.id))]
    assert actions == ["change.request", "change.approve", "slot.change"]
    change_entry = db.session.scalars(select(AuditEntry).where(
        AuditEntry.action == "slot.change")).one()
    assert '"air_date": "2023-04-20"' in change_entry.before
    assert '"air_date": "2023-04-25"' in change_entry.after


def test_date_move_rejected_leaves_the_slot(agreed, login_as, db):
    officer = login_as("vinhchau")
    file_request(officer, agreed, kind="move_date", field="air_date", new_date="2023-04-25")
    officer.post("/logout")
    change = only_request(db)
    editor = login_as("bientap")
    assert _step(editor, change, "reject", "Đài không còn giờ trống").status_code == 200
    db.session.expire_all()
    assert db.session.get(Slot, agreed.id).air_date == date(2023, 4, 20)
    change = only_request(db)
    assert change.state == "rejected" and change.decision_note == "Đài không còn giờ trống"


def test_topic_change_and_cancel(agreed, login_as, db, client):
    officer = login_as("vinhchau")
    file_request(officer, agreed, kind="topic", new_topic="Đồng bào Khmer vui đón Tết")
    officer.post("/logout")
    editor = login_as("bientap")
    _step(editor, only_request(db), "approve")
    db.session.expire_all()
    assert db.session.get(Slot, agreed.id).final_title == "Đồng bào Khmer vui đón Tết"
    editor.post("/logout")
    officer = login_as("vinhchau")
    file_request(officer, agreed, kind="cancel")
    officer.post("/logout")
    editor = login_as("bientap")
    cancel = db.session.scalars(select(ChangeRequest).where(ChangeRequest.kind == "cancel")).one()
    _step(editor, cancel, "approve")
    db.session.expire_all()
    assert db.session.get(Slot, agreed.id).status == SlotStatus.CANCELLED
    assert "Đồng bào Khmer vui đón Tết" not in client.get("/calendar/2023/4").get_data(
        as_text=True)


def test_swap_needs_the_other_units_consent(demo, login_as, db):
    march, may = slot_of(db, 3), slot_of(db, 5)
    march_topic, may_topic = march.topic, may.topic
    officer = login_as("kesach")
    assert file_request(officer, march, kind="swap", other_slot_id=str(may.id)).status_code == 303
    officer.post("/logout")
    change = only_request(db)
    assert change.state == "awaiting_consent"
    editor = login_as("bientap")
    assert _step(editor, change, "approve").status_code == 403  # not before consent
    editor.post("/logout")
    other = login_as("thanhtri")
    assert _step(other, change, "consent").status_code == 200
    other.post("/logout")
    change = only_request(db)
    assert change.state == "pending"
    editor = login_as("bientap")
    assert _step(editor, change, "approve").status_code == 200
    db.session.expire_all()
    ke_sach, thanh_tri = unit_named(db, "Kế Sách"), unit_named(db, "Thạnh Trị")
    for channel in (Channel.RADIO_TV, Channel.NEWSPAPER):  # the whole month moves
        assert slot_of(db, 3, channel).assigned_unit_id == thanh_tri.id
        assert slot_of(db, 3, channel).topic == march_topic  # topics stay with their month
        assert slot_of(db, 5, channel).assigned_unit_id == ke_sach.id
        assert slot_of(db, 5, channel).topic == may_topic


def test_swap_declined_changes_nothing(demo, login_as, db):
    march, may = slot_of(db, 3), slot_of(db, 5)
    officer = login_as("kesach")
    file_request(officer, march, kind="swap", other_slot_id=str(may.id))
    officer.post("/logout")
    other = login_as("thanhtri")
    assert _step(other, only_request(db), "decline", "Tháng 3 bận").status_code == 200
    db.session.expire_all()
    assert only_request(db).state == "rejected"
    assert slot_of(db, 3).assigned_unit_id == unit_named(db, "Kế Sách").id


def test_withdrawal_by_the_requester_only(agreed, login_as, db):
    officer = login_as("vinhchau")
    file_request(officer, agreed, kind="cancel")
    officer.post("/logout")
    change = only_request(db)
    stranger = login_as("kesach")
    assert _step(stranger, change, "withdraw").status_code == 403
    stranger.post("/logout")
    officer = login_as("vinhchau")
    assert _step(officer, change, "withdraw").status_code == 200
    assert only_request(db).state == "withdrawn"
    assert _step(officer, only_request(db), "withdraw").status_code == 409  # already closed


def test_who_may_file_and_decide(agreed, login_as, db):
    for login in ("kesach", "xem", "bientap"):  # other unit, viewer, editor (edits directly)
        auth = login_as(login)
        assert file_request(auth, agreed, kind="cancel").status_code == 403
        auth.post("/logout")
    officer = login_as("vinhchau")
    file_request(officer, agreed, kind="cancel")
    assert _step(officer, only_request(db), "approve").status_code == 403
    assert db.session.get(Slot, agreed.id).status == SlotStatus.AGREED


def test_bad_requests_are_422_with_the_form_kept(agreed, login_as, db):
    officer = login_as("vinhchau")
    cases = [({"kind": "move_date", "field": "air_date", "new_date": "2023-04-25",
               "reason": ""}, "Vui lòng nêu lý do"),
             ({"kind": "move_date", "field": "air_date", "new_date": "2023-12-25"},
              "trong vòng 45 ngày"),
             ({"kind": "move_date", "field": "air_date", "new_date": "25/13/2023"},
              "ngày hợp lệ"),
             ({"kind": "??"}, "Hãy chọn loại thay đổi"),
             ({"kind": "topic", "new_topic": "  "}, "Vui lòng nhập nội dung mới")]
    for data, message in cases:
        response = file_request(officer, agreed, **data)
        assert response.status_code == 422, data
        html = response.get_data(as_text=True)
        assert message in html
        if data.get("reason"):
            assert data["reason"] in html
    assert db.session.query(ChangeRequest).count() == 0


def test_deciding_twice_gives_one_decision_and_a_409(agreed, login_as, db):
    officer = login_as("vinhchau")
    file_request(officer, agreed, kind="move_date", field="air_date", new_date="2023-04-25")
    officer.post("/logout")
    change = only_request(db)
    stale_version = change.version
    editor = login_as("bientap")
    assert _step(editor, change, "approve").status_code == 200
    second = editor.post(f"/changes/{change.id}/reject", {"version": stale_version})
    assert second.status_code == 409
    assert "vừa được người khác xử lý" in second.get_data(as_text=True)
    assert only_request(db).state == "approved"


def test_conflicting_requests_are_flagged_in_the_queue(agreed, login_as, client):
    officer = login_as("vinhchau")
    file_request(officer, agreed, kind="cancel")
    file_request(officer, agreed, kind="move_date", field="air_date", new_date="2023-04-22")
    officer.post("/logout")
    login_as("bientap")
    html = client.get("/changes").get_data(as_text=True)
    assert html.count("Trùng với yêu cầu khác") == 2
    assert client.get("/changes/badge").get_data(as_text=True).strip().endswith(">2</span>")


def test_parties_are_notified_of_each_step(demo, login_as, db, client):
    from editorial.auth.models import User
    from editorial.notifications.models import Notification

    def inbox(login):
        user = db.session.scalar(select(User).where(User.login == login))
        return [n.title for n in db.session.scalars(select(Notification).where(
            Notification.user_id == user.id).order_by(Notification.id))]

    march, may = slot_of(db, 3), slot_of(db, 5)
    officer = login_as("kesach")
    file_request(officer, march, kind="swap", other_slot_id=str(may.id))
    officer.post("/logout")
    assert any("Chờ đơn vị kia đồng ý" in t for t in inbox("thanhtri"))
    assert inbox("bientap") == []  # editors wait for the consent
    other = login_as("thanhtri")
    _step(other, only_request(db), "consent")
    other.post("/logout")
    assert any("Chờ duyệt" in t for t in inbox("bientap"))
    editor = login_as("bientap")
    _step(editor, only_request(db), "approve")
    for login in ("kesach", "thanhtri"):
        assert "Đã duyệt" in inbox(login)[-1] and "#" in inbox(login)[-1]
    assert inbox("vinhchau") == []


def test_decisions_show_in_the_grid_and_the_feed_of_the_unit(agreed, login_as, db, client, app):
    officer = login_as("vinhchau")
    file_request(officer, agreed, kind="move_date", field="air_date", new_date="2023-04-25")
    officer.post("/logout")
    editor = login_as("bientap")
    _step(editor, only_request(db), "approve")
    from editorial.clock import VN

    day = only_request(db).decided_at.astimezone(VN).date()
    grid = client.get(f"/calendar/{day.year}/{day.month}").get_data(as_text=True)
    cell = grid[grid.index(f'data-date="{day.isoformat()}"'):]
    assert "Đã duyệt thay đổi" in cell[:cell.index("</td>")]
    ke_sach = unit_named(db, "Kế Sách")
    other = client.get(f"/calendar/{day.year}/{day.month}?unit={ke_sach.id}").get_data(
        as_text=True)
    assert "Đã duyệt thay đổi" not in other

    from editorial.auth.models import User
    from editorial.feeds import services as feeds
    from tests.feeds.parse import feed_events

    app.config["TODAY"] = day  # the feed's window around the day of the decision
    paths = {}
    for login in ("vinhchau", "kesach"):
        user = db.session.scalar(select(User).where(User.login == login))
        paths[login] = feeds.feed_url(user, "me").removeprefix(app.config["BASE_URL"])
    db.session.commit()
    mine = feed_events(client.get(paths["vinhchau"]).data)
    decisions = [e for e in mine.values() if e.kind == "change_decision"]
    assert len(decisions) == 1 and decisions[0].start == day
    theirs = feed_events(client.get(paths["kesach"]).data)
    assert not [e for e in theirs.values() if e.kind == "change_decision"]


def test_other_units_cannot_read_a_request_and_swaps_stay_with_both_units(demo, login_as, db,
                                                                          client):
    march, may = slot_of(db, 3), slot_of(db, 5)
    officer = login_as("kesach")
    file_request(officer, march, kind="swap", other_slot_id=str(may.id), reason="lý do riêng")
    officer.post("/logout")
    change = only_request(db)
    stranger = login_as("vinhchau")
    assert client.get(f"/changes/{change.id}").status_code == 403
    assert "lý do riêng" not in client.get(f"/slots/{march.id}/changes").get_data(as_text=True)
    stranger.post("/logout")
    other = login_as("thanhtri")
    _step(other, change, "consent")
    other.post("/logout")
    editor = login_as("bientap")
    _step(editor, only_request(db), "approve")
    editor.post("/logout")
    login_as("thanhtri")  # after the swap the other unit still finds the request
    assert f"/changes/{change.id}" in client.get("/changes?all=1").get_data(as_text=True)
    assert client.get(f"/changes/{change.id}").status_code == 200


@pytest.mark.parametrize("kind, extra", [
    ("move_date", {"field": "air_date", "new_date": "2023-04-22"}),
    ("topic", {"new_topic": "Chủ đề khác"}),
    ("cancel", {}),
])
def test_each_kind_rejected_leaves_the_slot_as_it_was(agreed, login_as, db, kind, extra):
    from editorial.changes.services import snapshot

    before = snapshot(agreed)
    officer = login_as("vinhchau")
    assert file_request(officer, agreed, kind=kind, **extra).status_code == 303
    officer.post("/logout")
    editor = login_as("bientap")
    assert _step(editor, only_request(db), "reject", "Chưa phù hợp").status_code == 200
    db.session.expire_all()
    assert snapshot(db.session.get(Slot, agreed.id)) == before
    assert only_request(db).state == "rejected"


def test_a_swap_rejected_by_the_editor_after_consent_changes_nothing(demo, login_as, db):
    march, may = slot_of(db, 3), slot_of(db, 5)
    officer = login_as("kesach")
    file_request(officer, march, kind="swap", other_slot_id=str(may.id))
    officer.post("/logout")
    other = login_as("thanhtri")
    _step(other, only_request(db), "consent")
    other.post("/logout")
    editor = login_as("bientap")
    assert _step(editor, only_request(db), "reject").status_code == 200
    db.session.expire_all()
    assert slot_of(db, 3).assigned_unit_id == unit_named(db, "Kế Sách").id
    assert slot_of(db, 5).assigned_unit_id == unit_named(db, "Thạnh Trị").id
