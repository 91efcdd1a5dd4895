"""`flask units import | export`: Cần Thơ from zero, a second import changes nothing, a bad file
is flagged row by row and saves nothing, the export reads back as the same tree."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import func, select

import editorial.demo
from editorial.audit.models import AuditEntry
from editorial.extensions import db
from editorial.units.models import Unit

CSV = Path(editorial.demo.__file__).resolve().parent / "data" / "can_tho_units.csv"
CAN_THO = "Ủy ban MTTQ Việt Nam thành phố Cần Thơ"
HEADER = "Tên đơn vị,Tên viết tắt,Loại,Đơn vị cấp trên,Mã,Hiệu lực từ,Hiệu lực đến,Hình thành từ\n"


@pytest.fixture
def can_tho(runner) -> None:
    result = runner.invoke(args=["setup", "--province", CAN_THO, "--admin", "ct.admin",
                                 "--password", "mat-khau-123"])
    assert result.exit_code == 0, result.output


def _count(*where) -> int:
    return db.session.scalar(select(func.count()).select_from(Unit).where(*where))


def _import(runner, path: Path, *extra: str, **kwargs):
    return runner.invoke(args=["units", "import", str(path), *extra], **kwargs)


def test_can_tho_from_zero_then_a_second_import_changes_nothing(app, runner, can_tho):
    result = _import(runner, CSV, "--yes")
    assert result.exit_code == 0, result.output
    assert "Đã lưu 113 đơn vị" in result.output
    assert result.output.count("Thêm mới") == 112 and result.output.count("Cập nhật") == 1
    province = db.session.scalars(select(Unit).where(Unit.parent_id.is_(None))).one()
    assert (province.name, province.code) == (CAN_THO, "92")
    kinds = Counter(u.kind.value for u in db.session.scalars(select(Unit)))
    assert kinds == {"province": 1, "commune": 103, "member_org": 5, "department": 4}
    assert _count(Unit.kind == "commune", Unit.parent_id == province.id,
                  Unit.province_id == province.id) == 103
    ninh_kieu = db.session.scalar(select(Unit).where(Unit.code == "31135"))
    assert ninh_kieu.short_name == "Phường Ninh Kiều" and str(ninh_kieu.valid_from) == "2025-07-01"
    audited = db.session.scalar(select(func.count()).select_from(AuditEntry)
                                .where(AuditEntry.action == "unit.create"))
    assert audited == 113  # setup's province, then the 112 new units of the file
    entries = db.session.scalar(select(func.count()).select_from(AuditEntry))
    again = _import(runner, CSV)  # no --yes: nothing to confirm
    assert again.exit_code == 0, again.output
    assert again.output.count("Không đổi") == 113 and "không thay đổi gì" in again.output
    assert _count() == 113
    assert db.session.scalar(select(func.count()).select_from(AuditEntry)) == entries


def test_nothing_is_saved_unless_confirmed(app, runner, can_tho):
    result = _import(runner, CSV, input="n\n")
    assert result.exit_code != 0 and "Lưu 113 thay đổi" in result.output
    db.session.rollback()
    assert _count() == 1


def test_a_bad_file_is_flagged_row_by_row_and_saves_nothing(app, runner, can_tho, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + f"{CAN_THO},,tỉnh,,92,,,\n"
                   "Xã Một,,xã,92,31001,,,\n"
                   "Xã Hai,,xã,Không Có,31002,,,\n"
                   "Hội Ba,,hội đoàn,92,31003,,,\n"
                   "Xã Bốn,,xã,92,31001,,,\n"
                   "Xã Năm,,xã,,31005,,,\n", encoding="utf-8")
    result = _import(runner, bad, "--yes")
    assert result.exit_code != 0
    lines = result.output.splitlines()

    def errors_of(line: int) -> str:
        start = next(i for i, text in enumerate(lines) if text.startswith(f"Dòng {line:>4}"))
        return "\n".join(lines[start + 1:start + 3])

    assert "Không tìm thấy đơn vị cấp trên “Không Có”" in errors_of(4)
    assert "Loại đơn vị không rõ: “hội đoàn”" in errors_of(5)
    assert "Mã “31001” trùng với dòng 3" in errors_of(6)
    assert "Thiếu đơn vị cấp trên" in errors_of(7)
    assert "✗" not in errors_of(3).split("Dòng")[0]
    assert "4 dòng có lỗi; không lưu gì" in result.output
    db.session.rollback()
    assert _count() == 1 and db.session.scalars(select(Unit)).one().code is None


def test_a_code_of_another_province_is_flagged(app, runner, can_tho, tmp_path):
    db.session.add(Unit(name="Ủy ban MTTQ tỉnh Khác", kind="province", code="77"))
    db.session.commit()
    clash = tmp_path / "clash.csv"
    clash.write_text(HEADER + f"Xã Một,,xã,{CAN_THO},77,,,\n", encoding="utf-8")
    result = _import(runner, clash, "--province", "can tho", "--yes")
    assert result.exit_code != 0 and "tỉnh, thành phố khác dùng" in result.output


def test_several_provinces_need_one_chosen(app, runner, can_tho, demo):
    result = _import(runner, CSV, "--yes")
    assert result.exit_code != 0 and "--province" in result.output
    unknown = _import(runner, CSV, "--province", "Hà Nội")
    assert unknown.exit_code != 0 and "Không tìm thấy tỉnh" in unknown.output


def test_the_export_reads_back_as_the_same_tree(app, runner, can_tho, tmp_path):
    assert _import(runner, CSV, "--yes").exit_code == 0
    out = tmp_path / "out.csv"
    result = runner.invoke(args=["units", "export", "--province", "92", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8-sig")
    assert text.startswith(HEADER.rstrip("\n")) and len(text.splitlines()) == 114
    assert text.splitlines()[1] == f"{CAN_THO},Thành phố Cần Thơ,province,,92,2025-07-01,,"
    again = _import(runner, out)
    assert again.exit_code == 0 and "không thay đổi gì" in again.output


def test_an_unreadable_file_is_refused(app, runner, can_tho, tmp_path):
    wrong = tmp_path / "units.txt"
    wrong.write_text("x", encoding="utf-8")
    result = _import(runner, wrong)
    assert result.exit_code != 0 and "Chỉ nhận tệp .csv hoặc .xlsx" in result.output
