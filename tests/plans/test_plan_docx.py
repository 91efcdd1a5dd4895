"""The plan's .docx as an administrative document (Decree 30/2020/NĐ-CP): page, header,
sections, table, recipients and signature, page numbers and the file's properties."""

from __future__ import annotations

from datetime import date
from io import BytesIO

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from sqlalchemy import select

from editorial import clock
from editorial.documents import decree30
from editorial.plans.models import Plan


@pytest.fixture
def fetch(demo, login_as, client):
    """The editor's download of a year's plan, opened with python-docx."""
    login_as("bientap")

    def _fetch(url: str = "/plans/2023.docx"):
        response = client.get(url)
        assert response.status_code == 200
        return Document(BytesIO(response.data))

    return _fetch


def _lines(cell) -> list[str]:
    return [p.text for p in cell.paragraphs if p.text]


def test_the_page_is_a4_portrait_with_the_decree_margins(fetch):
    section = fetch().sections[0]
    def mm(length) -> float:  # Word stores twentieths of a point: 210 mm is 11906
        return round(length.mm, 1)

    assert (mm(section.page_width), mm(section.page_height)) == (210, 297)
    assert (mm(section.top_margin), mm(section.bottom_margin)) == (20, 20)
    assert (mm(section.left_margin), mm(section.right_margin)) == (30, 15)


def test_the_header_names_the_committee_and_the_motto(fetch):
    document = fetch()
    normal = document.styles["Normal"].font
    assert (normal.name, normal.size) == ("Times New Roman", Pt(13))
    left, right = document.tables[0].rows[0].cells
    assert _lines(left) == ["ỦY BAN MTTQ VIỆT NAM", "TỈNH SÓC TRĂNG", "BAN THƯỜNG TRỰC",
                            "Số: …/KH-MTTQ-BTT"]
    assert left.paragraphs[2].runs[0].bold and not left.paragraphs[1].runs[0].bold
    assert _lines(right) == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                             "Sóc Trăng, ngày … tháng … năm 2023"]
    assert all(p.runs[0].bold for p in right.paragraphs[:2])
    date_line = next(p for p in right.paragraphs if p.text.startswith("Sóc Trăng"))
    assert date_line.runs[0].italic
    rules = [p for c in (left, right) for p in c.paragraphs
             if p._p.find(f"{qn('w:pPr')}/{qn('w:pBdr')}") is not None]
    assert len(rules) == 2  # a short line under the organ and under the motto
    assert document.tables[0]._tbl.tblPr.find(qn("w:tblBorders")) is not None


def test_the_plans_number_date_and_signer_when_stored(fetch, db):
    plan = db.session.scalar(select(Plan).where(Plan.year == 2023))
    plan.number, plan.signed_on, plan.signer = "15/KH-MTTQ-BTT", date(2023, 1, 5), "Lâm Dũng Liêm"
    db.session.commit()
    document = fetch()
    left, right = document.tables[0].rows[0].cells
    assert "Số: 15/KH-MTTQ-BTT" in _lines(left)
    assert "Sóc Trăng, ngày 05 tháng 01 năm 2023" in _lines(right)
    signature = document.tables[-1].rows[0].cells[1]
    assert _lines(signature)[-1] == "Lâm Dũng Liêm" and signature.paragraphs[-1].runs[0].bold


def test_the_title_and_the_sections(fetch, db):
    document = fetch()
    texts = [p.text for p in document.paragraphs]
    kind = document.paragraphs[texts.index("KẾ HOẠCH")]
    assert kind.runs[0].bold and kind.runs[0].font.size == Pt(14)
    title = db.session.scalar(select(Plan.title).where(Plan.year == 2023))
    subject = texts[texts.index("KẾ HOẠCH") + 1]
    assert subject.startswith("Thực hiện chuyên mục") and title.endswith(subject[1:])
    for heading in ("I. Mục đích, yêu cầu.", "II. Nội dung.", "III. Tổ chức thực hiện:",
                    "1. Cộng tác tin, bài trên Trang Thông tin điện tử:", "Lưu ý:"):
        assert heading in texts
    body = "\n".join(texts)
    assert "ít nhất 2 tin, 1 bài / tháng" in body  # the province's quota
    assert "2. Thực hiện chuyên mục, chuyên trang hằng tháng (Đài PT-TH, Báo)." in texts
    assert "vào ngày 5 hàng tháng (nếu trùng thứ bảy, chủ nhật" in body  # the deadline rule
    assert f"Trên đây là {title[0].lower()}{title[1:]} của Ban Thường trực Ủy ban MTTQ Việt Nam " \
        "tỉnh Sóc Trăng." in texts


def test_the_table_holds_the_twelve_months_and_repeats_its_header(fetch):
    table = fetch().tables[1]
    assert [c.text for c in table.rows[0].cells] == [
        "Tháng", "Nội dung dự kiến", "Đơn vị phối hợp thực hiện", "Kênh"]
    assert [r.cells[0].text for r in table.rows[1:]] == [str(m) for m in range(1, 13)]
    assert "Tết Nguyên đán Quý Mão" in table.rows[1].cells[1].text
    assert "Khmer" in table.rows[4].cells[1].text and "Vĩnh Châu" in table.rows[4].cells[2].text
    assert table.rows[1].cells[3].text == "Đài PT-TH, Báo"
    header = table.rows[0]._tr.trPr
    assert header.find(qn("w:tblHeader")) is not None
    assert all(r._tr.trPr.find(qn("w:cantSplit")) is not None for r in table.rows[1:])
    widths = [c.width for c in table.columns]
    assert round(sum(widths) / Mm(1)) == 165  # the text width between the margins
    assert widths[1] == max(widths)  # the content column is the wide one
    assert table.rows[1].cells[1].paragraphs[0].runs[0].font.size == Pt(12)


def test_the_filters_still_apply(fetch, db):
    from editorial.units.models import Unit

    ke_sach = db.session.scalar(select(Unit.id).where(Unit.short_name == "Kế Sách"))
    table = fetch(f"/plans/2023.docx?unit={ke_sach}").tables[1]
    assert [r.cells[0].text for r in table.rows[1:]] == ["3", "12"]


def test_recipients_and_signature(fetch):
    recipients, signature = fetch().tables[-1].rows[0].cells
    heading = recipients.paragraphs[0]
    assert heading.text == "Nơi nhận:" and heading.runs[0].bold and heading.runs[0].italic
    assert _lines(recipients)[1:] == ["- Như trên;", "- Lưu VT."]
    assert recipients.paragraphs[1].runs[0].font.size == Pt(11)
    assert _lines(signature) == ["TM. BAN THƯỜNG TRỰC", "PHÓ CHỦ TỊCH"]  # no signer stored
    assert all(p.runs[0].bold for p in signature.paragraphs[:2])


def test_page_numbers_from_page_two(fetch):
    section = fetch().sections[0]
    assert section.different_first_page_header_footer
    header = section.header._element
    assert any(t.text.strip() == "PAGE" for t in header.iter(qn("w:instrText")))
    first = section.first_page_header
    assert not first.is_linked_to_previous and not any(p.text for p in first.paragraphs)
    assert not any(True for _ in first._element.iter(qn("w:instrText")))


def test_the_files_properties_name_the_committee_and_the_plan(fetch, app, db):
    props = fetch().core_properties
    title = db.session.scalar(select(Plan.title).where(Plan.year == 2023))
    assert props.author == "Ủy ban MTTQ Việt Nam tỉnh Sóc Trăng" != "python-docx"
    assert props.title == title
    with app.app_context():
        year = clock.now().year
    assert props.created.year == props.modified.year == year


@pytest.mark.parametrize(("committee", "organ", "place"), [
    ("Ủy ban MTTQ Việt Nam tỉnh Sóc Trăng", ("ỦY BAN MTTQ VIỆT NAM", "TỈNH SÓC TRĂNG"),
     "Sóc Trăng"),
    ("Ủy ban MTTQ Việt Nam thành phố Cần Thơ", ("ỦY BAN MTTQ VIỆT NAM", "THÀNH PHỐ CẦN THƠ"),
     "Cần Thơ"),
    ("MTTQ Hải Âu", ("ỦY BAN MTTQ VIỆT NAM", "MTTQ HẢI ÂU"), "MTTQ Hải Âu"),
])
def test_the_organ_and_place_from_the_committees_name(committee, organ, place):
    assert decree30.front_organ(committee) == organ
    assert decree30.front_place(committee) == place


def test_the_date_line_pads_as_the_decree_says():
    assert decree30.date_line("Cần Thơ", date(2023, 2, 3), 2023) == \
        "Cần Thơ, ngày 03 tháng 02 năm 2023"
    assert decree30.date_line("Cần Thơ", date(2023, 11, 18), 2023) == \
        "Cần Thơ, ngày 18 tháng 11 năm 2023"
    assert decree30.date_line("Cần Thơ", None, 2024) == "Cần Thơ, ngày … tháng … năm 2024"
