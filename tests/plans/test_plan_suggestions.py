"""Suggestions for a year (issue 12): each month's anniversaries in their official wording,
one click to make one a draft row's topic, and the year's clashes."""

from datetime import date

from sqlalchemy import select

from editorial.plans import copying
from editorial.plans.models import Plan, Slot

THUONG_BINH = "Kỷ niệm 80 năm Ngày Thương binh – Liệt sĩ (27/7/1947 – 27/7/2027)"
FRONT_97 = ("Kỷ niệm 97 năm Ngày truyền thống Mặt trận Tổ quốc Việt Nam "
            "(18/11/1930 – 18/11/2027)")


def _month(html: str, month: int) -> str:
    start = html.index(f'id="thang-{month}"')
    end = html.find('id="thang-', start + 10)
    return html[start:end if end > 0 else None]


def _draft_2027(db) -> Plan:
    plan = copying.copy(db.session.scalar(select(Plan).where(Plan.year == 2023)), 2027)
    db.session.commit()
    return plan


def test_2027_suggests_the_round_and_front_anniversaries_in_their_months(demo, login_as,
                                                                          client):
    login_as("bientap")
    html = client.get("/plans/2027/suggestions").get_data(as_text=True)
    assert THUONG_BINH in _month(html, 7) and FRONT_97 in _month(html, 11)
    assert "Tròn năm" in _month(html, 7) and FRONT_97 not in _month(html, 10)
    assert "Vì người nghèo" in _month(html, 10)  # the Tháng cao điểm
    assert "Dùng làm chủ đề tháng này" not in html  # no draft plan of 2027 yet


def test_one_click_makes_a_suggestion_the_month_topic_of_the_draft(demo, login_as, db, client):
    plan = _draft_2027(db)
    july = [s for c in plan.columns for s in c.slots if s.period_start.month == 7]
    auth = login_as("bientap")
    html = client.get("/plans/2027/suggestions").get_data(as_text=True)
    assert "Dùng làm chủ đề tháng này" in _month(html, 7)
    response = auth.post("/plans/2027/suggestions/use", {
        "month": "7", "key": "anniv-thuong-binh-liet-si-2027", "slot": str(july[0].id)})
    assert response.status_code == 303 and response.headers["Location"].endswith("#thang-7")
    db.session.expire_all()
    assert {db.session.get(Slot, s.id).topic for s in july} == {THUONG_BINH}  # both channels
    june = next(s for s in plan.columns[0].slots if s.period_start.month == 6)
    assert june.topic.startswith("Phát huy vai trò của MTTQ Việt Nam")


def test_a_suggestion_needs_a_draft_row_of_its_month(demo, login_as, db):
    active = db.session.scalar(select(Slot).where(Slot.period_start == date(2023, 7, 1)))
    plan = _draft_2027(db)
    august = next(s for s in plan.columns[0].slots if s.period_start.month == 8)
    auth = login_as("bientap")
    for month, slot in (("7", active.id), ("7", august.id), ("7", 999999), ("13", august.id)):
        response = auth.post("/plans/2027/suggestions/use", {
            "month": month, "key": "anniv-thuong-binh-liet-si-2027", "slot": str(slot)})
        assert response.status_code == 422
    response = auth.post("/plans/2023/suggestions/use", {
        "month": "7", "key": "anniv-thuong-binh-liet-si-2027", "slot": str(active.id)})
    assert response.status_code == 422


def test_clashes_are_flagged_in_their_month(demo, login_as, db, client):
    plan = _draft_2027(db)
    radio = plan.columns[0]
    radio.slots[2].air_date = date(2027, 3, 14)  # a Sunday
    radio.slots[3].topic = "Một chủ đề khác cho đài"  # Vĩnh Châu: two topics in April
    db.session.commit()
    login_as("bientap")
    html = client.get("/plans/2027/suggestions").get_data(as_text=True)
    assert "14/3/2027" in _month(html, 3) and "là ngày nghỉ" in _month(html, 3)
    assert "được giao 2 lượt trong tháng 4/2027" in _month(html, 4)


def test_officers_see_no_suggestions(demo, login_as, client):
    login_as("kesach")
    assert client.get("/plans/2027/suggestions").status_code == 403


def test_the_admins_local_days_are_suggested_in_their_month(demo, login_as, db, client):
    from editorial.observances.models import AnniversaryEntry
    from editorial.units.models import Unit

    province = db.session.scalar(select(Unit).where(Unit.province_id.is_(None)))
    db.session.add(AnniversaryEntry(key="tai-lap-tinh-soc-trang", name="Ngày tái lập tỉnh "
                                    "Sóc Trăng", category="local", year=1992, month=4, day=1,
                                    province_id=province.id))
    db.session.commit()
    login_as("bientap")
    april = _month(client.get("/plans/2027/suggestions").get_data(as_text=True), 4)
    assert "35 năm Ngày tái lập tỉnh Sóc Trăng" in april and "Ngày của địa phương" in april
