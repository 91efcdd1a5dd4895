"""The scoreboard as an Excel workbook, the form emulation scoring is usually kept in: numbers
as numbers (a Tin and a Bài column per month), totals as formulas, printable on one page wide."""

from __future__ import annotations

from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from editorial.sheets import Formula, append, set_print

_MET = PatternFill("solid", fgColor="E6F4EA")
_MISSED = PatternFill("solid", fgColor="FDECEA")
FIRST = 5  # the first unit's row: title, quota, then two header rows
NEWS_TOTAL, ARTICLES_TOTAL, MET = 26, 27, 28  # columns after the 12 × (Tin, Bài) of B..Y


def _news(month: int) -> int:
    """The column of a month's Tin (B for January); its Bài is the next one."""
    return 2 * month


def scoreboard_xlsx(year: int, rows: list, judged: int) -> bytes:
    """Units × months of tin and bài with met months shaded, totals and months met."""
    book = Workbook()
    sheet = book.active
    sheet.title = f"Tin bài {year}"
    _heading(sheet, year, rows)
    for row in rows:
        line = sheet.max_row + 1
        append(sheet, [row.unit.label, *[n for t in row.months for n in (t.news, t.articles)],
                       _row_sum(line, 0), _row_sum(line, 1), row.met])
        _shade(sheet, line, row.months, judged)
    if rows:
        _totals(sheet, FIRST + len(rows) - 1)
    _layout(sheet)
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def _heading(sheet, year: int, rows: list) -> None:
    """The title, the quota, and two header rows: months over their Tin and Bài columns."""
    append(sheet, [f"Bảng tổng hợp tin, bài Trang Thông tin điện tử năm {year}"])
    quotas = sorted({(t.quota.news, t.quota.articles) for row in rows for t in row.months[:1]})
    words = "; ".join(f"{news} tin và {articles} bài" for news, articles in quotas) or "-"
    append(sheet, [f"Chỉ tiêu mỗi tháng: {words} "
                   "(chỉ tính tin, bài được Ban Biên tập duyệt đăng)"])
    append(sheet, ["Đơn vị", *[t for m in range(1, 13) for t in (f"Tháng {m}", "")],
                   "Tổng tin", "Tổng bài", "Số tháng đạt"])
    append(sheet, ["", *["Tin", "Bài"] * 12])
    sheet.merge_cells(start_row=3, end_row=4, start_column=1, end_column=1)
    for month in range(1, 13):
        sheet.merge_cells(start_row=3, end_row=3, start_column=_news(month),
                          end_column=_news(month) + 1)
    for column in (NEWS_TOTAL, ARTICLES_TOTAL, MET):
        sheet.merge_cells(start_row=3, end_row=4, start_column=column, end_column=column)


def _row_sum(line: int, offset: int) -> Formula:
    """A unit's year of tin (offset 0) or bài (1): the sum of its twelve month columns."""
    cells = ",".join(f"{get_column_letter(_news(m) + offset)}{line}" for m in range(1, 13))
    return Formula(f"=SUM({cells})")


def _shade(sheet, line: int, months, judged: int) -> None:
    """A met month green, a month over and missed red, both columns of it."""
    for month, tally in enumerate(months, start=1):
        fill = _MET if tally.met() else _MISSED if month <= judged else None
        if fill:
            sheet.cell(line, _news(month)).fill = sheet.cell(line, _news(month) + 1).fill = fill


def _totals(sheet, last: int) -> None:
    """The last row: every number column summed over the units."""
    letters = [get_column_letter(column) for column in range(2, ARTICLES_TOTAL + 1)]
    line = append(sheet, ["Tổng cộng", *[Formula(f"=SUM({c}{FIRST}:{c}{last})") for c in letters]])
    for cell in sheet[line]:
        cell.font = Font(bold=True)


def _layout(sheet) -> None:
    """Fonts, widths and the print settings: A4 landscape, one page wide, headers repeated."""
    sheet["A1"].font = Font(bold=True, size=13)
    for line in (3, 4):
        for cell in sheet[line]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    sheet.column_dimensions["A"].width = 28
    for column in range(2, MET + 1):
        sheet.column_dimensions[get_column_letter(column)].width = 5 if column < 26 else 9
    set_print(sheet, title_rows="3:4", freeze=f"B{FIRST}")
