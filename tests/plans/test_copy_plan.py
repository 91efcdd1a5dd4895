"""Copying a plan into a new year, as a province does each December: a recounted preview
first, then the copy (a draft) with exactly the previewed texts."""

import re
from datetime import date
from html import unescape

from sqlalchemy import select

from editorial.demo.soc_trang import TOPICS
from editorial.plans.models import Plan
from editorial.plans.rules import PlanStatus, SlotStatus
from editorial.units.models import Unit
from editorial.units.rules import UnitKind

WORDING_2026 = {
    1: "MTTQ các cấp tỉnh Sóc Trăng chăm lo cho người nghèo nhân dịp Tết Nguyên đán Bính Ngọ "
       "năm 2026.",
    4: "MTTQ các cấp chăm lo cho đồng bào dân tộc Khmer đón tết Chôl-Chnăm-Thmây năm 2026.",
    10: "Toàn dân hưởng ứng Tháng cao điểm \"Vì người nghèo\" (17/10 – 18/11/2026), xây dựng mô "
        "hình thoát nghèo bền vững.",
    11: "Chào mừng kỷ niệm 96 năm ngày truyền thống Mặt trận Tổ quốc Việt Nam (18/11/1930 – "
        "18/11/2026) gắn với Ngày hội đại đoàn kết toàn dân tộc ở khu dân cư.",
    12: "Một số kết quả nổi bật trong công tác Mặt trận năm 2026",
}


def _plan(db, year):
    return db.session.scalar(select(Plan).where(Plan.year == year))


def _confirm(auth, plan, html):
    fingerprint = re.search(r'name="fingerprint" value="([^"]+)"', html)[1]
    year = re.search(r'type="hidden" name="year" value="(\d+)"', html)[1]
    return auth.post(f"/plans/{plan.id}/copy/confirm", {"year": year, "fingerprint": fingerprint})


def test_copy_2023_to_2026_recounts_what_the_preview_shows(demo, login_as, db, client):
    auth = login_as("bientap")
    plan = _plan(db, 2023)
    response = auth.post(f"/plans/{plan.id}/copy", {"year": "2026"})
    html = unescape(response.get_data(as_text=True))
    assert response.status_code == 200 and _plan(db, 2026) is None  # a preview saves nothing
    for month, after in WORDING_2026.items():
        before = next(t for m, t, _, _ in TOPICS if m == month)
        assert f'<del>{before}</del>' in html and f'<ins>{after}</ins>' in html, month
    assert "“93 năm” → “96 năm”" in html and "“Quý Mão” → “Bính Ngọ”" in html
    assert html.count("<ins>") == len(WORDING_2026) + 1  # the five topics and the title
    done = _confirm(auth, plan, response.get_data(as_text=True))
    assert done.status_code == 303 and done.headers["Location"] == "/plans/2026"
    db.session.expire_all()
    new = _plan(db, 2026)
    assert new.status == PlanStatus.DRAFT and new.title.endswith("năm 2026")
    slots = [s for c in new.columns for s in c.slots]
    assert len(slots) == 2 * (11 + 11) and {s.status for s in slots} == {SlotStatus.PLANNED}
    old = {m: t for m, t, _, _ in TOPICS}
    for s in slots:  # nothing changed that the preview did not show
        assert s.topic == WORDING_2026.get(s.period_start.month, old[s.period_start.month])
    old_slots = [s for c in plan.columns for s in c.slots]
    assert [s.assigned_unit_id for s in slots] == [s.assigned_unit_id for s in old_slots]


def test_copy_into_a_leap_year_keeps_february_whole(demo, login_as, db):
    auth = login_as("bientap")
    plan = _plan(db, 2023)
    html = auth.post(f"/plans/{plan.id}/copy", {"year": "2024"}).get_data(as_text=True)
    assert _confirm(auth, plan, html).status_code == 303
    db.session.expire_all()
    feb = next(s for c in _plan(db, 2024).columns for s in c.slots if s.period_start.month == 2)
    assert feb.period_end == date(2024, 2, 29)


def test_a_plan_changed_after_the_preview_is_not_copied(demo, login_as, db):
    auth = login_as("bientap")
    plan = _plan(db, 2023)
    html = auth.post(f"/plans/{plan.id}/copy", {"year": "2026"}).get_data(as_text=True)
    plan.columns[0].slots[0].topic = "Chăm lo Tết Quý Mão năm 2023 (sửa)"
    db.session.commit()
    response = _confirm(auth, plan, html)
    assert response.status_code == 409 and "vừa thay đổi" in response.get_data(as_text=True)
    assert _plan(db, 2026) is None


def test_units_gone_by_the_new_year_go_to_their_one_successor(demo, login_as, db):
    city, long_phu = (db.session.scalar(select(Unit).where(Unit.short_name == name))
                      for name in ("TP. Sóc Trăng", "Long Phú"))
    for unit in (city, long_phu):
        unit.valid_to = date(2025, 6, 30)
    ward = Unit(name="Ủy ban MTTQ Việt Nam phường Phú Lợi", kind=UnitKind.COMMUNE,
                parent=city.province, valid_from=date(2025, 7, 1))
    ward.formed_from.append(city)
    twins = [Unit(name=f"Ủy ban MTTQ Việt Nam xã Long Phú {n}", kind=UnitKind.COMMUNE,
                  parent=city.province, valid_from=date(2025, 7, 1)) for n in (1, 2)]
    for twin in twins:
        twin.formed_from.append(long_phu)
    db.session.add_all([ward, *twins])
    db.session.commit()
    auth = login_as("bientap")
    plan = _plan(db, 2023)
    html = auth.post(f"/plans/{plan.id}/copy", {"year": "2026"}).get_data(as_text=True)
    assert "Ủy ban MTTQVN thành phố Sóc Trăng → <strong>Ủy ban MTTQ Việt Nam phường Phú Lợi" in html
    assert "Ủy ban MTTQVN huyện Long Phú: không có đơn vị kế thừa duy nhất" in html
    assert _confirm(auth, plan, html).status_code == 303
    db.session.expire_all()
    units = {s.assigned_unit_id for c in _plan(db, 2026).columns for s in c.slots}
    assert ward.id in units and city.id not in units and long_phu.id in units


def test_copy_refuses_an_existing_year_and_bad_input(demo, login_as, db):
    auth = login_as("bientap")
    plan = _plan(db, 2023)
    for year, message in (("2023", "đã có kế hoạch năm 2023"), ("abc", "Vui lòng nhập năm"),
                          ("99999", "2000–2100")):
        for path in ("copy", "copy/confirm"):
            response = auth.post(f"/plans/{plan.id}/{path}", {"year": year})
            assert response.status_code == 422
            html = response.get_data(as_text=True)
            assert message in html and 'name="year"' in html
    assert db.session.query(Plan).count() == 1


def test_officer_and_viewer_cannot_copy(demo, login_as, db, client):
    plan = _plan(db, 2023)
    for login in ("kesach", "xem"):
        auth = login_as(login)
        assert auth.post(f"/plans/{plan.id}/copy", {"year": "2024"}).status_code == 403
        assert auth.post(f"/plans/{plan.id}/copy/confirm", {"year": "2024"}).status_code == 403
        auth.post("/logout")
    assert db.session.query(Plan).count() == 1

