"""Each step of the negotiation and of a change request tells the side whose turn it is:
in the notification centre, with a link to the thread; never the actor, never another
province."""

from __future__ import annotations

import re
from datetime import date

import pytest
from sqlalchemy import select

from editorial.notifications.models import Notification
from editorial.plans.rules import SlotStatus
from tests.changes.conftest import file_request, only_request
from tests.notifications.negotiation import agree, counter, done, message, notes_of, register
from tests.registrations.helpers import demo_slot

UNIT_STAFF = ("kesach", "vinhchau")


@pytest.fixture
def april(demo):
    """April's radio–TV slot, Vĩnh Châu's."""
    return demo_slot(4)


@pytest.fixture
def agreed(april, db):
    """The same slot, agreed: air 20/4/2023 (change requests start from there)."""
    april.status, april.final_title = SlotStatus.AGREED, "Tết Khmer"
    april.air_date = date(2023, 4, 20)
    db.session.commit()
    return april


def test_the_officer_registering_tells_the_editor_with_a_link_to_the_thread(april, login_as,
                                                                           client):
    assert register(login_as("vinhchau"), april.id).status_code == 303
    [note] = notes_of("bientap")
    assert note.kind == "negotiation" and note.url == f"/registrations/slots/{april.id}"
    assert note.title.startswith("Vĩnh Châu đã gửi đăng ký: Chuyên mục")
    assert "tháng 4/2023" in note.title and note.read_at is None
    assert notes_of("vinhchau") == [] and notes_of("kesach") == []  # not the actor, not others
    assert notes_of("quantri") == []  # the focal department's editors, not the whole committee

    login_as("bientap")
    page = client.get("/notifications/").get_data(as_text=True)
    assert "Vĩnh Châu đã gửi đăng ký" in page
    link = re.search(rf'href="(/notifications/{note.id}/open)"', page)[1]
    followed = client.get(link)
    assert followed.status_code == 303
    assert followed.headers["Location"].endswith(f"/registrations/slots/{april.id}")


def test_the_editors_counter_proposal_shows_on_the_officers_notifications(april, login_as,
                                                                           client):
    register(login_as("vinhchau"), april.id)
    assert counter(login_as("bientap"), april.id).status_code == 303
    [note] = notes_of("vinhchau")
    assert note.title.startswith("Ban PT-TG đề xuất khác: ")
    assert note.body == "Đề nghị phát vào Chủ nhật."
    assert len(notes_of("bientap")) == 1  # only the registration: not their own counter

    login_as("vinhchau")
    page = client.get("/notifications/").get_data(as_text=True)
    assert "Ban PT-TG đề xuất khác" in page and "Đề nghị phát vào Chủ nhật." in page
    assert 'data-unread="1"' in client.get("/notifications/badge").get_data(as_text=True)


def test_agreement_message_and_done_tell_the_other_side(app, april, login_as):
    officer, editor = "vinhchau", "bientap"
    register(login_as(officer), april.id)
    counter(login_as(editor), april.id)
    assert agree(login_as(officer), april.id).status_code == 303
    assert notes_of(editor)[-1].title.startswith("Vĩnh Châu đồng ý – đã thống nhất: ")
    assert message(login_as(editor), april.id, "Nhớ gửi đường link.").status_code == 303
    assert notes_of(officer)[-1].title.startswith("Ban PT-TG nhắn về: ")
    assert notes_of(officer)[-1].body == "Nhớ gửi đường link."
    app.config["TODAY"] = date(2023, 4, 17)  # it aired on the 16th
    assert done(login_as(officer), april.id).status_code == 303
    last = notes_of(editor)[-1]
    assert last.title.startswith("Vĩnh Châu báo đã thực hiện: ")
    assert "stv.example" in last.body
    assert [n.kind for n in notes_of(editor)] == ["negotiation"] * 3
    assert len(notes_of(officer)) == 2  # the counter and the message, none of their own steps
    assert all(notes_of(login) == [] for login in ("kesach", "quantri", "xem"))


def test_the_editor_agreeing_tells_the_unit(april, login_as):
    register(login_as("vinhchau"), april.id)
    assert agree(login_as("bientap"), april.id).status_code == 303
    assert notes_of("vinhchau")[-1].title.startswith("Ban PT-TG đồng ý – đã thống nhất: ")


def test_a_change_request_and_its_decision_tell_the_other_side(agreed, login_as, db):
    officer = login_as("vinhchau")
    response = file_request(officer, agreed, kind="move_date", field="air_date",
                            new_date="2023-04-25")
    assert response.status_code in (200, 303)
    change = only_request(db)
    [asked] = notes_of("bientap")
    assert asked.kind == "change" and asked.url == f"/changes/{change.id}"
    assert notes_of("vinhchau") == []  # the requester is not told of their own request
    login_as("bientap").post(f"/changes/{change.id}/approve",
                             {"version": change.version, "note": "Đồng ý"})
    [decided] = notes_of("vinhchau")
    assert "Đã duyệt" in decided.title and "Đồng ý" in decided.body
    assert len(notes_of("bientap")) == 1  # not told of their own decision
    assert notes_of("kesach") == []


def test_withdrawing_tells_the_editors_but_not_the_requester(agreed, login_as, db):
    file_request(login_as("vinhchau"), agreed, kind="cancel")
    change = only_request(db)
    login_as("vinhchau").post(f"/changes/{change.id}/withdraw", {"version": change.version})
    assert only_request(db).state == "withdrawn"
    asked, withdrawn = notes_of("bientap")
    assert "Chờ duyệt" in asked.title and "Đã rút" in withdrawn.title
    assert notes_of("vinhchau") == []


def test_another_provinces_users_are_never_told(april, one_province, login_as, db):
    before = {login: len(notes_of(login)) for login in (
        one_province.user(role) for role in ("editor", "admin", "officer", "viewer"))}
    register(login_as("vinhchau"), april.id)
    counter(login_as("bientap"), april.id)
    assert {login: len(notes_of(login)) for login in before} == before
    told = {n.user_id for n in db.session.scalars(
        select(Notification).where(Notification.kind == "negotiation"))}
    assert len(told) == 2  # bientap and vinhchau


def test_each_unit_of_an_all_units_month_negotiates_for_itself(demo, login_as):
    december = next(s for s in _december_slots() if s.assigned_unit.short_name == "Kế Sách")
    register(login_as("kesach"), december.id, record_date="2023-12-10", air_date="2023-12-14")
    assert counter(login_as("bientap"), december.id, record_date="2023-12-11",
                   air_date="2023-12-17").status_code == 303
    [note] = notes_of("kesach")
    assert note.url == f"/registrations/slots/{december.id}" and "tháng 12/2023" in note.title
    assert notes_of("vinhchau") == []  # another unit of the same month hears nothing
    assert len(notes_of("bientap")) == 1


def _december_slots():
    from editorial.extensions import db
    from editorial.plans.models import PlanColumn, Slot
    from editorial.plans.rules import Channel

    return db.session.scalars(select(Slot).join(Slot.column).where(
        Slot.period_start == date(2023, 12, 1), PlanColumn.channel == Channel.RADIO_TV)).all()


def test_an_officer_who_muted_the_negotiation_is_not_told(april, login_as, db):
    from editorial.notifications import preferences
    from editorial.notifications.rules import Preferences
    from tests.notifications.negotiation import user_id

    preferences.save_preferences(user_id("vinhchau"), Preferences(muted=frozenset({
        "negotiation"})))
    db.session.commit()
    register(login_as("vinhchau"), april.id)
    counter(login_as("bientap"), april.id)
    assert notes_of("vinhchau") == []
