"""`flask setup`: a province from zero, then a further one; idempotent; no takeover."""

from __future__ import annotations

import json

from sqlalchemy import func, select

from editorial.auth.models import User
from editorial.extensions import db
from editorial.units.models import ProvinceSettings, Unit

CAN_THO = "Ủy ban MTTQ Việt Nam thành phố Cần Thơ"


def _counts() -> tuple[int, int, int]:
    return tuple(db.session.scalar(select(func.count()).select_from(model))
                 for model in (Unit, User, ProvinceSettings))


def _setup(runner, province: str = CAN_THO, admin: str = "ct.admin", *extra, **kwargs):
    return runner.invoke(args=["setup", "--province", province, "--admin", admin, *extra],
                         **kwargs)


def test_an_empty_database_gets_a_province_its_settings_and_its_admin(app, runner, client):
    result = _setup(runner, CAN_THO, "ct.admin", "--password", "mat-khau-123")
    assert result.exit_code == 0, result.output
    assert "Đã tạo" in result.output and "ct.admin" in result.output
    province = db.session.scalars(select(Unit)).one()
    assert (province.name, province.kind, province.parent_id) == (CAN_THO, "province", None)
    admin = db.session.scalars(select(User)).one()
    assert admin.role == "admin" and admin.unit_id == province.id
    assert admin.password_hash != "mat-khau-123"
    stored = db.session.get(ProvinceSettings, province.id)
    assert stored.focal_unit_id is None
    assert stored.assignable_kinds == stored.registering_kinds == "commune,department,member_org"
    assert json.loads(stored.quota_json) == {"commune": [2, 1]}
    from tests.helpers import Auth

    response = Auth(client).login("ct.admin", "mat-khau-123")
    assert response.status_code == 303
    assert client.get("/admin/units").status_code == 200


def test_the_password_is_asked_hidden_and_twice_when_not_given(app, runner):
    result = _setup(runner, input="mat-khau-123\nmat-khau-123\n")
    assert result.exit_code == 0, result.output
    assert "Mật khẩu" in result.output and "mat-khau-123" not in result.output
    assert db.session.scalars(select(User)).one().check_password("mat-khau-123")
    short = _setup(runner, "Ủy ban MTTQ Việt Nam tỉnh An Giang", "ag.admin",
                   input="ngan\nngan\n")
    assert short.exit_code != 0 and "ít nhất 8 ký tự" in short.output
    assert _counts() == (1, 1, 1)  # nothing of the refused province was kept


def test_running_it_again_changes_nothing_and_says_so(app, runner):
    assert _setup(runner, CAN_THO, "ct.admin", "--password", "mat-khau-123").exit_code == 0
    before = _counts()
    again = _setup(runner, "uy ban mttq viet nam thanh pho can tho", "CT.ADMIN")
    assert again.exit_code == 0, again.output
    assert "không thay đổi gì" in again.output and "Mật khẩu" not in again.output
    assert _counts() == before


def test_a_further_province_beside_a_running_one(app, runner, demo):
    before = _counts()
    result = _setup(runner, "Ủy ban MTTQ Việt Nam tỉnh An Giang", "ag.admin",
                    "--password", "mat-khau-123")
    assert result.exit_code == 0, result.output
    assert _counts() == (before[0] + 1, before[1] + 1, before[2] + 1)
    admin = db.session.scalar(select(User).where(User.login == "ag.admin"))
    assert admin.unit.name == "Ủy ban MTTQ Việt Nam tỉnh An Giang" and admin.unit.parent is None


def test_an_existing_province_with_another_admin_is_refused(app, runner, demo):
    before = _counts()
    result = _setup(runner, "Ủy ban MTTQ Việt Nam tỉnh Sóc Trăng", "nguoi.la",
                    "--password", "mat-khau-123")
    assert result.exit_code != 0
    assert "đã có quản trị viên: quantri" in result.output and "nguoi.la" in result.output
    assert _counts() == before


def test_a_login_taken_elsewhere_is_refused_before_any_password(app, runner, demo):
    before = _counts()
    result = _setup(runner, "Ủy ban MTTQ Việt Nam tỉnh An Giang", "quantri")
    assert result.exit_code != 0 and "đã được dùng" in result.output
    assert "Mật khẩu" not in result.output and _counts() == before


def test_a_province_without_an_admin_gets_one(app, runner):
    db.session.add(Unit(name=CAN_THO, kind="province"))
    db.session.commit()
    result = _setup(runner, CAN_THO, "ct.admin", "--password", "mat-khau-123")
    assert result.exit_code == 0, result.output
    assert "cài đặt mặc định, quản trị viên" in result.output
    assert _counts() == (1, 1, 1)
