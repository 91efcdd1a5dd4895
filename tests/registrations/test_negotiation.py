"""The negotiation over HTTP: register → counter → counter → agree → done, late, 403, 409, 422."""

from datetime import date

from sqlalchemy import select

from editorial.audit.models import AuditEntry
from editorial.plans.models import PlanColumn, Slot
from editorial.plans.rules import Channel, SlotStatus
from editorial.registrations.models import Message, Registration
from tests.registrations.helpers import REGISTRATION, demo_slot, fresh, version_on_page


def _register(auth, slot_id: int, action: str = "submit", **changes):
    data = dict(REGISTRATION, action=action, **changes)
    if "version" not in data:
        data["version"] = version_on_page(auth.client, slot_id)
    return auth.post(f"/registrations/slots/{slot_id}/register", data)


def _counter(auth, slot_id: int, **values):
    data = {"version": version_on_page(auth.client, slot_id), **values}
    return auth.post(f"/registrations/slots/{slot_id}/counter", data)


def _agree(auth, slot_id: int):
    data = {"version": version_on_page(auth.client, slot_id)}
    return auth.post(f"/registrations/slots/{slot_id}/agree", data)


def _actions(db, slot_id: int) -> list[str]:
    query = select(AuditEntry.action).where(AuditEntry.subject_id == slot_id,
                                            AuditEntry.subject_type == "slots")
    return list(db.session.scalars(query.order_by(AuditEntry.id)))


def test_full_negotiation_register_counter_counter_agree_done(demo, app, db, login_as, client):
    slot = demo_slot(4)  # April: Vĩnh Châu; deadline Wednesday 5/4/2023, today is 15/3
    auth = login_as("vinhchau")
    assert _register(auth, slot.id, action="draft").status_code == 303
    assert fresh(slot.id).status == SlotStatus.PLANNED  # a draft is not a registration
    assert _register(auth, slot.id).status_code == 303
    reg = db.session.scalar(select(Registration).where(Registration.slot_id == slot.id))
    assert fresh(slot.id).status == SlotStatus.REGISTERED and not reg.late
    assert [p["name"] for p in reg.staff] == ["Thạch Thị Sa Rinh", "Lâm Văn Đức"]

    auth = login_as("bientap")
    response = _counter(auth, slot.id, title="Đồng bào Khmer vui đón Tết",
                        record_date="2023-04-11", air_date="2023-04-16",
                        body="Đề nghị phát vào Chủ nhật.")
    assert response.status_code == 303
    assert fresh(slot.id).status == SlotStatus.NEGOTIATING
    assert _agree(auth, slot.id).status_code == 422  # the editor's own proposal: unit's turn

    auth = login_as("vinhchau")
    page = client.get(f"/registrations/slots/{slot.id}").get_data(as_text=True)
    assert "Đề nghị phát vào Chủ nhật." in page and "Chờ đơn vị trả lời" in page
    assert _counter(auth, slot.id, title="Đồng bào Khmer vui đón Tết Chôl Chnăm Thmây",
                    record_date="2023-04-12", air_date="2023-04-16").status_code == 303

    auth = login_as("bientap")
    assert _agree(auth, slot.id).status_code == 303
    agreed = fresh(slot.id)
    assert agreed.status == SlotStatus.AGREED
    assert agreed.final_title == "Đồng bào Khmer vui đón Tết Chôl Chnăm Thmây"
    assert (agreed.record_date, agreed.air_date) == (date(2023, 4, 12), date(2023, 4, 16))
    locked = _counter(auth, slot.id, title="Khác", air_date="2023-04-20")
    assert locked.status_code == 422 and "đã khóa" in locked.get_data(as_text=True)

    app.config["TODAY"] = date(2023, 4, 17)  # it aired on the 16th
    auth = login_as("vinhchau")
    done = auth.post(f"/registrations/slots/{slot.id}/done", {
        "version": version_on_page(client, slot.id), "done_date": "2023-04-16",
        "note": "https://stv.example/chuyen-muc-mat-tran-thang-4"})
    assert done.status_code == 303 and fresh(slot.id).status == SlotStatus.DONE
    history = client.get(f"/registrations/slots/{slot.id}").get_data(as_text=True)
    for text in ("Đăng ký", "Đề xuất khác", "Đồng ý – đã thống nhất", "Đã thực hiện",
                 "Đề nghị phát vào Chủ nhật."):
        assert text in history  # the whole history stays visible
    assert _actions(db, slot.id) == [
        "registration.save_draft", "registration.submit", "registration.counter",
        "registration.counter", "registration.agree", "registration.done"]


def test_late_registration_is_accepted_and_marked(demo, db, login_as, client):
    slot = demo_slot(3)  # March: Kế Sách; deadline Friday 3/3/2023, today is 15/3
    auth = login_as("kesach")
    assert "quá hạn 12 ngày" in client.get("/registrations").get_data(as_text=True)
    assert _register(auth, slot.id, air_date="2023-03-26", record_date="").status_code == 303
    reg = db.session.scalar(select(Registration).where(Registration.slot_id == slot.id))
    assert reg.late and fresh(slot.id).status == SlotStatus.REGISTERED
    assert "registration.late" in _actions(db, slot.id)
    assert "Đăng ký trễ hạn" in client.get(f"/registrations/slots/{slot.id}").get_data(
        as_text=True)
    login_as("bientap")
    board = client.get("/registrations/board/2023/3").get_data(as_text=True)
    assert "trễ hạn" in board and "chờ Ban PT-TG" in board


def test_another_units_officer_and_a_viewer_get_403(demo, db, login_as, client):
    slot = demo_slot(4)  # Vĩnh Châu's
    for login in ("kesach", "xem"):
        auth = login_as(login)
        response = _register(auth, slot.id, version="1")
        assert response.status_code == 403
        assert "Bạn không có quyền" in response.get_data(as_text=True)
        page = client.get(f"/registrations/slots/{slot.id}")
        if login == "xem":  # a viewer reads every thread, without forms
            html = page.get_data(as_text=True)
            assert "chỉ có quyền xem" in html and 'action="/registrations/slots' not in html
        else:  # another unit's officer may not read the two parties' thread
            assert page.status_code == 403
            assert "trao đổi của đơn vị khác" in page.get_data(as_text=True)
        auth.post("/logout")
    assert db.session.scalar(select(Registration)) is None
    assert db.session.scalar(select(Message)) is None


def test_second_answer_on_a_stale_version_gets_409_and_keeps_what_was_typed(
        demo, db, login_as, client):
    slot = demo_slot(4)
    _register(login_as("vinhchau"), slot.id)
    auth = login_as("bientap")
    stale = version_on_page(client, slot.id)  # two editors opened the slot at once
    assert _agree(auth, slot.id).status_code == 303  # the first one agrees
    response = auth.post(f"/registrations/slots/{slot.id}/counter", {
        "version": stale, "title": "Tiêu đề tôi vừa gõ", "air_date": "2023-04-20",
        "body": "Lời nhắn tôi vừa gõ"}, headers={"HX-Request": "true"})
    html = response.get_data(as_text=True)
    assert response.status_code == 409
    assert "vừa được người khác cập nhật" in html and "Đã thống nhất" in html
    assert "<html" not in html and 'id="reg-panel-' in html  # htmx swaps the panel in place
    assert fresh(slot.id).status == SlotStatus.AGREED
    # the slot is locked now, so there is no counter form: what was typed is shown to copy
    assert "Tiêu đề tôi vừa gõ" in html and "Lời nhắn tôi vừa gõ" in html
    assert db.session.scalar(select(Message).where(Message.kind == "counter")) is None


def test_stale_registration_redisplays_every_typed_field(demo, db, login_as, client):
    slot = demo_slot(4)
    auth = login_as("vinhchau")
    stale = version_on_page(client, slot.id)
    _register(auth, slot.id, action="draft")  # another officer of the unit saved first
    response = _register(auth, slot.id, version=stale, title="Tên tôi vừa gõ",
                         outline="Dàn ý tôi vừa gõ", staff_name=["Người tôi vừa gõ"],
                         staff_role=["Dẫn chương trình"])
    html = response.get_data(as_text=True)
    assert response.status_code == 409
    for typed in ("Tên tôi vừa gõ", "Dàn ý tôi vừa gõ", "Người tôi vừa gõ", "Dẫn chương trình",
                  "14/04/2023"):
        assert typed in html
    assert f'name="version" value="{fresh(slot.id).version}"' in html  # resubmittable


def test_bad_input_is_a_422_with_the_input_kept(demo, db, login_as, client):
    slot = demo_slot(4)
    auth = login_as("vinhchau")
    missing = _register(auth, slot.id, air_date="", title="Chỉ có tên")
    assert missing.status_code == 422
    html = missing.get_data(as_text=True)
    assert "Vui lòng đề xuất ngày phát sóng." in html and "Chỉ có tên" in html
    wrong = _register(auth, slot.id, air_date="2023-02-30")
    assert wrong.status_code == 422 and "Ngày phát sóng không hợp lệ" in wrong.get_data(
        as_text=True)
    backwards = _register(auth, slot.id, record_date="2023-04-20", air_date="2023-04-14")
    assert "Ngày ghi hình phải trước" in backwards.get_data(as_text=True)
    far = _register(auth, slot.id, air_date="2024-04-14", record_date="")
    assert far.status_code == 422 and "gần kỳ của nội dung" in far.get_data(as_text=True)
    empty = auth.post(f"/registrations/slots/{slot.id}/message", {"body": "  "})
    assert empty.status_code == 422
    assert fresh(slot.id).status == SlotStatus.PLANNED


def test_htmx_answer_is_the_panel_with_a_trigger_for_the_board(demo, login_as, client):
    slot = demo_slot(4, Channel.NEWSPAPER)
    auth = login_as("vinhchau")
    response = auth.post(f"/registrations/slots/{slot.id}/register", dict(
        REGISTRATION, print_date="2023-04-18", action="submit",
        version=version_on_page(client, slot.id)), headers={"HX-Request": "true"})
    assert response.status_code == 200 and response.headers["HX-Trigger"] == "slotChanged"
    html = response.get_data(as_text=True)
    assert html.lstrip().startswith('<section id="reg-panel-') and "Đã đăng ký" in html


def test_messages_and_unread_count_on_the_officers_home(demo, login_as, client):
    slot = demo_slot(4)
    _register(login_as("vinhchau"), slot.id)
    auth = login_as("bientap")
    assert auth.post(f"/registrations/slots/{slot.id}/message",
                     {"body": "Anh chị gửi thêm ảnh hiện trường nhé."}).status_code == 303
    login_as("vinhchau")
    home = client.get("/").get_data(as_text=True)
    assert "1 tin nhắn mới" in home and "tin mới" in home
    assert "Anh chị gửi thêm ảnh" in client.get(f"/registrations/slots/{slot.id}").get_data(
        as_text=True)
    assert "tin nhắn mới" not in client.get("/").get_data(as_text=True)  # read now


def test_an_all_units_month_is_registered_by_each_unit_for_itself(demo, db, login_as, client):
    slots = db.session.scalars(select(Slot).join(Slot.column).where(
        Slot.period_start == date(2023, 12, 1), PlanColumn.channel == Channel.RADIO_TV)).all()
    assert len(slots) == 11 and all(s.all_units for s in slots)  # one per district
    mine = next(s for s in slots if s.assigned_unit.label == "Long Phú")
    theirs = next(s for s in slots if s.assigned_unit.label == "Mỹ Tú")
    auth = login_as("longphu")
    assert _register(auth, mine.id, air_date="2023-12-20", record_date="").status_code == 303
    refused = auth.post(f"/registrations/slots/{theirs.id}/register",
                        dict(REGISTRATION, action="submit", version=str(theirs.version)))
    assert refused.status_code == 403  # Long Phú cannot register or answer for Mỹ Tú
    assert auth.post(f"/registrations/slots/{theirs.id}/message",
                     {"body": "Long Phú viết hộ."}).status_code == 403
    home = client.get("/").get_data(as_text=True)
    assert "Mỹ Tú" not in home  # a unit sees its own part only
    other = login_as("mytu")
    assert _register(other, theirs.id, air_date="2023-12-21", record_date="").status_code == 303
    owners = {r.slot_id: r.unit.label for r in db.session.scalars(select(Registration))}
    assert owners == {mine.id: "Long Phú", theirs.id: "Mỹ Tú"}
    assert fresh(mine.id).status == fresh(theirs.id).status == SlotStatus.REGISTERED
    login_as("bientap")
    board = client.get("/registrations/board/2023/12").get_data(as_text=True)
    assert all(d in board for d in ("Long Phú", "Mỹ Tú", "Kế Sách", "Vĩnh Châu"))
