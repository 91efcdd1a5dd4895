"""Events to report on: announced through the route, their news due one working day later,
and off the waiting list once a tin is sent about them."""

from datetime import date

from sqlalchemy import select

from editorial.website.models import WebEvent
from editorial.website.services import news_due_between
from tests.website.conftest import last_item, send, unit_named


def _announce(auth, title="Hội nghị biểu dương", day="2023-03-17", **extra):
    return auth.post("/website/events", {"title": title, "event_date": day} | extra)


def test_a_friday_event_waits_for_news_until_monday(demo, login_as, client, db):
    officer = login_as("kesach")
    assert _announce(officer).status_code == 303
    page = client.get("/website").get_data(as_text=True)
    assert "Hội nghị biểu dương" in page and "gửi tin chậm nhất ngày 20/03/2023" in page
    event = db.session.scalars(select(WebEvent)).one()
    assert news_due_between(date(2023, 3, 20), date(2023, 3, 20)) == [(event, date(2023, 3, 20))]
    assert news_due_between(date(2023, 3, 18), date(2023, 3, 19)) == []
    assert news_due_between(date(2023, 3, 1), date(2023, 3, 31),
                            unit_named(db, "Vĩnh Châu").id) == []
    assert send(officer, event_id=str(event.id)).status_code == 303
    assert last_item(db).event_id == event.id
    assert news_due_between(date(2023, 3, 1), date(2023, 3, 31)) == []
    assert "Không có sự kiện nào đang chờ đưa tin." in client.get("/website").get_data(
        as_text=True)


def test_news_of_an_event_before_tet_is_due_after_the_holiday(demo, login_as, db):
    _announce(login_as("kesach"), day="2023-01-19")
    event = db.session.scalars(select(WebEvent)).one()
    assert news_due_between(date(2023, 1, 20), date(2023, 1, 26)) == []
    assert news_due_between(date(2023, 1, 27), date(2023, 1, 27)) == [(event, date(2023, 1, 27))]


def test_a_rejected_item_leaves_the_event_waiting(demo, login_as, client, db):
    officer = login_as("kesach")
    _announce(officer)
    event = db.session.scalars(select(WebEvent)).one()
    send(officer, event_id=str(event.id))
    client.post("/logout")
    editor = login_as("bientap")
    item = last_item(db)
    editor.post(f"/website/items/{item.id}/decide", {"decision": "reject", "note": "Trùng",
                                                     "version": item.version})
    assert [e for e, _due in news_due_between(date(2023, 3, 1), date(2023, 3, 31))] == [event]


def test_events_of_another_unit_cannot_be_linked_or_announced(demo, login_as, client, db):
    _announce(login_as("vinhchau"))
    client.post("/logout")
    event = db.session.scalars(select(WebEvent)).one()
    officer = login_as("kesach")
    response = send(officer, event_id=str(event.id))
    assert response.status_code == 422
    assert "Sự kiện đã chọn không phải của đơn vị này." in response.get_data(as_text=True)
    assert _announce(officer, unit_id=str(event.unit_id)).status_code == 403
    response = _announce(officer, day="2023-02-30")
    assert response.status_code == 422 and "Vui lòng chọn một ngày hợp lệ." in response.get_data(
        as_text=True)
    assert db.session.scalar(select(WebEvent.id).where(WebEvent.unit_id != event.unit_id)) is None


def test_the_same_event_is_announced_once(demo, login_as, db):
    officer = login_as("kesach")
    assert _announce(officer).status_code == 303
    again = _announce(officer, title="  hội nghị BIỂU DƯƠNG ")
    assert again.status_code == 422
    assert "ngày 17/3/2023 đã được báo rồi." in again.get_data(as_text=True)
    assert len(db.session.scalars(select(WebEvent)).all()) == 1
    assert _announce(officer, day="2023-03-18").status_code == 303  # another day: another event


def test_an_event_with_news_is_no_longer_offered_nor_taken_twice(demo, login_as, client, db):
    officer = login_as("kesach")
    _announce(officer)
    event = db.session.scalars(select(WebEvent)).one()
    option = f'<option value="{event.id}"'
    assert option in client.get("/website").get_data(as_text=True)
    assert send(officer, event_id=str(event.id)).status_code == 303
    assert option not in client.get("/website").get_data(as_text=True)
    second = send(officer, title="Tin thứ hai", event_id=str(event.id))
    assert second.status_code == 422
    assert "đã có tin gửi Ban Biên tập" in second.get_data(as_text=True)
