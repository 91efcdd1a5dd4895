"""The year plan as a Word document: the table as the signed plan prints it (seed 001)."""

from __future__ import annotations

from io import BytesIO

from docx import Document
from docx.shared import Pt

from editorial.plans.rules import YearRow

HEADER = ("Tháng", "Nội dung dự kiến", "Đơn vị phối hợp thực hiện", "Kênh")


def year_plan_docx(title: str, rows: list[YearRow], channel_words: dict[str, str]) -> bytes:
    """Tháng · Nội dung dự kiến · Đơn vị phối hợp thực hiện, "(Đã thực hiện)" where done;
    the channels in a last column of their own, so the file imports back to the same plan."""
    document = Document()
    style = document.styles["Normal"]
    style.font.name, style.font.size = "Times New Roman", Pt(13)
    document.add_heading(title, level=1)
    table = document.add_table(rows=1, cols=len(HEADER))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, HEADER, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    for row in rows:
        cells = table.add_row().cells
        cells[0].text = row.period_start.strftime("%d/%m/%Y") if row.weekly else str(row.month)
        cells[1].text = row.topic
        cells[2].text = row.unit_label + ("\n(Đã thực hiện)" if row.done else "")
        cells[3].text = ", ".join(channel_words.get(c, c) for c in row.channels)
    out = BytesIO()
    document.save(out)
    return out.getvalue()
