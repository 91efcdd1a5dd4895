"""A swap exchanges the units of two months; each month keeps its topic (issue 14), and the
request page names the other unit and month before and after approval."""

import re

from sqlalchemy import select

from editorial.audit.models import AuditEntry
from editorial.plans.models import Slot
from editorial.plans.rules import Channel
from tests.changes.conftest import file_request, only_request, slot_of, unit_named


def _swap_with(client, change_id: int) -> str:
    """The request page's 'Đổi với' line, tags removed."""
    html = client.get(f"/changes/{change_id}").get_data(as_text=True)
    line = re.search(r"<p[^>]*><strong>Đổi với:</strong>(.*?)</p>", html, re.S)
    assert line, html[html.find("<article"):][:1500]
    return " ".join(re.sub(r"<[^>]+>", " ", line.group(1)).split())


def _swap_march_and_april(db, login_as, client):
    march, april = slot_of(db, 3), slot_of(db, 4)
    assert file_request(login_as("kesach"), march, kind="swap",
                        other_slot_id=str(april.id)).status_code == 303
    change = only_request(db)
    assert "Vĩnh Châu, tháng 4/2023" in _swap_with(client, change.id)
    assert login_as("vinhchau").post(f"/changes/{change.id}/consent", {
        "version": change.version}).status_code == 200
    change = only_request(db)
    assert "Vĩnh Châu, tháng 4/2023" in _swap_with(client, change.id)
    assert login_as("bientap").post(f"/changes/{change.id}/approve", {
        "version": change.version}).status_code == 200
    db.session.expire_all()
    return only_request(db)


def test_a_swap_exchanges_units_and_each_month_keeps_its_topic(demo, login_as, db, client):
    topics = {(m, c): slot_of(db, m, c).topic for m in (3, 4)
              for c in (Channel.RADIO_TV, Channel.NEWSPAPER)}
    assert "Khmer" in topics[(4, Channel.RADIO_TV)]
    change = _swap_march_and_april(db, login_as, client)
    assert change.state == "approved"
    ke_sach, vinh_chau = unit_named(db, "Kế Sách"), unit_named(db, "Vĩnh Châu")
    for channel in (Channel.RADIO_TV, Channel.NEWSPAPER):  # the page moves with the column
        march, april = slot_of(db, 3, channel), slot_of(db, 4, channel)
        assert (march.assigned_unit_id, april.assigned_unit_id) == (vinh_chau.id, ke_sach.id)
        assert (march.topic, april.topic) == (topics[(3, channel)], topics[(4, channel)])
        assert march.status == april.status == "planned"
    changed = db.session.scalars(select(AuditEntry.subject_id).where(
        AuditEntry.action == "slot.change")).all()
    assert len(changed) == 4  # both months, both channels


def test_the_approved_swap_still_names_the_other_unit_and_month(demo, login_as, db, client):
    change = _swap_march_and_april(db, login_as, client)
    for login in ("bientap", "kesach", "vinhchau"):
        login_as(login)
        line = _swap_with(client, change.id)
        assert "Vĩnh Châu, tháng 4/2023" in line and "Kế Sách" not in line
    html = client.get(f"/changes/{change.id}").get_data(as_text=True)
    table = html[html.index('class="plan-table diff"'):html.index("</table>")]
    assert "Đơn vị thực hiện" in table and "Nội dung" not in table  # no topic moved


def test_a_swap_is_refused_when_a_month_changed_hands_meanwhile(demo, login_as, db, client):
    march, april = slot_of(db, 3), slot_of(db, 4)
    file_request(login_as("kesach"), march, kind="swap", other_slot_id=str(april.id))
    change = only_request(db)
    login_as("vinhchau").post(f"/changes/{change.id}/consent", {"version": change.version})
    thanh_tri = unit_named(db, "Thạnh Trị")
    for slot in db.session.scalars(select(Slot).where(Slot.period_start == april.period_start)):
        slot.assigned_unit_id = thanh_tri.id  # an editor gave April to another unit
    db.session.commit()
    change = only_request(db)
    response = login_as("bientap").post(f"/changes/{change.id}/approve",
                                        {"version": change.version})
    assert response.status_code == 422
    assert "đã được giao cho đơn vị khác" in response.get_data(as_text=True)
    db.session.expire_all()
    assert slot_of(db, 3).assigned_unit_id == unit_named(db, "Kế Sách").id
