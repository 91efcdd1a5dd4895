"""Reading a signed plan's table from .docx and .xlsx, matching units, flagging bad rows."""

from io import BytesIO

import pytest
from docx import Document
from openpyxl import Workbook

from editorial.demo.soc_trang import DISTRICTS, TOPICS
from editorial.plans.importing import (
    ALL,
    TableRow,
    UnitName,
    check_rows,
    match_unit,
    parse_month,
    read_table,
)

HEADER = ("Tháng", "Nội dung dự kiến", "Đơn vị phối hợp thực hiện")
# Seed 001, section II.2, cell by cell as the signed plan lays it out (its line breaks,
# double spaces and "(Đã thực hiện)" marks in the unit cells included).
SEED_TABLE = [
    ("1", "MTTQ các cấp tỉnh Sóc Trăng chăm lo cho người nghèo nhân dịp Tết Nguyên đán Quý Mão "
     "năm 2023.", "Ủy ban MTTQ VN \n\nthành phố Sóc Trăng \n\n(Đã thực hiện)"),
    ("2", "Phát huy vai trò của người có uy tín trong công tác tuyên truyền vận động đồng bào dân "
     "tộc thiểu số thực hiện các chủ trương của Đảng, chính sách, pháp luật nhà nước, phát "
     "triển kinh tế, giảm nghèo bền vững. ", "Ủy ban MTTQVN\n huyện Mỹ Xuyên\n(Đã thực hiện)"),
    ("3", "MTTQ Việt Nam các cấp thực hiện tốt công tác tham gia xây dựng Đảng, chính quyền; giám "
     "sát và phản biện xã hội", "Ủy ban MTTQVN huyện Kế Sách"),
    ("4", "MTTQ các cấp chăm lo cho đồng bào dân tộc Khmer đón  tết Chôl-Chnăm-Thmây năm 2023.",
     "Ủy ban MTTQVN thị xã Vĩnh Châu"),
    ("5", "Đổi mới phương thức hoạt động công tác MTTQ các cấp trong huyện (đổi mới công tác "
     "tuyên truyền, phương thức hoạt động và tổ chức)", "Ủy ban MTTQVN huyện Thạnh Trị"),
    ("6", "Phát huy vai trò của MTTQ Việt Nam trong việc tạo điều kiện, hỗ trợ vận động các tổ "
     "chức tôn giáo tham gia xây dựng nông thôn mới, đô thị văn minh.",
     "Ủy ban MTTQVN  huyện Châu Thành "),
    ("7", "MTTQ các cấp tham gia thực hiện công tác \"Đền ơn đáp nghĩa\", chăm lo cho gia đình "
     "chính sách, phụng dưỡng mẹ Việt Nam anh hùng.", "Ủy ban MTTQVN thị xã Ngã Năm\n\n\n"),
    ("8", "Đẩy mạnh vận động xã hội hóa xây dựng nông thôn mới (phối hợp xây dựng đoàn đường kiểu "
     "mẫu, xây dựng cầu, lộ giao thông nông thôn…)", "Ủy ban MTTQVN huyện Cù Lao Dung"),
    ("9", "MTTQ các cấp đẩy mạnh thực hiện phong trào thi đua “Đoàn kết sáng tạo, nâng cao năng "
     "suất, chất lượng, hiệu quả, hội nhập quốc tế”.", "Ủy ban MTTQVN huyện Trần Đề"),
    ("10", "Toàn dân hưởng ứng Tháng cao điểm \"Vì người nghèo\" (17/10 – 18/11/2023), xây dựng "
     "mô hình thoát nghèo bền vững.", "Ủy ban MTTQVN  huyện Mỹ Tú "),
    ("11", "Chào mừng kỷ niệm 93 năm ngày truyền thống Mặt trận Tổ quốc Việt Nam (18/11/1930 – "
     "18/11/2023) gắn với Ngày hội đại đoàn kết toàn dân tộc ở khu dân cư.",
     "Ủy ban MTTQVN huyện Long Phú"),
    ("12", "Một số kết quả nổi bật trong công tác Mặt trận năm 2023",
     "Ủy ban MTTQVN các huyện, thị xã, thành phố"),
]
UNITS = [UnitName(n, (full, short)) for n, (_, full, short) in enumerate(DISTRICTS, start=101)]


def _docx(rows, header=HEADER, before_table: bool = True) -> bytes:
    doc = Document()
    doc.add_paragraph("2. Thực hiện chuyên mục trên Đài Phát thanh – Truyền hình Sóc Trăng")
    if before_table:  # a plan often has another table first (the signature block)
        other = doc.add_table(rows=1, cols=2)
        other.rows[0].cells[0].text = "Nơi nhận:"
        other.rows[0].cells[1].text = "TM. BAN THƯỜNG TRỰC"
    table = doc.add_table(rows=1, cols=len(header))
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    for values in rows:
        for cell, text in zip(table.add_row().cells, values, strict=True):
            cell.text = text
    out = BytesIO()
    doc.save(out)
    return out.getvalue()


def _xlsx(rows) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(["KẾ HOẠCH NĂM 2023"])
    sheet.append(list(HEADER))
    for month, content, unit in rows:
        sheet.append([int(month) if month.isdigit() else month, content, unit])
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def _expected_units() -> list[int | str]:
    return [ALL if index is None else UNITS[index].id for _, _, index, _ in TOPICS]


def test_the_seed_table_from_docx() -> None:
    rows = read_table(_docx(SEED_TABLE), "Ke hoach 2023.docx")
    assert [r.month for r in rows] == list(range(1, 13))
    assert [r.number for r in rows] == list(range(1, 13))
    assert [r.content for r in rows] == [text for _, text, _, _ in TOPICS]
    assert [r.done for r in rows] == [done for _, _, _, done in TOPICS]
    assert rows[0].unit_text == "Ủy ban MTTQ VN thành phố Sóc Trăng"  # the mark taken out
    assert [match_unit(r.unit_text, UNITS) for r in rows] == _expected_units()
    preview = check_rows(rows, UNITS)
    assert all(p.ok for p in preview), [p.problems for p in preview if not p.ok]
    assert [p.unit_id for p in preview][:11] == [u.id for u in UNITS]
    assert preview[11].all_units and preview[11].unit_id is None


def test_the_seed_table_from_xlsx() -> None:
    rows = read_table(_xlsx(SEED_TABLE), "ke-hoach.XLSX")
    assert [r.month for r in rows] == list(range(1, 13))
    assert [r.content for r in rows] == [text for _, text, _, _ in TOPICS]
    assert [r.done for r in rows] == [done for _, _, _, done in TOPICS]
    assert all(p.ok for p in check_rows(rows, UNITS))


def test_a_done_mark_inside_the_content() -> None:
    rows = read_table(_docx([("Tháng 01", "Chăm lo Tết (Đã thực hiện).", "Mỹ Tú")],
                            header=("Tháng thực hiện", "Nội dung", "Đơn vị thực hiện")), "a.docx")
    assert rows == [TableRow(1, "Tháng 01", 1, "Chăm lo Tết.", "Mỹ Tú", True)]


def test_a_bad_table_is_flagged_row_by_row() -> None:
    rows = read_table(_docx([
        ("1", "Chăm lo Tết", "Ủy ban MTTQVN huyện Mỹ Xuyên"),
        ("Tháng 13", "Tổng kết", "UBMTTQ huyện Kế Sách"),
        ("2", "   ", "Ủy ban MTTQVN huyện Long Phú"),
        ("3", "Giám sát", "Ủy ban MTTQVN huyện Phú Quốc"),
        ("01", "chăm lo tết", "Mỹ Tú"),
        ("tháng ba", "Giám sát", ""),
    ], before_table=False), "sai.docx")
    assert [(p.row.number, p.problems) for p in check_rows(rows, UNITS)] == [
        (1, ()),
        (2, ("Tháng 13 không nằm trong khoảng 1–12.",)),
        (3, ("Nội dung trống.",)),
        (4, ("Không tìm thấy đơn vị “Ủy ban MTTQVN huyện Phú Quốc”.",)),
        (5, ("Trùng với dòng 1 (cùng tháng, cùng nội dung).",)),
        (6, ("Không đọc được tháng “tháng ba”.", "Chưa ghi đơn vị phối hợp thực hiện.")),
    ]


@pytest.mark.parametrize(
    ("data", "filename", "message"),
    [
        (b"not a zip", "ke-hoach.docx", "Không mở được tệp “ke-hoach.docx”"),
        (b"not a zip", "ke-hoach.xlsx", "Không mở được tệp “ke-hoach.xlsx”"),
        (b"\xd0\xcf\x11\xe0", "ke-hoach.doc", "không phải .docx hoặc .xlsx"),
        (b"", "ke-hoach", "không phải .docx hoặc .xlsx"),
    ],
)
def test_bad_files(data: bytes, filename: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        read_table(data, filename)


def test_a_document_without_the_table() -> None:
    data = _docx([("1", "x", "y")], header=("STT", "Họ tên", "Chức vụ"))
    with pytest.raises(ValueError, match="Không tìm thấy bảng có các cột"):
        read_table(data, "danh-sach.docx")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ủy ban MTTQ Việt Nam huyện Kế Sách", 103),
        ("UBMTTQ huyện Ke Sach", 103),
        ("UB MTTQ thị xã Vĩnh Châu", 104),
        ("MTTQ  tx Vinh Chau", 104),
        ("TP. Sóc Trăng", 101),
        ("thanh pho soc trang", 101),
        ("Thạnh Trị", 105),
        ("Châu Thành", 106),
        ("Các huyện, thị xã, thành phố", ALL),
        ("tất cả đơn vị", ALL),
        ("all", ALL),
        ("Các xã, phường, đặc khu", ALL),
        ("Ủy ban MTTQVN huyện Phú Quốc", None),
        ("Ủy ban MTTQVN", None),
        ("Các huyện Mỹ Tú và Long Phú", None),
    ],
)
def test_match_unit(text: str, expected: int | str | None) -> None:
    assert match_unit(text, UNITS) == expected


def test_former_names_and_ambiguity() -> None:
    units = [
        UnitName(1, ("Ủy ban MTTQ Việt Nam phường Phú Lợi", "Phú Lợi", "phường 2",
                     "thành phố Sóc Trăng")),  # formed from: a former name
        UnitName(2, ("Ủy ban MTTQ Việt Nam phường Sóc Trăng", "Sóc Trăng")),
        UnitName(3, ("Ủy ban MTTQ Việt Nam đặc khu Cù Lao Dung", "Cù Lao Dung")),
    ]
    assert match_unit("Ủy ban MTTQVN thành phố Sóc Trăng", units) == 1  # the full name decides
    assert match_unit("phường Sóc Trăng", units) == 2
    assert match_unit("Sóc Trăng", units) is None  # the city or the ward: a person chooses
    assert match_unit("Đặc khu Cù Lao Dung", units) == 3
    assert match_unit("huyện Cù Lao Dung", units) == 3


@pytest.mark.parametrize(
    ("text", "month"),
    [("Tháng 1", 1), ("1", 1), ("01", 1), ("tháng 12/2026", 12), ("T3", 3), ("13", 13),
     ("", None), ("Quý I", None)],
)
def test_parse_month(text: str, month: int | None) -> None:
    assert parse_month(text) == month


def test_a_channels_column_is_read_when_there_is_one() -> None:
    from editorial.plans.importing import read_channels

    rows = read_table(_docx([("5", "Gương người tốt", "Thạnh Trị", "Trang thông tin điện tử")],
                            header=(*HEADER, "Kênh")), "a.docx")
    assert rows[0].channels_text == "Trang thông tin điện tử" and rows[0].unit_text == "Thạnh Trị"
    names = {"radio_tv": ("Đài PT-TH",), "newspaper": ("Báo",), "website": ("Trang thông tin "
                                                                            "điện tử",)}
    assert read_channels("Đài PT-TH, Báo", names) == (["radio_tv", "newspaper"], [])
    assert read_channels("bao; Zalo", names) == (["newspaper"], ["Zalo"])
    assert read_channels("", names) == ([], [])


@pytest.mark.parametrize(("paragraphs", "title"), [
    ((("KẾ HOẠCH", "Normal"), ("Thực hiện chuyên mục năm 2023", "Heading 1")),
     "Kế hoạch thực hiện chuyên mục năm 2023"),  # the Decree 30 layout the exporter writes
    ((("KẾ HOẠCH", "Normal"), ("Kế hoạch chuyên mục 2023", "Heading 1")),
     "Kế hoạch chuyên mục 2023"),
    ((("Lời nói đầu", "Normal"), ("Chuyên mục 2023", "Title")), "Chuyên mục 2023"),
    ((("Chỉ có đoạn văn", "Normal"),), ""),
])
def test_the_title_read_from_a_documents_heading(paragraphs, title) -> None:
    from editorial.plans.importing import document_title

    document = Document()
    for text, style in paragraphs:
        document.add_paragraph(text, style=style)
    out = BytesIO()
    document.save(out)
    assert document_title(out.getvalue(), "ke-hoach.docx") == title
