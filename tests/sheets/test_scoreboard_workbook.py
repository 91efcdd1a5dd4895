"""The scoreboard workbook: numbers as numbers, totals as the program's formulas, printable."""

import io
from datetime import date

from openpyxl import load_workbook

from editorial.website.rules import ItemKind
from tests.website.conftest import unit_named
from tests.website.test_scoreboard import _fill, _published


def _sheet(client):
    response = client.get("/website/scoreboard/2023.xlsx")
    assert response.status_code == 200
    return load_workbook(io.BytesIO(response.data)).active


def _row_of(sheet, label: str) -> int:
    return next(c.row for c in sheet["A"] if c.value == label)


def test_counts_are_numbers_in_a_tin_and_a_bai_column_per_month(demo, login_as, client, db):
    kesach = unit_named(db, "Kế Sách")
    _fill(db, kesach.id, 1)  # 2 tin, 1 bài: met
    _published(db, kesach.id, ItemKind.ARTICLE, date(2023, 3, 3))
    db.session.commit()
    login_as("bientap")
    sheet = _sheet(client)
    assert (sheet["A3"].value, sheet["B3"].value, sheet["D3"].value) == (
        "Đơn vị", "Tháng 1", "Tháng 2")
    assert (sheet["B4"].value, sheet["C4"].value, sheet["Z3"].value, sheet["AA3"].value,
            sheet["AB3"].value) == ("Tin", "Bài", "Tổng tin", "Tổng bài", "Số tháng đạt")
    line = _row_of(sheet, kesach.label)
    numbers = [sheet.cell(line, column).value for column in range(2, 26)]
    assert all(type(n) is int for n in numbers)
    assert numbers[:6] == [2, 1, 0, 0, 0, 1]
    assert sheet.cell(line, 28).value == 1 and sheet.cell(line, 28).data_type == "n"
    assert sheet.cell(line, 2).fill.fgColor.rgb.endswith("E6F4EA")  # met: green
    assert sheet.cell(line, 3).fill.fgColor.rgb.endswith("E6F4EA")


def test_totals_are_formulas_over_the_right_cells(demo, login_as, client, db):
    login_as("bientap")
    sheet = _sheet(client)
    formulas = {c.coordinate: c.value for row in sheet.iter_rows() for c in row
                if c.data_type == "f"}
    first, last = 5, sheet.max_row - 1
    assert sheet.cell(sheet.max_row, 1).value == "Tổng cộng"
    assert last >= first
    for line in range(first, last + 1):
        assert formulas.pop(f"Z{line}") == "=SUM(" + ",".join(
            f"{c}{line}" for c in "B D F H J L N P R T V X".split()) + ")"
        assert formulas.pop(f"AA{line}") == "=SUM(" + ",".join(
            f"{c}{line}" for c in "C E G I K M O Q S U W Y".split()) + ")"
    total = sheet.max_row
    for column in ["B", "C", "X", "Y", "Z", "AA"]:
        assert formulas.pop(f"{column}{total}") == f"=SUM({column}{first}:{column}{last})"
    assert all(coordinate.endswith(str(total)) for coordinate in formulas)  # the other months
    assert len(formulas) == 20


def test_the_workbook_prints_on_a4_landscape_one_page_wide(demo, login_as, client):
    login_as("bientap")
    sheet = _sheet(client)
    assert sheet.page_setup.orientation == "landscape"
    assert int(sheet.page_setup.paperSize) == 9  # A4
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0)
    assert sheet.freeze_panes == "B5"
    assert sheet.print_title_rows == "$3:$4"


def test_a_bad_year_is_not_found(demo, login_as, client):
    login_as("bientap")
    assert client.get("/website/scoreboard/1999.xlsx").status_code == 404
