"""The year plan as an Excel workbook: the month as a real date, topic, unit, channels."""

from __future__ import annotations

from datetime import date
from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from editorial.plans.rules import YearRow
from editorial.sheets import append, set_print

HEADER = ("Tháng", "Nội dung dự kiến", "Đơn vị phối hợp thực hiện", "Kênh", "Đã thực hiện")
WIDTHS = (12, 60, 36, 24, 14)


def year_plan_xlsx(title: str, rows: list[YearRow], channel_words: dict[str, str]) -> bytes:
    """One row per table row: the month (or a weekly row's first day) as a date cell."""
    book = Workbook()
    sheet = book.active
    sheet.title = f"Kế hoạch {rows[0].period_start.year}" if rows else "Kế hoạch"
    append(sheet, [title])
    append(sheet, list(HEADER))
    for row in rows:
        day = row.period_start if row.weekly else date(row.period_start.year,
                                                        row.period_start.month, 1)
        line = append(sheet, [day, row.topic, row.unit_label,
                              ", ".join(channel_words.get(c, c) for c in row.channels),
                              "Có" if row.done else ""])
        sheet.cell(line, 1).number_format = "dd/mm/yyyy" if row.weekly else "mm/yyyy"
        for column in (2, 3):
            sheet.cell(line, column).alignment = Alignment(wrap_text=True, vertical="top")
    sheet["A1"].font = Font(bold=True, size=13)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for column, width in zip("ABCDE", WIDTHS, strict=True):
        sheet.column_dimensions[column].width = width
    set_print(sheet, title_rows="2:2", freeze="A3")
    out = BytesIO()
    book.save(out)
    return out.getvalue()
