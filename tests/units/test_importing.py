"""The unit import: reading .csv/.xlsx, the preview's actions and errors, the export round trip."""

from __future__ import annotations

import ast
import io
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

import editorial.units
from editorial.units.importfile import RawRow
from editorial.units.importing import (
    ExistingUnit,
    has_errors,
    preview,
    read_rows,
    save_order,
    write_csv,
)
from editorial.units.importvalues import parse_date, parse_kind

HEADER = "Tên đơn vị,Tên viết tắt,Loại,Đơn vị cấp trên,Mã,Hiệu lực từ,Hiệu lực đến,Hình thành từ"
PROVINCE = "Ủy ban MTTQ Việt Nam thành phố Cần Thơ,TP Cần Thơ,province,,92,01/07/2025,,"
EXISTING = [
    ExistingUnit(1, "Ủy ban MTTQ Việt Nam thành phố Cần Thơ", "TP Cần Thơ", "province", "92",
                 None, date(2025, 7, 1)),
    ExistingUnit(2, "Văn phòng", "VP", "department", None, "92"),
    ExistingUnit(3, "Ủy ban MTTQ Việt Nam xã Cũ", "Xã Cũ", "commune", "31999", "92",
                 None, date(2025, 6, 30)),
    ExistingUnit(4, "Ủy ban MTTQ Việt Nam phường Mới", "Phường Mới", "commune", "31500", "92",
                 date(2025, 7, 1), None, ("31999",)),
]  # fmt: skip


def csv_file(*lines: str, header: str = HEADER, bom: bool = True) -> bytes:
    """A CSV unit file from its lines."""
    return ("\ufeff" if bom else "").encode() + "\r\n".join([header, *lines]).encode("utf-8")


def previewed(*lines: str, existing: list[ExistingUnit] | None = None):
    """The preview of a CSV file of these lines, by line number."""
    rows = preview(read_rows(csv_file(*lines), "units.csv"), existing or [])
    return {row.line: row for row in rows}


# Reading files


def test_csv_with_vietnamese_headers_semicolons_and_bom() -> None:
    data = csv_file(
        'Ủy ban MTTQ Việt Nam xã Trần Đề;Xã Trần Đề;xã;92;31673;01/07/2025;;"A; B"',
        header=HEADER.replace(",", ";"),
    )
    [row] = read_rows(data, "DonVi.CSV")
    assert row == RawRow(2, "Ủy ban MTTQ Việt Nam xã Trần Đề", "Xã Trần Đề", "xã", "92", "31673",
                         "01/07/2025", "", "A; B")  # fmt: skip


def test_csv_headers_in_english_or_without_diacritics_in_any_case_and_order() -> None:
    data = csv_file("commune,31673,Xã Trần Đề", header="KIND, code ,TEN DON VI", bom=False)
    assert read_rows(data, "u.csv") == [RawRow(2, "Xã Trần Đề", kind="commune", code="31673")]
    english = "Name,Short name,Kind,Parent,Official code,Valid from,Valid to,Formed from"
    [row] = read_rows(csv_file("A,a,ban,92,X,,,", header=english), "u.csv")
    assert (row.name, row.short_name, row.kind, row.parent) == ("A", "a", "ban", "92")


def test_blank_lines_are_skipped_and_line_numbers_are_the_files() -> None:
    rows = read_rows(csv_file("A,,ban,,,,,", ",,,,,,,", "", "B,,ban,,,,,"), "u.csv")
    assert [(row.line, row.name) for row in rows] == [(2, "A"), (5, "B")]


def test_xlsx_first_sheet_with_date_cells_and_number_codes() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER.split(","))
    sheet.append(["Ủy ban MTTQ Việt Nam phường Ninh Kiều", "Phường Ninh Kiều", "phường", 92, 31135,
                  datetime(2025, 7, 1), date(2030, 12, 31), None])  # fmt: skip
    book.create_sheet("Other").append(["ignored"])
    out = io.BytesIO()
    book.save(out)
    [row] = read_rows(out.getvalue(), "don-vi.xlsx")
    assert (row.line, row.parent, row.code) == (2, "92", "31135")
    assert (row.valid_from, row.valid_to, row.formed_from) == ("2025-07-01", "2030-12-31", "")


@pytest.mark.parametrize(
    ("data", "filename", "message"),
    [
        (b"a,b", "units.txt", "Chỉ nhận tệp .csv hoặc .xlsx"),
        (b"a,b", "units", "Chỉ nhận tệp .csv hoặc .xlsx"),
        ("Tên đơn vị,Loại\nXã Đại Tâm,xã".encode("utf-16"), "u.csv", "UTF-8"),
        (b"not a zip", "u.xlsx", "Không đọc được tệp Excel"),
        (b"", "u.csv", "Tệp không có dữ liệu"),
        ("Tên đơn vị,Mã\nA,1".encode(), "u.csv", "thiếu cột “Loại”"),
    ],
)
def test_unreadable_files_raise_a_vietnamese_value_error(data, filename, message) -> None:
    with pytest.raises(ValueError, match=message):
        read_rows(data, filename)


# Values


@pytest.mark.parametrize(
    ("word", "kind"),
    [
        ("commune", "commune"), ("xã", "commune"), ("Phường", "commune"), ("đặc khu", "commune"),
        ("cấp xã", "commune"), ("ban", "department"), ("Ban chuyên môn", "department"),
        ("department", "department"), ("tổ chức thành viên", "member_org"),
        ("member_org", "member_org"), ("huyện", "district"), ("cap huyen", "district"),
        ("tỉnh", "province"), ("thành phố trực thuộc TW", "province"), ("CẤP TỈNH", "province"),
        ("thành phố", None), ("", None),
    ],
)  # fmt: skip
def test_kinds_as_codes_or_vietnamese_words(word: str, kind: str | None) -> None:
    assert parse_kind(word) == kind


def test_dates_day_first_or_iso() -> None:
    assert parse_date("01/07/2025") == parse_date("1/7/2025") == date(2025, 7, 1)
    assert parse_date("2025-07-01") == date(2025, 7, 1)
    for bad in ("07/2025", "2025/07/01", "31/02/2025", "1.7.2025"):
        with pytest.raises(ValueError):
            parse_date(bad)


def test_empty_dates_are_open_and_formed_from_splits_on_semicolons() -> None:
    row = previewed(PROVINCE, 'Xã A,,xã,92,1,,,"92 ; "')[3]
    assert (row.unit.valid_from, row.unit.valid_to, row.unit.formed_from) == (None, None, ("92",))


# Errors, each on its own row


@pytest.mark.parametrize(
    ("line", "error"),
    [
        (",Không tên,xã,92,C1,,,", "Thiếu tên đơn vị."),
        ("Xã B,,làng,92,C2,,,", "Loại đơn vị không rõ: “làng”."),
        ("Xã C,,,92,C3,,,", "Thiếu loại đơn vị."),
        ("Xã D,,xã,92,C4,32/01/2025,,", "Ngày không hợp lệ: “32/01/2025” (cột “Hiệu lực từ”)."),
        ("Xã E,,xã,92,C5,,tháng 7,", "Ngày không hợp lệ: “tháng 7” (cột “Hiệu lực đến”)."),
        ("Xã F,,xã,92,C6,01/07/2025,30/06/2025,", "“Hiệu lực đến” trước “Hiệu lực từ”."),
        ("Xã G,,xã,Huyện Ma,C7,,,", "Không tìm thấy đơn vị cấp trên “Huyện Ma”"),
        ("Xã H,,xã,92,C8,,,Xã Ma", "Không tìm thấy đơn vị “Xã Ma” ở cột “Hình thành từ”"),
        ("Xã I,,xã,C9,C9,,,", "Đơn vị không thể là cấp trên của chính nó."),
        ("Xã J,,xã,92,C10,,,C10", "Đơn vị không thể hình thành từ chính nó."),
        ("Xã K,,xã,92," + "9" * 21 + ",,,", "Cột “Mã” dài quá 20 ký tự."),
    ],
)
def test_each_error_is_flagged_on_its_own_row(line: str, error: str) -> None:
    rows = previewed(PROVINCE, line, "Xã Tốt,,xã,92,OK,,,")
    assert rows[2].errors == () and rows[4].errors == ()
    assert len(rows[3].errors) == 1 and rows[3].errors[0].startswith(error)
    assert has_errors(rows.values()) and not has_errors([rows[2], rows[4]])


def test_duplicate_codes_flag_the_second_and_later_rows() -> None:
    rows = previewed(PROVINCE, "Xã A,,xã,92,100,,,", "Xã B,,xã,92,100,,,", "Xã C,,xã,92,100,,,")
    assert rows[3].errors == ()
    assert rows[4].errors == rows[5].errors == ("Mã “100” trùng với dòng 3.",)


def test_a_unit_named_twice_without_a_code_is_a_duplicate_and_an_ambiguous_parent() -> None:
    office = "Văn phòng,,ban,92,,,,"
    rows = previewed(PROVINCE, office, office, "Tổ,,ban,Văn phòng,,,,")
    assert rows[4].errors[0].startswith("Đơn vị “Văn phòng” trùng với dòng 3")
    assert rows[5].errors == ("“Văn phòng” khớp với 2 đơn vị; hãy ghi mã thay cho tên.",)


def test_a_child_of_a_row_with_errors_is_not_saved_either() -> None:
    rows = previewed(PROVINCE, "Ban X,,làng,92,BX,,,", "Tổ Y,,ban,BX,TY,,,", "Tổ Z,,ban,TY,TZ,,,")
    assert rows[4].errors == ("Dòng 3 (“Ban X”) có lỗi.",)
    assert rows[5].errors == ("Dòng 4 (“Tổ Y”) có lỗi.",)
    assert [row.line for row in save_order(list(rows.values()))] == [2]


# Parents and cycles


def test_parents_may_come_after_their_children_and_are_saved_first() -> None:
    rows = previewed("Tổ,,ban,b1,T,,,", "Ban,,ban,92,b1,,,", PROVINCE)
    assert not has_errors(rows.values())
    assert (rows[2].parent_link.line, rows[3].parent_link.line, rows[4].parent_link) == (3, 4, None)
    assert [row.line for row in save_order(list(rows.values()))] == [4, 3, 2]


def test_parents_by_name_without_diacritics_or_by_an_existing_unit() -> None:
    rows = previewed("Tổ,,ban,van phong,T,,,", "Xã Mới,,xã,92,X,,,31999", existing=EXISTING)
    assert rows[2].parent_link.unit_id == 2 and rows[2].parent_link.line is None
    assert rows[3].parent_link.unit_id == 1
    assert [link.unit_id for link in rows[3].formed_from_links] == [3]


def test_parent_cycles_in_the_file_flag_every_row_of_the_cycle() -> None:
    rows = previewed(PROVINCE, "Ban A,,ban,B,A,,,", "Ban B,,ban,C,B,,,", "Ban C,,ban,A,C,,,",
                     "Tổ D,,ban,A,D,,,")  # fmt: skip
    for line in (3, 4, 5):
        assert len(rows[line].errors) == 1
        assert rows[line].errors[0].startswith("Cấp trên tạo thành vòng lặp: ")
    assert rows[3].errors[0].endswith("Ban A → Ban B → Ban C → Ban A.")
    assert rows[6].errors == ("Dòng 3 (“Ban A”) có lỗi.",)
    assert rows[2].errors == ()


def test_a_cycle_through_the_database_is_flagged_too() -> None:
    existing = [*EXISTING, ExistingUnit(5, "Tổ", "", "department", "T", "VP-CODE")]
    existing[1] = ExistingUnit(2, "Văn phòng", "VP", "department", "VP-CODE", "92")
    rows = previewed("Văn phòng,VP,ban,T,VP-CODE,,,", existing=existing)
    assert rows[2].errors == ("Cấp trên tạo thành vòng lặp: Văn phòng → Tổ → Văn phòng.",)


# Actions


def test_actions_matched_on_code_or_on_name_and_kind() -> None:
    rows = previewed(
        PROVINCE,
        "Van Phong,VP,ban chuyên môn,92,,,,",
        "Ủy ban MTTQ Việt Nam xã Cũ,Xã Cũ,xã,92,31999,,30/06/2025,",
        "Ủy ban MTTQ Việt Nam phường Mới (đổi tên),Phường Mới,phường,92,31500,01/07/2025,,",
        "Ủy ban MTTQ Việt Nam xã Mới,Xã Mới,xã,92,31600,01/07/2025,,",
        existing=EXISTING,
    )
    actions = {line: (row.action, row.existing_id) for line, row in rows.items()}
    assert actions == {2: ("unchanged", 1), 3: ("update", 2), 4: ("unchanged", 3),
                       5: ("update", 4), 6: ("new", None)}  # fmt: skip


def test_a_changed_parent_or_lineage_is_an_update() -> None:
    rows = previewed(
        "Văn phòng,VP,ban,31500,,,,",
        "Ủy ban MTTQ Việt Nam phường Mới,Phường Mới,phường,92,31500,01/07/2025,,",
        existing=EXISTING,
    )
    assert (rows[2].action, rows[3].action) == ("update", "update")


def test_a_code_given_to_a_unit_that_had_none_is_an_update_not_a_new_unit() -> None:
    rows = previewed("Văn phòng,VP,ban,92,CT-VP,,,", existing=EXISTING)
    assert (rows[2].action, rows[2].existing_id) == ("update", 2)


# Export


def test_export_is_excel_friendly_and_defuses_formulas() -> None:
    data = write_csv([ExistingUnit(9, "=HYPERLINK(1)", "+1", "department", "@x", "-2")])
    assert data.startswith(b"\xef\xbb\xbf" + HEADER.encode())
    assert data.decode("utf-8-sig").splitlines()[1] == "'=HYPERLINK(1),'+1,department,'-2,'@x,,,"
    [row] = read_rows(data, "u.csv")
    assert (row.name, row.short_name, row.parent, row.code) == ("=HYPERLINK(1)", "+1", "-2", "@x")
    quoted = write_csv([ExistingUnit(9, "'=x", "'a", "ban", None, None)])
    assert (read_rows(quoted, "u.csv")[0].name, read_rows(quoted, "u.csv")[0].short_name) == (
        "'=x",
        "'a",
    )


def test_export_then_import_changes_nothing() -> None:
    rows = preview(read_rows(write_csv(reversed(EXISTING)), "export.csv"), EXISTING)
    assert [(row.action, row.errors) for row in rows] == [("unchanged", ())] * len(EXISTING)
    assert [row.existing_id for row in save_order(rows)] == [1, 4, 3, 2]  # parent, then file order


def test_export_then_import_into_an_empty_province_creates_everything() -> None:
    rows = preview(read_rows(write_csv(EXISTING), "export.csv"), [])
    assert {row.action for row in rows} == {"new"} and not has_errors(rows)


# Purity


def test_the_import_modules_use_neither_web_nor_database() -> None:
    package = Path(editorial.units.__file__).resolve().parent
    for name in ("importfile.py", "importvalues.py", "importlinks.py", "importing.py"):
        tree = ast.parse((package / name).read_text(encoding="utf-8"))
        imported = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
        imported += [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
        bad = [m for m in imported if m.split(".")[0] in {"flask", "sqlalchemy", "werkzeug"}
               or m.startswith("flask_") or m == "editorial.units.models"]  # fmt: skip
        assert bad == [], name
