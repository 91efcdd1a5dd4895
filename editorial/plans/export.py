"""The year plan as the Ban Thường trực signs it (seed 001, in the Decree 30 layout): header,
"KẾ HOẠCH" and its subject, sections I–III with what the app knows of the province, the table
(Tháng · Nội dung dự kiến · Đơn vị phối hợp thực hiện · Kênh), recipients and signature."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from editorial.documents import decree30 as d30
from editorial.documents import ooxml
from editorial.plans.rules import YearRow

HEADER = ("Tháng", "Nội dung dự kiến", "Đơn vị phối hợp thực hiện", "Kênh")
WIDTHS = (Cm(1.6), Cm(8.4), Cm(4.2), Cm(2.3))  # 16.5 cm: the A4 width between the margins
TABLE_PT = 12
KIND = "Kế hoạch "  # the kind of document, printed as "KẾ HOẠCH" above the subject
RECIPIENTS = ("- Như trên;", "- Lưu VT.")


@dataclass(frozen=True)
class PlanFacts:
    """What the document says beyond its table, read from the plan and the province."""

    committee: str  # "Ủy ban MTTQ Việt Nam tỉnh Sóc Trăng"
    title: str
    year: int
    number: str = ""  # "15/KH-MTTQ-BTT" once the plan has its number
    signed_on: date | None = None
    signer: str = ""
    focal: str = "Ban Phong trào - Tuyên giáo"
    deadline_words: str = ""  # the registration rule in words
    quotas: list[tuple[str, str]] = field(default_factory=list)  # (units, "ít nhất 2 tin, 1 bài")


def subject(title: str) -> str:
    """The subject line under "KẾ HOẠCH": the title without its leading "Kế hoạch"."""
    if title.lower().startswith(KIND.lower()) and len(title) > len(KIND):
        rest = title[len(KIND):]
        return rest[0].upper() + rest[1:]
    return title


def year_plan_docx(facts: PlanFacts, rows: list[YearRow], channel_words: dict[str, str],
                   now: datetime) -> bytes:
    """The plan's .docx; the table keeps "(Đã thực hiện)" and the channels, so the file imports
    back to the same plan."""
    document = d30.new_document(facts.committee, facts.title, now)
    d30.header(document, (*d30.front_organ(facts.committee), "BAN THƯỜNG TRỰC"),
               facts.number or "…/KH-MTTQ-BTT",
               d30.date_line(d30.front_place(facts.committee), facts.signed_on, facts.year))
    d30.write(document)
    d30.write(document, KIND.strip().upper(), bold=True, size=d30.TITLE_PT, align=d30.CENTER)
    _subject_style(document)
    document.add_paragraph(subject(facts.title), style="Heading 1")
    _sections(document, facts, rows, channel_words)
    d30.closing(document, RECIPIENTS, "TM. BAN THƯỜNG TRỰC", "PHÓ CHỦ TỊCH", facts.signer)
    d30.page_numbers_from_second(document)
    return ooxml.saved(document)


def _subject_style(document) -> None:
    """"Heading 1" as the subject prints (14 pt bold, black, centred): the importer reads the
    first heading back as the plan's title."""
    style = document.styles["Heading 1"]
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for theme in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{theme}"), None)
    style.font.name, style.font.size, style.font.bold = d30.FONT, Pt(d30.TITLE_PT), True
    style.font.color.rgb = RGBColor(0, 0, 0)
    style.paragraph_format.alignment = d30.CENTER
    style.paragraph_format.space_before, style.paragraph_format.space_after = Pt(0), Pt(12)


def _para(document, text: str, bold: bool = False) -> None:
    paragraph = d30.write(document, text, bold=bold, align=d30.JUSTIFY)
    paragraph.paragraph_format.first_line_indent = Cm(1)
    paragraph.paragraph_format.space_after = Pt(6)


def _sections(document, facts: PlanFacts, rows: list[YearRow],
              channel_words: dict[str, str]) -> None:
    """I. Mục đích, yêu cầu; II. Nội dung (the website quota, the table, the 5th-day note);
    III. Tổ chức thực hiện — the seed's sections, in the facts the app holds."""
    channels = [channel_words.get(c, c) for c in dict.fromkeys(c for r in rows for c in r.channels)]
    _para(document, "I. Mục đích, yêu cầu.", bold=True)
    _para(document, f"Nâng cao chất lượng công tác thông tin, tuyên truyền của {facts.committee} "
                    f"năm {facts.year}; phát huy vai trò của Mặt trận Tổ quốc các cấp và các tổ "
                    "chức thành viên, kịp thời biểu dương các điển hình tiên tiến, cách làm hay.")
    _para(document, "II. Nội dung.", bold=True)
    _para(document, "1. Cộng tác tin, bài trên Trang Thông tin điện tử:", bold=True)
    for units, words in facts.quotas:
        _para(document, f"- {units}: cộng tác {words} / tháng (tin, bài phải có chất lượng và "
                        "được Ban Biên tập duyệt, đăng tải).")
    _para(document, "- Tin, bài về các sự kiện gửi đến Ban Biên tập chậm nhất sau 01 ngày làm "
                    "việc, có ảnh minh họa rõ nét.")
    on = f" ({', '.join(channels)})" if channels else ""
    _para(document, f"2. Thực hiện chuyên mục, chuyên trang hằng tháng{on}.", bold=True)
    _table(document, rows, channel_words)
    _para(document, "Lưu ý:", bold=True)
    _para(document, "- Các nội dung nêu trên chỉ mang tính gợi ý, tùy theo điều kiện của từng "
                    "đơn vị, có thể điều chỉnh nội dung cho phù hợp.")
    _para(document, f"- Căn cứ vào thời gian, nội dung gợi ý trên, {facts.deadline_words}, các "
                    f"đơn vị chủ động trao đổi với {facts.focal} để thống nhất nội dung và thời "
                    "gian thực hiện, đảm bảo kịp thời, có chất lượng.")
    _para(document, "III. Tổ chức thực hiện:", bold=True)
    _para(document, f"- Giao {facts.focal} làm đầu mối liên hệ và chủ trì phối hợp với các đơn "
                    "vị triển khai thực hiện nội dung kế hoạch này.")
    _para(document, "- Các đơn vị chủ động đăng ký và cử cán bộ tham gia thực hiện chuyên trang, "
                    "chuyên mục hằng tháng; chỉ đạo cán bộ viết tin, bài đảm bảo chất lượng.")
    what = subject(facts.title)
    _para(document, f"Trên đây là kế hoạch {what[:1].lower()}{what[1:]} của Ban Thường trực "
                    f"{facts.committee}.")


def _table(document, rows: list[YearRow], channel_words: dict[str, str]) -> None:
    """The plan's table, 12 pt: its header row repeats on each page, no row splits."""
    table = document.add_table(rows=1, cols=len(HEADER))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, HEADER, strict=True):
        _cell(cell, text, bold=True)
    ooxml.repeat_as_header(table.rows[0])
    for row in rows:
        added = table.add_row()
        ooxml.keep_together(added)
        cells = added.cells
        _cell(cells[0], row.period_start.strftime("%d/%m/%Y") if row.weekly else str(row.month),
              center=True)
        _cell(cells[1], row.topic)
        _cell(cells[2], row.unit_label + ("\n(Đã thực hiện)" if row.done else ""))
        _cell(cells[3], ", ".join(channel_words.get(c, c) for c in row.channels))
    ooxml.set_widths(table, WIDTHS)
    d30.write(document)


def _cell(cell, text: str, bold: bool = False, center: bool = False) -> None:
    paragraph = cell.paragraphs[0]
    run = paragraph.add_run(text)
    run.bold, run.font.size = bold or None, Pt(TABLE_PT)
    if bold or center:
        paragraph.alignment = d30.CENTER
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
