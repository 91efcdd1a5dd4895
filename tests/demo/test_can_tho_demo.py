"""The living demo, Cần Thơ today: a commune, a department and a member organization are each
given a month, register, negotiate and owe the quota they are configured for; the Sóc Trăng
districts that ceased in 2025 owe nothing in 2026 and no Cần Thơ page shows them."""

from datetime import date, datetime

import pytest
from sqlalchemy import select

from editorial.auth.models import User
from editorial.clock import VN
from editorial.demo.services import load_demo
from editorial.jobs import tasks
from editorial.notifications.models import Notification
from editorial.plans.models import PlanColumn, Slot
from editorial.plans.rules import Channel, SlotStatus
from tests.registrations.helpers import REGISTRATION, fresh, version_on_page


@pytest.fixture
def city(app, db):
    """Both demo provinces, loaded as `make run` does (the day is set by each test)."""

    def _load(today: date) -> None:
        app.config["TODAY"] = today
        load_demo(today)
        db.session.commit()

    return _load


def _radio_slot(month: int) -> Slot:
    return (select(Slot).join(Slot.column).where(Slot.period_start == date(2026, month, 1),
                                                 PlanColumn.channel == Channel.RADIO_TV))


def _inbox(db, login: str, kind: str) -> list[str]:
    user = db.session.scalar(select(User).where(User.login == login))
    return list(db.session.scalars(select(Notification.title).where(
        Notification.user_id == user.id, Notification.kind == kind)))


@pytest.mark.parametrize(("today", "login", "month", "unit", "deadline"), [
    (date(2026, 5, 20), "bandcpl", 6, "Ban DC-PL", "05/06/2026"),  # a department
    (date(2026, 7, 20), "xtrande", 8, "Xã Trần Đề", "05/08/2026"),  # a commune
    (date(2026, 12, 2), "hoiccb", 12, "Hội CCB", "04/12/2026"),  # a member organization;
])  # 5/12/2026 is a Saturday: the Friday before
def test_each_kind_of_unit_is_given_a_month_registers_and_negotiates(
        city, db, login_as, client, today, login, month, unit, deadline):
    city(today)
    slot = db.session.scalar(_radio_slot(month))
    assert slot.assigned_unit.label == unit and slot.status == SlotStatus.PLANNED
    officer = login_as(login)
    home = client.get("/").get_data(as_text=True)
    assert deadline in home and "Sóc Trăng" not in home
    data = dict(REGISTRATION, action="submit", version=version_on_page(client, slot.id),
                record_date=f"2026-{month:02d}-10", air_date=f"2026-{month:02d}-14")
    assert officer.post(f"/registrations/slots/{slot.id}/register", data).status_code == 303
    assert fresh(slot.id).status == SlotStatus.REGISTERED
    client.post("/logout")

    editor = login_as("ct.bientap")
    board = client.get(f"/registrations/board/{today.year}/{month}").get_data(as_text=True)
    assert unit in board and "Thạnh Trị" not in board
    response = editor.post(f"/registrations/slots/{slot.id}/counter", {
        "version": version_on_page(client, slot.id), "title": "Tiêu đề đã trao đổi",
        "air_date": f"2026-{month:02d}-20"})
    assert response.status_code == 303 and fresh(slot.id).status == SlotStatus.NEGOTIATING
    client.post("/logout")
    login_as(login)
    response = officer.post(f"/registrations/slots/{slot.id}/agree",
                            {"version": version_on_page(client, slot.id)})
    assert response.status_code == 303 and fresh(slot.id).status == SlotStatus.AGREED


def test_each_kind_owes_its_own_quota_and_the_scoreboard_lists_the_units_concerned(
        city, db, login_as, client):
    city(date(2026, 12, 2))
    login_as("xtrande")
    assert "Tin: 0/2 · Bài: 0/1" in client.get("/website").get_data(as_text=True)
    login_as("hoiccb")
    assert "Tin: 0/1 · Bài: 0/1" in client.get("/website").get_data(as_text=True)
    login_as("ct.bientap")
    board = client.get("/website/scoreboard/2026").get_data(as_text=True)
    assert "Phường Ninh Kiều" in board and "Hội LHPN" in board
    assert "Ban DC-PL" not in board  # departments owe no quota in Cần Thơ
    assert "TP. Sóc Trăng" not in board and "Thạnh Trị" not in board  # another province's


def test_quota_reminders_go_to_the_citys_units_and_not_to_former_districts(city, db):
    city(date(2026, 12, 2))
    tasks.reminders(datetime(2026, 12, 28, 7, 30, tzinfo=VN))  # 31/12/2026 is a Thursday
    assert _inbox(db, "xtrande", "quota") and _inbox(db, "hoiccb", "quota")
    assert _inbox(db, "bandcpl", "quota") == []  # a department owes none
    assert _inbox(db, "kesach", "quota") == []  # Kế Sách district ceased on 30/6/2025


def test_the_current_year_plan_is_the_citys(city, login_as, client):
    city(date(2026, 12, 2))
    login_as("ct.bientap")
    page = client.get("/plans/2026").get_data(as_text=True)
    assert "Cần Thơ" in page and "Hội CCB" in page
    assert "Quý Mão" not in page and "Thạnh Trị" not in page
    units = client.get("/units").get_data(as_text=True)
    assert units.count("Ủy ban MTTQ Việt Nam xã ") == 72
    assert units.count("Ủy ban MTTQ Việt Nam phường ") == 31
    assert "Thạnh Trị" not in units and "huyện" not in units
