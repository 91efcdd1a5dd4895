"""The plan editor over HTTP: an editor writes the 2028 plan from nothing, publishes it, and an
officer of an assigned commune sees its deadline and registers."""

from datetime import date

import pytest
from sqlalchemy import select

from editorial.audit.models import AuditEntry
from editorial.extensions import db
from editorial.plans.models import Plan, PlanColumn, Slot
from editorial.plans.rules import Cadence, PlanStatus
from tests.plans.editor_helpers import (
    DECEMBER,
    add_column,
    add_row,
    make_province,
    new_plan,
    plan_id_of,
)
from tests.registrations.helpers import REGISTRATION, version_on_page


@pytest.fixture
def province(app):
    app.config["TODAY"] = DECEMBER
    return make_province()


def _write_plan(auth, province) -> Plan:
    """The whole authoring: a plan, a monthly and a weekly column, twelve monthly rows."""
    created = new_plan(auth, focal_unit=str(province.focal.id))
    assert created.status_code == 303
    plan_id = plan_id_of(created)
    assert add_column(auth, plan_id).status_code == 303
    weekly = add_column(auth, plan_id, name="Đại đoàn kết toàn dân", channel="radio_tv",
                        cadence="weekly", air_weekday="3", air_time="19:30")
    assert weekly.status_code == 303
    plan = db.session.get(Plan, plan_id)
    paper, radio = plan.columns
    units = [*province.communes, *province.members]
    for month in range(1, 13):
        who = ["all"] if month == 12 else [str(units[(month - 1) % len(units)].id)]
        assert add_row(auth, paper.id, date(2028, month, 1), who).status_code == 303
    assert add_row(auth, radio.id, date(2028, 1, 3), [str(province.communes[0].id)],
                   topic="Tuần đầu năm").status_code == 303
    return plan


def test_no_plan_yet_offers_to_create_it_or_says_so(province, login_as, client):
    page = client.get("/plans/2028")
    assert page.status_code == 302  # login first
    login_as("xa1")
    page = client.get("/plans/2028").get_data(as_text=True)
    assert "Chưa có kế hoạch năm 2028." in page and 'name="title"' not in page
    client.post("/logout")
    login_as("bientap")
    answer = client.get("/plans/2028")
    assert answer.status_code == 200 and "Tạo kế hoạch năm 2028" in answer.get_data(as_text=True)


def test_editor_writes_publishes_and_the_officer_registers(province, login_as, client, auth):
    login_as("bientap")
    plan = _write_plan(auth, province)
    paper, radio = plan.columns
    assert plan.status == PlanStatus.DRAFT and plan.number == "45/KH-MTTQ-BTT"
    assert plan.signed_on == date(2027, 12, 15) and plan.focal_unit_id == province.focal.id
    assert (radio.cadence, radio.air_weekday, radio.air_time) == (Cadence.WEEKLY, 3, "19:30")
    assert len({s.period_start for s in paper.slots}) == 12
    december = [s for s in paper.slots if s.period_start.month == 12]
    assert len(december) == 6 and all(s.all_units for s in december)
    editor = client.get(f"/plans/{plan.id}/edit").get_data(as_text=True)
    assert "Đề xuất phát sóng: Thứ Năm, 06/01/2028 19:30" in editor
    assert client.get("/plans/2028").status_code == 303  # a draft: the editor opens
    assert auth.post(f"/plans/{plan.id}/publish").status_code == 303
    db.session.expire_all()
    assert db.session.get(Plan, plan.id).status == PlanStatus.ACTIVE
    actions = set(db.session.scalars(select(AuditEntry.action)))
    assert {"plan.create", "plan.column.add", "plan.row.add", "plan.publish"} <= actions

    client.post("/logout")
    login_as("xa1")
    january = next(s for s in paper.slots if s.period_start == date(2028, 1, 1))
    home = client.get("/").get_data(as_text=True)
    assert "Chủ đề 01/2028" in home
    grid = client.get("/calendar/2028/1").get_data(as_text=True)
    assert f'data-uid="slot-{january.id}-deadline"' in grid
    data = dict(REGISTRATION, action="submit", record_date="", air_date="", print_date="2028-01-14",
                version=version_on_page(client, january.id))
    assert auth.post(f"/registrations/slots/{january.id}/register", data).status_code == 303
    page = client.get(f"/registrations/slots/{january.id}").get_data(as_text=True)
    assert "Đã đăng ký" in page

    auth.post("/logout")  # the negotiation: the editor proposes, the commune agrees
    login_as("bientap")
    countered = auth.post(f"/registrations/slots/{january.id}/counter", {
        "version": version_on_page(client, january.id), "title": "Xuân đoàn kết 2028",
        "print_date": "2028-01-21"})
    assert countered.status_code == 303
    auth.post("/logout")
    login_as("xa1")
    agreed = auth.post(f"/registrations/slots/{january.id}/agree",
                       {"version": version_on_page(client, january.id)})
    assert agreed.status_code == 303
    db.session.expire_all()
    slot = db.session.get(Slot, january.id)
    assert (slot.status, slot.final_title, slot.print_date) == (
        "agreed", "Xuân đoàn kết 2028", date(2028, 1, 21))


def test_published_plan_shows_rows_read_only(province, login_as, client, auth):
    login_as("bientap")
    plan = _write_plan(auth, province)
    auth.post(f"/plans/{plan.id}/publish")
    editor = client.get(f"/plans/{plan.id}/edit").get_data(as_text=True)
    slot = plan.columns[0].slots[0]
    assert f'href="/slots/{slot.id}"' in editor and "/plan-rows/" not in editor
    refused = add_row(auth, plan.columns[0].id, date(2028, 1, 1),
                      [str(province.members[0].id)], topic="Thêm sau ban hành")
    assert refused.status_code == 422 and "Kế hoạch đã ban hành" in refused.get_data(as_text=True)


def test_rows_are_edited_moved_and_removed(province, login_as, client, auth):
    login_as("bientap")
    plan = _write_plan(auth, province)
    paper = plan.columns[0]
    january, february = (s for s in paper.slots if s.period_start.month in (1, 2))
    assert "Lưu dòng" in client.get(f"/plan-rows/{january.id}/edit").get_data(as_text=True)
    edit = {"period": "2028-01-01", "topic": "Mừng Đảng, mừng Xuân Mậu Thân 2028",
            "units": [str(province.members[1].id)], "note": "Phối hợp Đài"}
    assert auth.post(f"/plan-rows/{january.id}", edit).status_code == 303
    db.session.expire_all()
    jan = db.session.scalar(select(Slot).where(Slot.column_id == paper.id,
                                               Slot.period_start == date(2028, 1, 1)))
    assert (jan.topic, jan.assigned_unit_id, jan.note) == (
        edit["topic"], province.members[1].id, "Phối hợp Đài")
    assert auth.post(f"/plan-rows/{jan.id}/move", {"direction": "down"}).status_code == 303
    db.session.expire_all()
    assert db.session.get(Slot, jan.id).period_start == date(2028, 2, 1)
    assert db.session.get(Slot, february.id).period_start == date(2028, 1, 1)
    assert auth.post(f"/plan-rows/{february.id}/move", {"direction": "up"}).status_code == 422
    jan_id, column_id = jan.id, plan.columns[1].id
    assert auth.post(f"/plan-rows/{jan_id}/delete").status_code == 303
    assert auth.post(f"/plan-columns/{column_id}/delete").status_code == 303
    db.session.expire_all()
    assert db.session.get(Slot, jan_id) is None and db.session.get(PlanColumn, column_id) is None


def test_htmx_answers_the_editor_fragment(province, login_as, client, auth):
    login_as("bientap")
    plan = db.session.get(Plan, plan_id_of(new_plan(auth)))
    htmx = {"HX-Request": "true"}
    added = add_column(auth, plan.id, headers=htmx)
    assert added.status_code == 200
    html = added.get_data(as_text=True)
    assert html.startswith('<section id="plan-editor"') and "Chuyên trang Mặt trận" in html
    refused = add_column(auth, plan.id, name="", headers=htmx)
    assert refused.status_code == 422
    assert "Vui lòng nhập tên chuyên mục." in refused.get_data(as_text=True)


def test_a_group_of_units_and_a_fortnightly_column(province, login_as, client, auth):
    login_as("bientap")
    plan_id = plan_id_of(new_plan(auth))
    add_column(auth, plan_id, name="Đại đoàn kết", channel="radio_tv", cadence="every_n_weeks",
               every_weeks="2", air_weekday="5", air_week="", air_time="")
    column = db.session.get(Plan, plan_id).columns[0]
    assert column.every_weeks == 2
    pair = [str(province.members[0].id), str(province.members[1].id)]
    assert add_row(auth, column.id, date(2028, 1, 17), pair).status_code == 303
    skipped = add_row(auth, column.id, date(2028, 1, 10), pair)  # not one of its weeks
    assert skipped.status_code == 422
    editor = client.get(f"/plans/{plan_id}/edit").get_data(as_text=True)
    assert "Hội Liên hiệp Phụ nữ thành phố, Đoàn Thanh niên thành phố" in editor
    assert "Thứ Bảy, 22/01/2028" in editor
    slot = db.session.get(Plan, plan_id).columns[0].slots[0]
    bad = auth.post(f"/plan-rows/{slot.id}", {"period": "2028-01-17", "topic": "", "units": pair})
    html = bad.get_data(as_text=True)
    assert bad.status_code == 422 and "Vui lòng nhập nội dung dự kiến." in html
    assert "Lưu dòng" in html  # the row's form again, with what was typed
