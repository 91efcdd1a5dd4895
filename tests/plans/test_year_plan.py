"""The demo plan is seed 001's table, and the year page shows it as the seed prints it."""

import re
from pathlib import Path

from editorial.plans import services

SEED = Path(__file__).parent.parent / "data" / "seed_001_plan_2023.txt"


def seed_table() -> list[tuple[int, str, str, bool]]:
    """(month, content, unit, done) parsed from the seed's tab-indented table."""
    text = SEED.read_text(encoding="utf-8")
    body = text[text.index("Đơn vị phối hợp thực hiện"):text.index("Lưu ý")]
    cells = [c.strip() for c in re.split(r"\n\s*\t", body)[1:]]
    rows = []
    for i in range(0, len(cells), 3):
        month, content, unit = cells[i:i + 3]
        done = "(Đã thực hiện)" in unit
        unit = " ".join(unit.replace("(Đã thực hiện)", "").split())
        rows.append((int(month), " ".join(content.split()), unit, done))
    return rows


def normalise_unit(name: str) -> str:
    """The seed spells the same prefix three ways: "Ủy ban MTTQ VN", "MTTQVN", "MTTQVN  "."""
    return " ".join(name.replace("MTTQ VN", "MTTQVN").split())


def test_seed_table_parses_to_twelve_months():
    rows = seed_table()
    assert [r[0] for r in rows] == list(range(1, 13))
    assert [r[3] for r in rows] == [True, True] + [False] * 10


def test_demo_plan_equals_the_seed_table(demo):
    rows = services.year_table(2023)
    got = [(r.month, r.topic, r.unit_label, r.done) for r in rows]
    expected = [(m, topic, normalise_unit(unit), done) for m, topic, unit, done in seed_table()]
    assert got == expected
    assert all(sorted(r.channels) == ["newspaper", "radio_tv"] for r in rows)


def test_year_page_shows_the_table(demo, login_as, client):
    login_as("bientap")
    html = client.get("/plans/2023").get_data(as_text=True)
    assert "Nội dung dự kiến" in html and "Đơn vị phối hợp thực hiện" in html
    assert html.count("(Đã thực hiện)") == 2
    assert "Chôl-Chnăm-Thmây năm 2023" in html
    assert "Ủy ban MTTQVN các huyện, thị xã, thành phố" in html


def test_year_page_filters_by_unit_and_channel(demo, login_as, client, db):
    from editorial.units.models import Unit

    login_as("bientap")
    ke_sach = db.session.query(Unit).filter(Unit.name.contains("Kế Sách")).one()
    html = client.get(f"/plans/2023?unit={ke_sach.id}&channel=newspaper").get_data(as_text=True)
    assert "tham gia xây dựng Đảng, chính quyền" in html  # month 3, Kế Sách
    assert "Khmer" not in html  # month 4 belongs to Vĩnh Châu
    assert "Một số kết quả nổi bật" in html  # month 12 belongs to all units


def test_year_filter_htmx_gets_the_table_fragment(demo, login_as, client):
    login_as("bientap")
    response = client.get("/plans/2023?channel=radio_tv", headers={"HX-Request": "true"})
    html = response.get_data(as_text=True)
    assert html.lstrip().startswith('<div id="year-table">')
    assert "<html" not in html
    assert "HX-Request" in response.headers["Vary"]


def test_unknown_year_is_a_vietnamese_404(demo, login_as, client):
    login_as("bientap")
    for year in (1999, 99999):
        response = client.get(f"/plans/{year}")
        assert response.status_code == 404
    assert "Chưa có kế hoạch năm 99999" in response.get_data(as_text=True)


def test_unit_page_lists_the_units_slots_of_the_year(demo, login_as, client, db):
    from sqlalchemy import select

    from editorial.plans.models import Slot
    from editorial.units.models import Unit

    login_as("kesach")
    ke_sach = db.session.scalar(select(Unit).where(Unit.short_name == "Kế Sách"))
    html = client.get(f"/units/{ke_sach.id}?year=2023").get_data(as_text=True)
    assert "Ủy ban MTTQVN huyện Kế Sách" in html
    mine = db.session.scalars(select(Slot).where(Slot.assigned_unit_id == ke_sach.id)).all()
    assert mine and all(s.topic[:40] in html for s in mine)
    others = db.session.scalars(select(Slot).where(Slot.assigned_unit_id != ke_sach.id,
                                                   Slot.all_units.is_(False))).all()
    assert not [s for s in others if s.topic[:40] in html]
    assert any(s.all_units for s in mine)  # its own part of December, shared by every unit
    fragment = client.get(f"/units/{ke_sach.id}?year=2024", headers={"HX-Request": "true"})
    assert fragment.status_code == 200 and "<html" not in fragment.get_data(as_text=True)


def test_the_year_plan_downloads_as_a_word_document(demo, login_as, client, db):
    from io import BytesIO

    from docx import Document
    from sqlalchemy import select

    from editorial.units.models import Unit

    login_as("kesach")
    html = client.get("/plans/2023").get_data(as_text=True)
    assert 'href="/plans/2023.docx"' in html
    response = client.get("/plans/2023.docx")
    assert response.status_code == 200
    assert "ke-hoach-2023.docx" in response.headers["Content-Disposition"]
    document = Document(BytesIO(response.data))
    table = document.tables[1]  # after the header's two columns
    assert [c.text for c in table.rows[0].cells] == [
        "Tháng", "Nội dung dự kiến", "Đơn vị phối hợp thực hiện", "Kênh"]
    assert len(table.rows) == 1 + 12
    first = table.rows[1].cells
    assert first[0].text == "1" and "(Đã thực hiện)" in first[2].text  # months 1–2 done
    assert "(Đã thực hiện)" not in table.rows[4].cells[2].text
    from editorial.plans.models import Plan

    title = db.session.scalar(select(Plan.title).where(Plan.year == 2023))
    from editorial.plans.importing import document_title

    assert document_title(response.data, "ke-hoach-2023.docx") == title  # read back whole
    ke_sach = db.session.scalar(select(Unit.id).where(Unit.short_name == "Kế Sách"))
    narrowed = Document(BytesIO(client.get(f"/plans/2023.docx?unit={ke_sach}").data))
    assert [r.cells[0].text for r in narrowed.tables[1].rows[1:]] == ["3", "12"]
    assert client.get("/plans/1999.docx").status_code == 404
