"""Spreadsheets the app writes (.xlsx and .csv): user text is never run as a formula, and the
program's own formulas and print settings are written in one way.

A spreadsheet program runs a cell starting with `=`, `+`, `-` or `@` as a formula (and some
also after a leading tab or carriage return), so a unit named `=HYPERLINK(...)` would become a
live link. In a CSV such text gets a leading apostrophe; in a workbook it is stored as a text
cell with Excel's "quote prefix", so it shows as typed and stays text when edited.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.worksheet.worksheet import Worksheet

# What a spreadsheet program reads as the start of a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Formula:
    """A formula the program writes itself (a total), the only kind a workbook may hold."""

    text: str


def looks_like_formula(text: str) -> bool:
    """Whether a spreadsheet would run the text, apostrophes before it aside."""
    return text.lstrip("'").startswith(FORMULA_STARTS)


def csv_cell(value: object) -> str:
    """A CSV cell as text, with an apostrophe before what would run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if looks_like_formula(text) else text


def append(sheet: Worksheet, values: Iterable[object]) -> int:
    """Append a row: strings as text cells (never formulas), numbers and dates as they are,
    `Formula` as a formula; the row's number."""
    values = list(values)
    sheet.append([v.text if isinstance(v, Formula) else _clean(v) for v in values])
    row = sheet.max_row
    for column, value in enumerate(values, start=1):
        if isinstance(value, str):
            cell = sheet.cell(row, column)
            cell.data_type = "s"
            cell.quotePrefix = looks_like_formula(value)
    return row


def _clean(value: object) -> object:
    """Text without the control characters a workbook cannot hold (tab, newlines kept)."""
    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


def set_print(sheet: Worksheet, title_rows: str, freeze: str) -> None:
    """A4 landscape, fit to one page wide, the header rows frozen and printed on every page."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.print_title_rows = title_rows
    sheet.freeze_panes = freeze
