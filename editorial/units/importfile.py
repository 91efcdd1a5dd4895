"""The unit file on disk: its columns, reading .csv/.xlsx into raw rows, writing .csv back.

Pure: no web, no database. Values stay text here; `importing` gives them meaning.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import unicodedata
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from editorial.sheets import csv_cell, looks_like_formula
from editorial.text import search_key

# (field, Vietnamese header written on export, other headers accepted on import)
COLUMNS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("name", "Tên đơn vị", ("Tên", "Name")),
    ("short_name", "Tên viết tắt", ("Short name",)),
    ("kind", "Loại", ("Loại đơn vị", "Kind")),
    ("parent", "Đơn vị cấp trên", ("Cấp trên", "Parent")),
    ("code", "Mã", ("Mã đơn vị", "Official code", "Code")),
    ("valid_from", "Hiệu lực từ", ("Valid from",)),
    ("valid_to", "Hiệu lực đến", ("Valid to",)),
    ("formed_from", "Hình thành từ", ("Formed from",)),
)
FIELDS = tuple(field for field, _, _ in COLUMNS)
HEADERS = dict((field, header) for field, header, _ in COLUMNS)
REQUIRED = ("name", "kind")


@dataclass(frozen=True)
class RawRow:
    """One data row of the file as text, with the line number the user sees (header = 1)."""

    line: int
    name: str = ""
    short_name: str = ""
    kind: str = ""
    parent: str = ""
    code: str = ""
    valid_from: str = ""
    valid_to: str = ""
    formed_from: str = ""


def read_rows(data: bytes, filename: str) -> list[RawRow]:
    """The data rows of a .csv or .xlsx unit file; ValueError (in Vietnamese) if unreadable."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if extension == "csv":
        table = _csv_table(data)
    elif extension == "xlsx":
        table = _xlsx_table(data)
    else:
        raise ValueError("Chỉ nhận tệp .csv hoặc .xlsx.")
    return _rows_from_table(table)


def write_csv(records: Iterable[Sequence[str]]) -> bytes:
    """A .csv in the import format: Vietnamese header, UTF-8 with BOM, formulas defused."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([HEADERS[field] for field in FIELDS])
    for record in records:
        writer.writerow([csv_cell(value) for value in record])
    return out.getvalue().encode("utf-8-sig")


def _csv_table(data: bytes) -> list[list[object]]:
    """The cells of a UTF-8 CSV (BOM optional), comma, semicolon or tab separated."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValueError("Tệp CSV không phải mã UTF-8; hãy lưu lại dạng “CSV UTF-8”.") from error
    first_line = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first_line.count)
    try:
        return [list(row) for row in csv.reader(io.StringIO(text), delimiter=delimiter)]
    except csv.Error as error:
        raise ValueError(f"Không đọc được tệp CSV: {error}.") from error


def _xlsx_table(data: bytes) -> list[list[object]]:
    """The cells of the first sheet of an .xlsx workbook."""
    from openpyxl import load_workbook

    try:
        # Workbooks saved by other programs often draw style warnings that mean nothing here.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged or foreign file
        raise ValueError("Không đọc được tệp Excel (.xlsx).") from error
    try:
        return [list(row) for row in book.worksheets[0].iter_rows(values_only=True)]
    finally:
        book.close()


def _rows_from_table(table: list[list[object]]) -> list[RawRow]:
    """Raw rows under the first non-empty row, which must be the header."""
    cells = [[_cell_text(value) for value in row] for row in table]
    start = next((i for i, row in enumerate(cells) if any(row)), None)
    if start is None:
        raise ValueError("Tệp không có dữ liệu.")
    columns = _header_fields(cells[start])
    rows = []
    for index in range(start + 1, len(cells)):
        row = cells[index]
        if any(row):
            values = {field: row[i] for i, field in columns.items() if i < len(row)}
            rows.append(RawRow(line=index + 1, **values))
    return rows


def _header_fields(header: list[str]) -> dict[int, str]:
    """Which field each header cell names; ValueError if a required column is missing."""
    known = {search_key(h): f for f, main, others in COLUMNS for h in (main, f, *others)}
    columns: dict[int, str] = {}
    for index, cell in enumerate(header):
        field = known.get(search_key(cell))
        if field is not None and field not in columns.values():
            columns[index] = field
    missing = [HEADERS[field] for field in REQUIRED if field not in columns.values()]
    if missing:
        names = ", ".join(f"“{name}”" for name in missing)
        raise ValueError(f"Dòng tiêu đề thiếu cột {names}.")
    return columns


def _cell_text(value: object) -> str:
    """A cell as trimmed NFC text: dates as ISO, whole numbers without “.0”, formulas undone."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return _undefuse(unicodedata.normalize("NFC", str(value)).strip())


def _undefuse(value: str) -> str:
    """Drop the apostrophe that `csv_cell` added, so export then import is a round trip."""
    if value.startswith("'") and looks_like_formula(value):
        return value[1:]
    return value
