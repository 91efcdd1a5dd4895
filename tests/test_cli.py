"""The admin commands: demo load is idempotent, users create finds units without diacritics."""

from sqlalchemy import func, select

from editorial.auth.models import User
from editorial.extensions import db as _db


def _row_counts() -> dict[str, int]:
    return {t.name: _db.session.scalar(select(func.count()).select_from(t))
            for t in _db.metadata.sorted_tables}


def test_demo_load_twice_changes_nothing(app, runner):
    result = runner.invoke(args=["demo", "load"])
    assert result.exit_code == 0, result.output
    first = _row_counts()
    assert first["units"] == 14 + 113  # Sóc Trăng 2023, Cần Thơ today (1 + 4 + 5 + 103)
    assert first["users"] == 14 + 11
    assert first["plans"] == 2  # TODAY is in 2023: Sóc Trăng's, and Cần Thơ's of TODAY's year
    assert runner.invoke(args=["demo", "load"]).exit_code == 0
    assert _row_counts() == first


def test_demo_soc_trang_stays_in_2023_and_can_tho_has_the_current_year(app, runner):
    app.config["TODAY"] = app.config["TODAY"].replace(year=2026)
    assert runner.invoke(args=["demo", "load"]).exit_code == 0
    counts = _row_counts()
    from editorial.plans.models import Plan

    plans = {(p.year, p.unit.code) for p in _db.session.scalars(select(Plan))}
    assert plans == {(2023, None), (2026, "92")}  # no Sóc Trăng plan with 2023 texts in 2026
    current = _db.session.scalar(select(Plan).where(Plan.year == 2026))
    slots = [s for c in current.columns for s in c.slots]
    assert len(slots) == 24 and not any("2023" in s.topic for s in slots)
    done = sorted({s.period_start.month for s in slots if s.status == "done"})
    assert done == [1, 2]  # TODAY is 15/3/2026: January and February have run
    assert all(s.air_date or s.print_date for s in slots if s.status == "done")
    kinds = {s.assigned_unit.kind.value for s in slots}
    assert kinds == {"commune", "department", "member_org"}
    assert runner.invoke(args=["demo", "load"]).exit_code == 0
    assert _row_counts() == counts


def test_users_create_with_unit_without_diacritics(app, runner, demo, client):
    result = runner.invoke(args=["users", "create", "cbks", "--role", "officer", "--unit",
                                 "ke sach", "--password", "mat-khau-123"])
    assert result.exit_code == 0, result.output
    user = _db.session.scalar(select(User).where(User.login == "cbks"))
    assert user.unit.name == "Ủy ban MTTQVN huyện Kế Sách" and user.role == "officer"
    assert user.password_hash != "mat-khau-123"


def test_users_create_by_unit_id_and_refusals(app, runner, demo):
    unit_id = _db.session.scalar(select(User.unit_id).where(User.login == "bientap"))
    ok = runner.invoke(args=["users", "create", "ed2", "--role", "editor", "--unit", str(unit_id),
                             "--password", "mat-khau-123"])
    assert ok.exit_code == 0, ok.output
    again = runner.invoke(args=["users", "create", "ed2", "--role", "editor", "--unit",
                                str(unit_id), "--password", "mat-khau-123"])
    assert again.exit_code != 0 and "đã được dùng" in again.output
    vague = runner.invoke(args=["users", "create", "x1", "--role", "officer", "--unit", "huyen",
                                "--password", "mat-khau-123"])
    assert vague.exit_code != 0 and "khớp nhiều đơn vị" in vague.output
    unknown = runner.invoke(args=["users", "create", "x2", "--role", "officer", "--unit",
                                  "Hà Nội", "--password", "mat-khau-123"])
    assert unknown.exit_code != 0 and "Không tìm thấy đơn vị" in unknown.output


def test_units_list_shows_the_tree(app, runner, demo):
    result = runner.invoke(args=["units", "list"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert len(lines) == 14
    assert "Ủy ban MTTQ Việt Nam tỉnh Sóc Trăng" in lines[0]
    assert any("  Ban Phong trào – Tuyên giáo" in line and "department" in line for line in lines)
