"""The month's registrations as an Excel workbook: one row per slot of the board, dates as
dates, the state in words."""

from __future__ import annotations

from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Font

from editorial.registrations.queries import Board, Card
from editorial.sheets import append, set_print

HEADER = ("Đơn vị", "Kênh", "Chủ đề kế hoạch", "Tên tác phẩm", "Người thực hiện", "Ngày ghi hình",
          "Ngày phát sóng", "Ngày đăng báo", "Trạng thái", "Trễ hạn")
WIDTHS = (28, 16, 40, 40, 30, 14, 14, 14, 16, 9)
DATE_COLUMNS = (6, 7, 8)


def board_xlsx(board: Board, channel_words: dict, state_words: dict) -> bytes:
    """The board's cards (with its filters) as rows; Vietnamese words given by the caller."""
    book = Workbook()
    sheet = book.active
    sheet.title = f"Đăng ký {board.month.month:02d}-{board.month.year}"
    append(sheet, [f"Đăng ký tác phẩm tháng {board.month.month}/{board.month.year}"])
    append(sheet, list(HEADER))
    for card in board.cards:
        line = append(sheet, _row(card, channel_words, state_words))
        for column in DATE_COLUMNS:
            sheet.cell(line, column).number_format = "dd/mm/yyyy"
    sheet["A1"].font = Font(bold=True, size=13)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for column, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[chr(64 + column)].width = width
    set_print(sheet, title_rows="2:2", freeze="A3")
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def _row(card: Card, channel_words: dict, state_words: dict) -> list:
    reg = card.registration
    staff = ", ".join(p.get("name", "") for p in reg.staff) if reg else ""
    return [card.unit_label, channel_words.get(card.slot.column.channel, ""), card.slot.topic,
            card.title, staff,
            reg and reg.record_date, reg and reg.air_date, reg and reg.print_date,
            state_words.get(card.state, ""), "Trễ hạn" if reg and reg.late else ""]
