"""The unit import on /admin/units: upload → preview (nothing saved) → confirm (one transaction);
bad files flagged on their rows with a 4xx; admins only; the export reads back unchanged."""

from __future__ import annotations

import base64
import io
import re
from pathlib import Path

import pytest
from sqlalchemy import func, select

import editorial.demo
from editorial.extensions import db
from editorial.units.models import Unit
from tests.helpers import Auth

CSV = Path(editorial.demo.__file__).resolve().parent / "data" / "can_tho_units.csv"
CAN_THO = "Ủy ban MTTQ Việt Nam thành phố Cần Thơ"
HEADER = "Tên đơn vị,Tên viết tắt,Loại,Đơn vị cấp trên,Mã,Hiệu lực từ,Hiệu lực đến,Hình thành từ\n"


@pytest.fixture
def admin(runner, client) -> Auth:
    """Cần Thơ set up from zero, its admin logged in."""
    result = runner.invoke(args=["setup", "--province", CAN_THO, "--admin", "ct.admin",
                                 "--password", "mat-khau-123"])
    assert result.exit_code == 0, result.output
    auth = Auth(client)
    assert auth.login("ct.admin", "mat-khau-123").status_code == 303
    return auth


def _units() -> int:
    db.session.expire_all()
    return db.session.scalar(select(func.count()).select_from(Unit))


def _upload(auth: Auth, data: bytes, name: str = "don-vi.csv"):
    return auth.post("/admin/units/import", {"file": (io.BytesIO(data), name)},
                     content_type="multipart/form-data")


def _confirm_fields(html: str) -> dict[str, str]:
    return dict(re.findall(r'name="(content|filename|fingerprint)" value="([^"]*)"', html))


def test_preview_then_confirm_saves_the_103_communes(admin, client):
    response = _upload(admin, CSV.read_bytes())
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "Ủy ban MTTQ Việt Nam phường Ninh Kiều" in html and "Thêm mới" in html
    assert "Xác nhận và lưu 113 đơn vị" in html
    assert _units() == 1  # the preview saved nothing
    saved = admin.post("/admin/units/import/confirm", _confirm_fields(html))
    assert saved.status_code == 303 and "imported=113" in saved.headers["Location"]
    assert _units() == 113
    page = client.get(saved.headers["Location"]).get_data(as_text=True)
    assert "Đã lưu 113 đơn vị từ tệp." in page
    assert page.index(CAN_THO) < page.index("phường Ninh Kiều")
    again = _upload(admin, CSV.read_bytes()).get_data(as_text=True)
    assert "không có gì để lưu" in again and "Xác nhận và lưu" not in again


def test_a_bad_file_is_flagged_on_its_rows_and_cannot_be_confirmed(admin):
    bad = (HEADER + f"Xã Một,,xã,{CAN_THO},31001,,,\nXã Hai,,xã,Không Có,31002,,,\n"
           f"Hội Ba,,hội đoàn,{CAN_THO},31003,,,\nXã Bốn,,xã,{CAN_THO},31001,,,\n").encode()
    response = _upload(admin, bad)
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "3 dòng có lỗi; chưa lưu gì" in html and "Xác nhận và lưu" not in html
    for message in ("Không tìm thấy đơn vị cấp trên “Không Có”", "Loại đơn vị không rõ",
                    "Mã “31001” trùng với dòng 2"):
        assert message in html
    forged = {"content": base64.b64encode(bad).decode(), "filename": "x.csv", "fingerprint": ""}
    refused = admin.post("/admin/units/import/confirm", forged)
    assert refused.status_code == 422 and _units() == 1


@pytest.mark.parametrize(("data", "name", "message"), [
    (b"", "", "Hãy chọn tệp"),
    (b"x", "units.pdf", "Chỉ nhận tệp .csv hoặc .xlsx"),
    (b"\xff\xfe\x00", "units.csv", "không phải mã UTF-8"),
    (b"PK-not-a-workbook", "units.xlsx", "Không đọc được tệp Excel"),
    (b"a,b\n1,2\n", "units.csv", "Dòng tiêu đề thiếu cột"),
    (HEADER.encode(), "units.csv", "không có dòng đơn vị nào"),
])
def test_unreadable_uploads_are_a_422_in_vietnamese(admin, data, name, message):
    response = _upload(admin, data, name)
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)


@pytest.mark.parametrize("fields", [
    {}, {"content": "***", "filename": "a.csv"}, {"content": "eA==", "filename": "a.exe"},
])
def test_a_broken_confirm_is_a_422(admin, fields):
    assert admin.post("/admin/units/import/confirm", fields).status_code == 422


def test_units_changed_after_the_preview_are_a_409_with_the_new_preview(admin):
    html = _upload(admin, CSV.read_bytes()).get_data(as_text=True)
    db.session.add(Unit(name="Ban Phong trào", kind="department",
                        parent=db.session.scalar(select(Unit))))
    db.session.commit()
    response = admin.post("/admin/units/import/confirm", _confirm_fields(html))
    assert response.status_code == 409
    assert "vừa thay đổi sau khi xem trước" in response.get_data(as_text=True)
    assert _units() == 2


def test_the_export_downloads_the_tree_and_reads_back_unchanged(admin, client):
    admin.post("/admin/units/import/confirm",
               _confirm_fields(_upload(admin, CSV.read_bytes()).get_data(as_text=True)))
    response = client.get("/admin/units/export.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    lines = response.get_data().decode("utf-8-sig").splitlines()
    assert len(lines) == 114 and lines[1].startswith(CAN_THO)
    again = _upload(admin, response.get_data()).get_data(as_text=True)
    assert "không có gì để lưu" in again


def test_only_admins_import_or_export(demo, login_as, client):
    auth = login_as("bientap")
    assert client.get("/admin/units/export.csv").status_code == 403
    assert _upload(auth, CSV.read_bytes()).status_code == 403
    assert auth.post("/admin/units/import/confirm", {}).status_code == 403
    client.post("/logout", data={"csrf_token": ""})


def test_the_export_holds_only_the_admins_province(admin, demo, client):
    text = client.get("/admin/units/export.csv").get_data().decode("utf-8-sig")
    assert CAN_THO in text and "Sóc Trăng" not in text


def test_without_the_csrf_token_nothing_is_read(admin, client):
    response = client.post("/admin/units/import", data={"file": (io.BytesIO(b"x"), "a.csv")},
                           content_type="multipart/form-data")
    assert response.status_code == 400


def test_an_xlsx_file_previews_and_flags_a_code_of_another_province(admin, demo):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(HEADER.strip().split(","))
    sheet.append(["Ủy ban MTTQ Việt Nam phường Ninh Kiều", "Phường Ninh Kiều", "phường", CAN_THO,
                  "31135", "01/07/2025", None, None])
    sheet.append(["Xã Trùng Mã", None, "xã", CAN_THO, "ST-1", None, None, None])
    db.session.scalar(select(Unit).where(Unit.name.contains("tỉnh Sóc Trăng"))).code = "ST-1"
    db.session.commit()
    out = io.BytesIO()
    book.save(out)
    response = _upload(admin, out.getvalue(), "don-vi.xlsx")
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "phường Ninh Kiều" in html and "01/07/2025" in html
    assert "đã được một đơn vị của tỉnh, thành phố khác dùng" in html
