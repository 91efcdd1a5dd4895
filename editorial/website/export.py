"""The scoreboard as an Excel workbook, the form emulation scoring is usually kept in."""

from __future__ import annotations

from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from editorial.sheets import append

_MET = PatternFill("solid", fgColor="E6F4EA")
_MISSED = PatternFill("solid", fgColor="FDECEA")


def scoreboard_xlsx(year: int, rows: list, judged: int) -> bytes:
    """Units × months "tin/bài" with met months shaded, and the months met; Vietnamese."""
    book = Workbook()
    sheet = book.active
    sheet.title = f"Tin bài {year}"
    append(sheet, [f"Bảng tổng hợp tin, bài Trang Thông tin điện tử năm {year}"])
    quotas = sorted({(t.quota.news, t.quota.articles) for row in rows for t in row.months[:1]})
    words = "; ".join(f"{news} tin và {articles} bài" for news, articles in quotas) or "-"
    append(sheet, [f"Chỉ tiêu mỗi tháng: {words} "
                  "(chỉ tính tin, bài được Ban Biên tập duyệt đăng)"])
    append(sheet, ["Đơn vị", *[f"T{m}" for m in range(1, 13)], "Số tháng đạt"])
    for row in rows:
        append(sheet, [row.unit.label, *[f"{t.news}/{t.articles}" for t in row.months], row.met])
        line = sheet.max_row
        for month, tally in enumerate(row.months, start=1):
            if tally.met():
                sheet.cell(line, month + 1).fill = _MET
            elif month <= judged:
                sheet.cell(line, month + 1).fill = _MISSED
    sheet["A1"].font = Font(bold=True, size=13)
    for cell in sheet[3]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center")
    sheet.column_dimensions["A"].width = 28
    sheet.freeze_panes = "B4"
    out = BytesIO()
    book.save(out)
    return out.getvalue()
