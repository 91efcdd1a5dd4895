"""The admin's province settings: who is given months, who registers, the quota per kind, the
focal department; refused input, other provinces' units and other roles."""

from sqlalchemy import select

from editorial.audit.models import AuditEntry
from editorial.units.models import ProvinceSettings, Unit
from editorial.units.rules import UnitKind
from tests.factories import make_unit

FORM = {"focal_unit_id": "", "assignable": ["district"], "registering": ["district"],
        "news_district": "3", "articles_district": "2", "all_units_label": "Các huyện"}


def _focal(db, short: str) -> str:
    return str(db.session.scalar(select(Unit.id).where(Unit.short_name == short)))


def test_the_admin_changes_the_quota_and_the_units_follow(demo, db, login_as, client):
    admin = login_as("quantri")
    page = client.get("/admin/province").get_data(as_text=True)
    assert "Thiết lập của tỉnh" in page and 'value="2"' in page  # 2 tin today
    data = dict(FORM, focal_unit_id=_focal(db, "Văn phòng"))
    assert admin.post("/admin/province", data).status_code == 303
    db.session.expire_all()
    row = db.session.get(ProvinceSettings, db.session.scalar(
        select(Unit.id).where(Unit.parent_id.is_(None), Unit.name.contains("Sóc Trăng"))))
    assert row.focal_unit.short_name == "Văn phòng" and row.duties.quota_of("district").news == 3
    entry = db.session.scalars(select(AuditEntry).where(
        AuditEntry.action == "province.settings")).one()
    assert '"district": [2, 1]' in entry.before and '"district": [3, 2]' in entry.after
    login_as("kesach")
    assert "Tin: 0/3 · Bài: 0/2" in client.get("/website").get_data(as_text=True)
    login_as("bientap")
    assert "Đang chờ Văn phòng trả lời" in client.get("/").get_data(as_text=True)


def test_refused_settings_keep_what_was_saved(demo, db, login_as, client):
    admin = login_as("quantri")
    for bad, message in [
        ({"assignable": []}, "ít nhất một loại đơn vị"),
        ({"news_district": "-1"}, "số nguyên từ 0 đến 50"),
        ({"articles_district": "ba"}, "số nguyên từ 0 đến 50"),
        ({"news_district": "500"}, "số nguyên từ 0 đến 50"),
        ({"focal_unit_id": "x"}, "ban đầu mối"),
        ({"all_units_label": "x" * 201}, "quá dài"),
    ]:
        response = admin.post("/admin/province", dict(FORM, **bad))
        assert response.status_code == 422 and message in response.get_data(as_text=True)
    db.session.expire_all()
    quotas = [row.duties.quota_of("district") for row in db.session.scalars(
        select(ProvinceSettings))]
    assert [(q.news, q.articles) for q in quotas] == [(2, 1)]


def test_a_focal_department_of_another_province_is_refused(demo, db, login_as, client):
    other = make_unit("Ủy ban MTTQ Việt Nam tỉnh Khác", kind=UnitKind.PROVINCE)
    foreign = make_unit("Ban Tuyên giáo tỉnh Khác", kind=UnitKind.DEPARTMENT, parent=other)
    db.session.commit()
    response = login_as("quantri").post("/admin/province",
                                        dict(FORM, focal_unit_id=str(foreign.id)))
    assert response.status_code == 422 and "của tỉnh, thành phố này" in response.get_data(
        as_text=True)


def test_only_admins_see_or_change_the_settings(demo, login_as, client):
    for login in ("bientap", "kesach", "xem"):
        auth = login_as(login)
        assert client.get("/admin/province").status_code == 403
        assert auth.post("/admin/province", FORM).status_code == 403
        client.post("/logout")
