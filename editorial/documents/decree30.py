"""The parts every administrative document shares (Decree 30/2020/NĐ-CP, appendix I): the A4
page and its margins, the two-column header, the recipients and the signature, the page number
from page 2, and the file's own properties. Written with python-docx alone: the layout is a
handful of paragraphs and two borderless tables, which a template engine would not shorten."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from io import BytesIO

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph

FONT = "Times New Roman"
BODY_PT, TITLE_PT, RECIPIENTS_PT = 13, 14, 11
CENTER, JUSTIFY = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY
# What may follow w:pBdr in w:pPr and w:tblBorders in w:tblPr (the schema fixes the order;
# Word refuses a file that breaks it).
AFTER_PBDR = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
              "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi",
              "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
              "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection",
              "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle",
              "w:rPr", "w:sectPr", "w:pPrChange")
AFTER_TBLBORDERS = ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption",
                    "w:tblDescription", "w:tblPrChange")
MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")


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
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    for key, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "000000")):
        top.set(qn(f"w:{key}"), value)
    borders.append(top)
    paragraph._p.get_or_add_pPr().insert_element_before(borders, *AFTER_PBDR)


def borderless(document: DocumentObject, widths: Sequence[Cm], rows: int = 1) -> Table:
    """A table without borders whose columns have the given widths."""
    table = document.add_table(rows=rows, cols=len(widths))
    table.alignment, table.autofit = WD_TABLE_ALIGNMENT.CENTER, False
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.insert_element_before(borders, *AFTER_TBLBORDERS)
    set_widths(table, widths)
    return table


def set_widths(table: Table, widths: Sequence[Cm]) -> None:
    """Column widths in the grid (LibreOffice reads it) and in every cell (Word does)."""
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
        for cell in column.cells:
            cell.width = width


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
    left.paragraphs[0].add_run("Nơi nhận:").bold = True
    left.paragraphs[0].runs[0].italic = True
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
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "2"),
                       ("end", None)):
        if kind is not None:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText" if text == " PAGE " else "w:t")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def repeat_as_header(row: _Row) -> None:
    """Print this row again at the top of every page the table runs onto."""
    _row_flag(row, "w:tblHeader")


def keep_together(row: _Row) -> None:
    """Never break this row across two pages."""
    _row_flag(row, "w:cantSplit")


def _row_flag(row: _Row, tag: str) -> None:
    flag = OxmlElement(tag)
    flag.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(flag)


FRONT = "Ủy ban MTTQ Việt Nam"


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


def saved(document: DocumentObject) -> bytes:
    """The document as the bytes of a .docx file."""
    out = BytesIO()
    document.save(out)
    return out.getvalue()
