"""The parts every administrative document shares (Decree 30/2020/NĐ-CP, appendix I): the A4
page and its margins, the two-column header, the recipients and the signature, the page number
from page 2, and the file's own properties. Written with python-docx alone: the layout is a
handful of paragraphs and two borderless tables, which a template engine would not shorten."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from editorial.documents import ooxml

FONT = "Times New Roman"
BODY_PT, TITLE_PT, RECIPIENTS_PT = 13, 14, 11
CENTER, JUSTIFY = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY
MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
FRONT = "Ủy ban MTTQ Việt Nam"


def new_document(author: str, title: str, now: datetime) -> DocumentObject:
    """An empty A4 portrait document: margins 20/20/30/15 mm, Times New Roman 13 pt, and core
    properties naming the author and title (not python-docx's own of 2013)."""
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(BODY_PT)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    normal.paragraph_format.space_after = Pt(0)
    props = document.core_properties
    props.author = props.last_modified_by = author
    props.title, props.revision, props.comments = title, 1, ""
    props.created = props.modified = now.replace(tzinfo=None, microsecond=0)
    return document


def write(container, text: str = "", *, bold: bool = False, italic: bool = False,
          size: int | None = None, align=None, style: str | None = None) -> Paragraph:
    """A paragraph of one run in the container (document or table cell)."""
    paragraph = container.add_paragraph(style=style)
    if align is not None:
        paragraph.alignment = align
    run = paragraph.add_run(text)
    run.bold, run.italic = bold or None, italic or None
    if size is not None:
        run.font.size = Pt(size)
    return paragraph


def rule(cell: _Cell, length: Mm) -> None:
    """The short solid line under a header block: an empty paragraph's top border, its width
    set by equal indents so it stays centred in the cell."""
    paragraph = cell.add_paragraph()
    side = max(0, (cell.width - length) // 2)
    paragraph.paragraph_format.left_indent = paragraph.paragraph_format.right_indent = side
    paragraph.paragraph_format.line_spacing = Pt(2)
    ooxml.top_border(paragraph)


def borderless(document: DocumentObject, widths: Sequence[Cm], rows: int = 1) -> Table:
    """A table without borders whose columns have the given widths."""
    table = document.add_table(rows=rows, cols=len(widths))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    ooxml.no_borders(table)
    ooxml.set_widths(table, widths)
    return table


def header(document: DocumentObject, organ: Sequence[str], number: str, place_date: str) -> None:
    """The two columns of the first page: the issuing organ (its last line bold, a short rule
    under it) and "Số:" on the left; the national motto, its rule, and the place and date in
    italics on the right."""
    table = borderless(document, (Cm(6.5), Cm(10)))
    left, right = table.rows[0].cells
    for cell in (left, right):
        cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
    for i, line in enumerate(organ):
        write(left, line, bold=i == len(organ) - 1, align=CENTER)
    rule(left, Cm(2.5))
    write(left, f"Số: {number}", align=CENTER)
    write(right, MOTTO[0], bold=True, size=12, align=CENTER)
    write(right, MOTTO[1], bold=True, align=CENTER)
    rule(right, Cm(6))
    write(right, place_date, italic=True, align=CENTER)


def closing(document: DocumentObject, recipients: Iterable[str], authority: str,
            position: str, signer: str) -> None:
    """"Nơi nhận:" and its 11 pt list on the left; on the right the signing authority and
    position in bold, room for the signature and seal, and the signer's name in bold."""
    document.add_paragraph()
    left, right = borderless(document, (Cm(8), Cm(8.5))).rows[0].cells
    heading = left.paragraphs[0].add_run("Nơi nhận:")
    heading.bold = heading.italic = True
    for line in recipients:
        write(left, line, size=RECIPIENTS_PT)
    right.paragraphs[0].alignment = CENTER
    right.paragraphs[0].add_run(authority).bold = True
    write(right, position, bold=True, align=CENTER)
    for _ in range(4):
        write(right, align=CENTER)
    write(right, signer, bold=True, align=CENTER)


def page_numbers_from_second(document: DocumentObject) -> None:
    """A centred PAGE field in the header of every page but the first (Decree 30: the page
    number sits at the top centre, not on page 1)."""
    section = document.sections[0]
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False  # its own, empty, header
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = CENTER
    ooxml.page_field(paragraph.add_run())


def front_organ(committee: str) -> tuple[str, str]:
    """The two upper lines of a Front committee's header: "ỦY BAN MTTQ VIỆT NAM" and
    "TỈNH SÓC TRĂNG" from "Ủy ban MTTQ Việt Nam tỉnh Sóc Trăng"; a name in another form is
    printed whole, in capitals, under the first line."""
    rest = committee[len(FRONT):].strip() if committee.startswith(FRONT) else committee
    return FRONT.upper(), rest.upper()


def front_place(committee: str) -> str:
    """Where the committee sits, for the date line: "Sóc Trăng" of "… tỉnh Sóc Trăng"."""
    rest = committee[len(FRONT):].strip() if committee.startswith(FRONT) else committee
    for level in ("tỉnh ", "thành phố "):
        if rest.startswith(level):
            return rest[len(level):]
    return rest


def date_line(place: str, day: date | None, year: int) -> str:
    """"Sóc Trăng, ngày 05 tháng 01 năm 2023": days under 10 and months 1, 2 take a leading
    zero (Decree 30); dots where the date is left for the signing."""
    if day is None:
        return f"{place}, ngày … tháng … năm {year}"
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"

