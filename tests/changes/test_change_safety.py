"""Change requests stay safe: nobody reads another unit's request by posting to it, an
approved change cannot be undone by a later agreement, direct edits reach the unit, and the
before → after is written in words, in Vietnamese whoever acts."""

from datetime import date

from sqlalchemy import select

from editorial.auth.models import User
from editorial.changes.models import ChangeRequest
from editorial.notifications.models import Notification
from editorial.plans.models import Slot
from editorial.plans.rules import SlotStatus
from tests.changes.conftest import file_request, only_request, slot_of


def _inbox(db, login: str) -> list[Notification]:
    user = db.session.scalar(select(User).where(User.login == login))
    return list(db.session.scalars(select(Notification).where(Notification.user_id == user.id)
                                   .order_by(Notification.id)))


def test_another_units_officer_posting_a_step_gets_403_without_the_request(agreed, login_as,
                                                                           db, client):
    officer = login_as("vinhchau")
    file_request(officer, agreed, kind="move_date", field="air_date", new_date="2023-04-25",
          reason="Lý do nội bộ của Vĩnh Châu")
    officer.post("/logout")
    change = only_request(db)
    stranger = login_as("kesach")
    for data in ({"version": change.version}, {"version": change.version + 5}, {}):
        response = stranger.post(f"/changes/{change.id}/approve", data)
        assert response.status_code == 403
        assert "Lý do nội bộ" not in response.get_data(as_text=True)
    assert only_request(db).state == "pending"


def test_no_change_request_while_a_registration_is_negotiated(agreed, login_as, db):
    agreed.status = SlotStatus.NEGOTIATING
    db.session.commit()
    officer = login_as("vinhchau")
    response = file_request(officer, agreed, kind="move_date", field="air_date",
                            new_date="2023-04-25")
    assert response.status_code == 422
    assert "trao đổi" in response.get_data(as_text=True)
    assert db.session.scalars(select(ChangeRequest)).all() == []


def test_editors_cannot_directly_edit_a_done_slot(agreed, login_as, db, client):
    agreed.status = SlotStatus.DONE
    db.session.commit()
    editor = login_as("bientap")
    assert client.get(f"/slots/{agreed.id}/changes").status_code == 200  # still shown
    response = editor.post(f"/slots/{agreed.id}/edit", {
        "version": agreed.version, "topic": "Chủ đề khác", "air_date": "2023-04-21"})
    assert response.status_code == 422
    db.session.expire_all()
    assert db.session.get(Slot, agreed.id).air_date == date(2023, 4, 20)


def test_a_direct_edit_tells_the_units_officers(agreed, login_as, db):
    editor = login_as("bientap")
    response = editor.post(f"/slots/{agreed.id}/move", {
        "version": agreed.version, "field": "air_date", "day": "2023-04-27"})
    assert response.status_code == 204
    told = _inbox(db, "vinhchau")
    assert len(told) == 1
    assert told[0].title.startswith("Kế hoạch tháng 4/2023 được điều chỉnh")
    assert "ngày phát sóng" in told[0].body
    assert _inbox(db, "kesach") == []


def test_a_decided_swap_shows_both_months_in_words(demo, login_as, db, client):
    march, may = slot_of(db, 3), slot_of(db, 5)
    file_request(login_as("kesach"), march, kind="swap", other_slot_id=str(may.id))
    change = only_request(db)
    login_as("thanhtri").post(f"/changes/{change.id}/consent", {"version": change.version})
    change = only_request(db)
    editor = login_as("bientap")
    editor.post("/language", {"lang": "en"})
    assert '<html lang="en">' in client.get("/").get_data(as_text=True)
    assert editor.post(f"/changes/{change.id}/approve", {
        "version": change.version, "note": "Đồng ý đổi"}).status_code == 200
    editor.post("/language", {"lang": "vi"})
    html = client.get(f"/changes/{change.id}").get_data(as_text=True)
    assert "Không còn khác biệt" not in html
    table = html[html.index('class="plan-table diff"'):html.index("</table>")]
    assert "Đơn vị thực hiện" in table and "Kế Sách" in table and "Thạnh Trị" in table
    assert "assigned_unit_id" not in table
    # The editor read English; Kế Sách still hears the decision in Vietnamese, with the note.
    told = _inbox(db, "kesach")[-1]
    assert told.title.startswith("Đổi tháng với đơn vị khác #") and "Đã duyệt" in told.title
    assert "Đồng ý đổi" in told.body


def test_a_request_page_warns_of_other_open_requests_on_either_month_of_a_swap(
        demo, login_as, db, client):
    march, may = slot_of(db, 3), slot_of(db, 5)
    may.status, may.air_date = SlotStatus.AGREED, date(2023, 5, 20)
    db.session.commit()
    file_request(login_as("thanhtri"), may, kind="cancel")  # on May, Thạnh Trị's month
    may.status, may.air_date = SlotStatus.PLANNED, None
    db.session.commit()
    file_request(login_as("kesach"), march, kind="swap", other_slot_id=str(may.id))
    db.session.expire_all()
    cancel, swap = db.session.scalars(select(ChangeRequest).order_by(ChangeRequest.id)).all()
    login_as("bientap")
    page = client.get(f"/changes/{swap.id}").get_data(as_text=True)
    assert "Trùng với yêu cầu khác" in page and f'href="/changes/{cancel.id}"' in page
    queue = client.get("/changes").get_data(as_text=True)
    assert queue.count("Trùng với yêu cầu khác") == 2  # the swap and the cancel
    login_as("bientap").post(f"/changes/{cancel.id}/reject", {"version": cancel.version})
    assert "Trùng với yêu cầu khác" not in client.get(f"/changes/{swap.id}").get_data(
        as_text=True)
