"""No user text becomes a live formula in a workbook or a CSV the app writes (issue 15)."""

import csv
import io

from openpyxl import load_workbook
from sqlalchemy import select

from editorial.audit.services import record
from editorial.sheets import FORMULA_STARTS, csv_cell
from editorial.units.models import Unit
from editorial.units.settings import quota_units

PAYLOADS = ('=HYPERLINK("http://x","y")', "+1", "-1+2", "@SUM(A1)", "\t=1", "\r=1")


def _name_units(db) -> list[str]:
    """Give the scoreboard's units the payloads as short names; the names given."""
    units = [unit for unit, _quota in quota_units(2023)][:len(PAYLOADS)]
    for unit, payload in zip(units, PAYLOADS, strict=True):
        unit.short_name = payload
    db.session.commit()
    return list(PAYLOADS)


def user_formulas(body: bytes, own: set[str] = frozenset()) -> list[str]:
    """The formula cells of a workbook that are not among the program's own totals."""
    book = load_workbook(io.BytesIO(body))
    return [f"{sheet.title}!{cell.coordinate}={cell.value}" for sheet in book.worksheets
            for row in sheet.iter_rows() for cell in row
            if cell.data_type == "f" and not _own(cell.value)]


def _own(formula: str) -> bool:
    """The program writes only sums of cell ranges."""
    return formula.startswith("=SUM(") and all(c.isalnum() or c in ":,()=" for c in formula)


def _texts(body: bytes) -> set[str]:
    book = load_workbook(io.BytesIO(body))
    return {cell.value for sheet in book.worksheets for row in sheet.iter_rows() for cell in row
            if cell.data_type == "s"}


def test_csv_cell_defuses_every_formula_start() -> None:
    for start in FORMULA_STARTS:
        assert csv_cell(f"{start}1") == f"'{start}1"
    assert csv_cell("Kế Sách") == "Kế Sách" and csv_cell(None) == "" and csv_cell(3) == "3"


def test_the_scoreboard_workbook_keeps_unit_names_as_text(demo, login_as, client, db):
    names = _name_units(db)
    login_as("bientap")
    response = client.get("/website/scoreboard/2023.xlsx")
    assert response.status_code == 200
    assert not user_formulas(response.data)
    assert set(names) <= _texts(response.data)
    book = load_workbook(io.BytesIO(response.data))
    quoted = [c for row in book.active.iter_rows() for c in row if c.value in names]
    assert quoted and all(c.quotePrefix for c in quoted)


def test_the_audit_csv_defuses_unit_names_and_notes(demo, login_as, client, db):
    names = _name_units(db)
    unit = db.session.scalar(select(Unit).where(Unit.short_name == names[0]))
    for payload in PAYLOADS:
        record(None, "unit.update", unit, note=payload, unit_id=unit.id)
    db.session.commit()
    login_as("bientap")
    response = client.get("/audit.csv")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))
    cells = [cell for row in rows for cell in row]
    assert not [c for c in cells if c.startswith(FORMULA_STARTS)]
    for payload in PAYLOADS:
        assert "'" + payload in cells


def test_the_unit_csv_defuses_names(demo, login_as, client, db):
    names = _name_units(db)
    login_as("quantri")
    response = client.get("/admin/units/export.csv")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))
    cells = [cell for row in rows for cell in row]
    assert not [c for c in cells if c.startswith(FORMULA_STARTS)]
    assert {"'" + name for name in names} <= set(cells)
