"""The few WordprocessingML elements python-docx has no API for: a paragraph's top border,
a table without borders, column widths both readers honour, rows that repeat or stay whole,
a PAGE field. Each goes where the schema orders it (Word refuses a file that breaks it)."""

from __future__ import annotations

from collections.abc import Sequence
from io import BytesIO

from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Length
from docx.table import Table, _Row
from docx.text.paragraph import Paragraph
from docx.text.run import Run

# What may follow w:pBdr in w:pPr, and w:tblBorders in w:tblPr.
AFTER_PBDR = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
              "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi",
              "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
              "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection",
              "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle",
              "w:rPr", "w:sectPr", "w:pPrChange")
AFTER_TBLBORDERS = ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption",
                    "w:tblDescription", "w:tblPrChange")


def _element(tag: str, **attributes: str):
    element = OxmlElement(tag)
    for key, value in attributes.items():
        element.set(qn(f"w:{key}" if ":" not in key else key), value)
    return element


def top_border(paragraph: Paragraph) -> None:
    """A thin solid line along the top of the paragraph, as wide as the paragraph."""
    borders = _element("w:pBdr")
    borders.append(_element("w:top", val="single", sz="6", space="1", color="000000"))
    paragraph._p.get_or_add_pPr().insert_element_before(borders, *AFTER_PBDR)


def no_borders(table: Table) -> None:
    """No lines around or inside the table, whatever its style says."""
    borders = _element("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(_element(f"w:{edge}", val="nil"))
    table._tbl.tblPr.insert_element_before(borders, *AFTER_TBLBORDERS)


def set_widths(table: Table, widths: Sequence[Length]) -> None:
    """Column widths in the grid (LibreOffice reads it) and in every cell (Word does)."""
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
        for cell in column.cells:
            cell.width = width


def repeat_as_header(row: _Row) -> None:
    """Print this row again at the top of every page the table runs onto."""
    row._tr.get_or_add_trPr().append(_element("w:tblHeader", val="true"))


def keep_together(row: _Row) -> None:
    """Never break this row across two pages."""
    row._tr.get_or_add_trPr().append(_element("w:cantSplit", val="true"))


def page_field(run: Run) -> None:
    """The number of the page the run is printed on (a PAGE field; "2" until updated)."""
    run._r.append(_element("w:fldChar", fldCharType="begin"))
    instruction = _element("w:instrText", **{"xml:space": "preserve"})
    instruction.text = " PAGE "
    run._r.append(instruction)
    run._r.append(_element("w:fldChar", fldCharType="separate"))
    shown = OxmlElement("w:t")
    shown.text = "2"
    run._r.append(shown)
    run._r.append(_element("w:fldChar", fldCharType="end"))


def saved(document: Document) -> bytes:
    """The document as the bytes of a .docx file."""
    out = BytesIO()
    document.save(out)
    return out.getvalue()
