"""Copying a plan into a new year, as a province does each December."""

from sqlalchemy import select

from editorial.plans.models import Plan
from editorial.plans.rules import SlotStatus


def _plan(db, year):
    return db.session.scalar(select(Plan).where(Plan.year == year))


def test_editor_copies_the_plan_into_next_year(demo, login_as, db, client):
    auth = login_as("bientap")
    plan = _plan(db, 2023)
    response = auth.post(f"/plans/{plan.id}/copy", {"year": "2024"})
    assert response.status_code == 303 and response.headers["Location"] == "/plans/2024"
    db.session.expire_all()
    new = _plan(db, 2024)
    assert new.title.endswith("năm 2024")
    slots = [s for c in new.columns for s in c.slots]
    # 11 months of one unit and December shared by the 11 units (one slot each), two columns
    assert len(slots) == 2 * (11 + 11) and {s.status for s in slots} == {SlotStatus.PLANNED}
    old = [s for c in plan.columns for s in c.slots]
    assert [(s.topic, s.assigned_unit_id, s.period_start.month) for s in slots] == [
        (s.topic, s.assigned_unit_id, s.period_start.month) for s in old]
    feb = next(s for s in slots if s.period_start.month == 2)
    assert feb.period_end.day == 29  # 2024 is a leap year
    html = client.get("/plans/2024").get_data(as_text=True)
    assert "(Đã thực hiện)" not in html and "Chôl-Chnăm-Thmây" in html


def test_copy_refuses_an_existing_year_and_bad_input(demo, login_as, db):
    auth = login_as("bientap")
    plan = _plan(db, 2023)
    for year, message in (("2023", "đã có kế hoạch năm 2023"), ("abc", "Vui lòng nhập năm"),
                          ("99999", "2000–2100")):
        response = auth.post(f"/plans/{plan.id}/copy", {"year": year})
        assert response.status_code == 422
        html = response.get_data(as_text=True)
        assert message in html and 'name="year"' in html
    assert db.session.query(Plan).count() == 1


def test_officer_and_viewer_cannot_copy(demo, login_as, db, client):
    plan = _plan(db, 2023)
    for login in ("kesach", "xem"):
        auth = login_as(login)
        assert auth.post(f"/plans/{plan.id}/copy", {"year": "2024"}).status_code == 403
        auth.post("/logout")
    assert db.session.query(Plan).count() == 1
