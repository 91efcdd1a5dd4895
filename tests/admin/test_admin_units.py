"""Admins add units and change them; the tree never gets a cycle; each change is audited."""

from tests.admin.helpers import entries, unit_id

PROVINCE = "tỉnh Sóc Trăng"


def _unit(auth, path: str = "/admin/units", **changes):
    data = {"name": "Ủy ban MTTQ xã Thử Nghiệm", "short_name": "Xã Thử", "kind": "commune",
            "parent_id": str(unit_id("huyện Kế Sách")), "code": "31999"}
    return auth.post(path, dict(data, **changes))


def test_the_tree_lists_children_under_their_parents(demo, login_as, client):
    login_as("quantri")
    html = client.get("/admin/units").get_data(as_text=True)
    province = html.index("Ủy ban MTTQ Việt Nam tỉnh Sóc Trăng")
    assert province < html.index("Ban Phong trào – Tuyên giáo") < html.index("Thêm đơn vị")
    assert "Cấp huyện" in html and "depth-1" in html


def test_create_a_unit_under_a_district_and_edit_it(demo, login_as, client, db):
    from editorial.units.models import Unit

    auth = login_as("quantri")
    assert _unit(auth).status_code == 303
    html = client.get("/admin/units").get_data(as_text=True)
    assert html.index("huyện Kế Sách") < html.index("Ủy ban MTTQ xã Thử Nghiệm")
    assert "depth-2" in html
    commune = unit_id("xã Thử Nghiệm")
    page = client.get(f"/admin/units/{commune}").get_data(as_text=True)
    assert 'value="31999"' in page
    response = _unit(auth, f"/admin/units/{commune}", name="Ủy ban MTTQ phường Thử",
                     parent_id=str(unit_id("huyện Trần Đề")), code="")
    assert response.status_code == 303
    db.session.expire_all()
    changed = db.session.get(Unit, commune)
    assert changed.name == "Ủy ban MTTQ phường Thử" and changed.code is None
    assert changed.parent.name.endswith("Trần Đề")
    [created], [updated] = entries("unit.create"), entries("unit.update")
    assert created.subject_id == updated.subject_id == commune == updated.unit_id
    assert '"code": "31999"' in updated.before and '"code": null' in updated.after
    assert updated.actor.login == "quantri"


def test_a_unit_cannot_move_under_itself_or_its_descendants(demo, login_as, db):
    from editorial.units.models import Unit

    auth = login_as("quantri")
    province = unit_id(PROVINCE)
    district = unit_id("huyện Kế Sách")
    _unit(auth)
    commune = unit_id("xã Thử Nghiệm")
    for unit, parent in ((province, district), (province, commune), (district, district)):
        response = _unit(auth, f"/admin/units/{unit}", name="Tên mới", kind="province",
                         parent_id=str(parent), code="")
        assert response.status_code == 422, (unit, parent)
        assert "Không thể đặt đơn vị dưới chính nó" in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Unit, province).parent_id is None
    assert db.session.get(Unit, district).parent_id == province
    assert entries("unit.update") == []


def test_bad_unit_input_is_422_with_the_form_kept(demo, login_as):
    auth = login_as("quantri")
    _unit(auth)
    cases = [({"name": ""}, "Vui lòng nhập tên đơn vị"),
             ({"kind": "planet"}, "Hãy chọn loại đơn vị"),
             ({"parent_id": "abc"}, "Hãy chọn đơn vị cấp trên"),
             ({"parent_id": "99999"}, "Đơn vị cấp trên đã chọn không tồn tại"),
             ({"code": "31999", "name": "Xã khác"}, "Mã đơn vị “31999” đã được dùng"),
             ({"short_name": "x" * 81}, "Tên viết tắt quá dài")]
    for changes, message in cases:
        response = _unit(auth, **changes)
        html = response.get_data(as_text=True)
        assert response.status_code == 422, changes
        assert message in html and "<form" in html, changes
    assert len(entries("unit.create")) == 1


def test_unknown_units_are_404(demo, login_as, client):
    auth = login_as("quantri")
    assert client.get("/admin/units/99999").status_code == 404
    assert _unit(auth, "/admin/units/99999").status_code == 404
