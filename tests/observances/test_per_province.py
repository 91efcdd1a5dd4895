"""Each province's calendar data is its own: a local anniversary, a deadline rule and a report
rule set by one province's admin change nothing for another province on the same server."""

import json

from sqlalchemy import select

from editorial.demo.services import load_demo
from editorial.jobs import tasks
from tests.conftest import TODAY


def _both(db):
    load_demo(TODAY)
    db.session.commit()


def test_a_local_anniversary_stays_in_its_province(db, login_as, client, runner):
    _both(db)
    auth = login_as("ct.quantri")
    assert auth.post("/admin/calendar/anniversaries", {
        "name": "Ngày thành lập Đảng bộ thành phố Cần Thơ", "month": "2", "day": "3",
        "origin_year": "1930", "calendar": "solar", "year": "2023"}).status_code == 303
    assert "Đảng bộ thành phố Cần Thơ" in client.get("/observances/2023").get_data(as_text=True)
    auth.post("/logout")
    login_as("quantri")  # Sóc Trăng's admin
    assert "Đảng bộ thành phố Cần Thơ" not in client.get("/observances/2023").get_data(
        as_text=True)
    assert "Đảng bộ thành phố Cần Thơ" not in client.get("/admin/calendar?year=2023").get_data(
        as_text=True)
    assert "Đảng bộ thành phố Cần Thơ" not in client.get("/feeds/public.ics").get_data(
        as_text=True)  # the public feed carries the national data only
    shown = json.loads(runner.invoke(args=["calendar", "show", "2023", "--json",
                                           "--province", "92"]).output)
    assert any("Cần Thơ" in a["name"] for a in shown["anniversaries"])
    national = json.loads(runner.invoke(args=["calendar", "show", "2023", "--json"]).output)
    assert not any("Cần Thơ" in a["name"] for a in national["anniversaries"])


def test_a_deadline_rule_is_the_provinces_own(db, login_as, client):
    _both(db)
    auth = login_as("quantri")
    assert auth.post("/admin/calendar/deadline-rule", {
        "day_of_month": "10", "direction": "before", "skip_holidays": "on",
        "weekdays_only": "on", "year": "2023"}).status_code == 303
    assert "Thứ Hai, 10/04/2023" in client.get("/deadlines/2023/4").get_data(as_text=True)
    auth.post("/logout")
    login_as("ct.bientap")
    assert "Thứ Tư, 05/04/2023" in client.get("/deadlines/2023/4").get_data(as_text=True)


def test_a_report_rule_switched_off_in_one_province_still_reminds_the_other(
        db, login_as, client):
    from datetime import datetime

    from editorial.auth.models import User
    from editorial.clock import VN
    from editorial.notifications.models import Notification
    from editorial.units.models import Unit

    _both(db)
    commune = db.session.scalar(select(Unit).where(Unit.code == "31673"))  # Xã Trần Đề
    commune.valid_from = None  # as if it existed in 2023 too, to owe March 2023's quota
    db.session.commit()
    auth = login_as("quantri")
    assert auth.post("/admin/calendar/report-rules/tin-bai-trang-ttdt", {
        "day": "31", "wording": "cuối tháng", "year": "2023"}).status_code == 303  # inactive
    tasks.reminders(datetime(2023, 3, 28, 7, 30, tzinfo=VN))

    def quota(login: str) -> list[str]:
        user = db.session.scalar(select(User).where(User.login == login))
        return list(db.session.scalars(select(Notification.title).where(
            Notification.user_id == user.id, Notification.kind == "quota")))

    assert quota("vinhchau") == []  # Sóc Trăng switched its quota rule off
    assert quota("xtrande")  # Cần Thơ's communes are still reminded
