"""Importing a signed plan (issue 12): upload, preview row by row, confirm; the command line
prints the same preview; a .docx export imports back to the same plan."""

from datetime import date
from io import BytesIO

import pytest
from sqlalchemy import func, select

from editorial.demo.soc_trang import DISTRICTS, TOPICS
from editorial.plans import services, suggesting
from editorial.plans.models import Plan, Slot
from editorial.plans.rules import PlanStatus
from editorial.units.models import ProvinceSettings, Unit
from editorial.units.rules import UnitKind
from tests.plans.test_importing import SEED_TABLE, _docx

BAD_TABLE = [
    ("1", "Chăm lo Tết", "Ủy ban MTTQVN huyện Mỹ Xuyên"),
    ("13", "Tổng kết", "UBMTTQ huyện Kế Sách"),
    ("2", "   ", "Ủy ban MTTQVN huyện Long Phú"),
    ("3", "Giám sát", "Ủy ban MTTQVN huyện Phú Quốc"),
    ("01", "chăm lo tết", "Mỹ Xuyên"),
]


def _upload(auth, data: bytes, year: int, name: str = "ke-hoach.docx", **extra):
    form = {"file": (BytesIO(data), name), "year": str(year),
            "channel": ["radio_tv", "newspaper"], **extra}
    return auth.post("/plans/import", form, content_type="multipart/form-data")


def _confirm_form(html: str) -> dict:
    """The preview's confirmation form, as the browser would send it."""
    import re

    fields = dict(re.findall(r'<input type="hidden" name="(filename|year|title)" '
                             r'value="([^"]*)"', html))
    fields["data"] = re.findall(r'name="data" value="([^"]+)"', html)
    fields["channel"] = re.findall(r'name="channel" value="([^"]+)"', html)
    return fields


def _confirm(auth, html: str):
    return auth.post("/plans/import/confirm", _confirm_form(html),
                     content_type="multipart/form-data")


def _rows(year: int) -> list[tuple]:
    return [(r.month, r.topic, r.unit_label, r.done, sorted(r.channels))
            for r in services.year_table(year) or suggesting.draft_rows(year)]  # or the draft


def _plan_count(db) -> int:
    return db.session.scalar(select(func.count(Plan.id)))


def test_the_seed_table_imports_to_the_same_twelve_rows(demo, login_as, db, client):
    auth = login_as("bientap")
    assert client.get("/plans/import").status_code == 200
    response = _upload(auth, _docx(SEED_TABLE), 2024)
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and html.count('class="problem"') == 0
    assert html.count("(Đã thực hiện)") == 2 and "Ủy ban MTTQVN huyện Long Phú" in html
    assert _plan_count(db) == 1  # the preview saves nothing
    done = _confirm(auth, html)
    assert done.status_code == 303 and done.headers["Location"] == "/plans/2024"
    db.session.expire_all()
    plan = db.session.scalar(select(Plan).where(Plan.year == 2024))
    assert plan.status == PlanStatus.DRAFT and [c.channel for c in plan.columns] == [
        "radio_tv", "newspaper"]
    rows = suggesting.draft_rows(2024)  # the year table reads published plans only
    assert [(r.month, r.topic, r.done) for r in rows] == [(m, t, d) for m, t, _, d in TOPICS]
    assert [r.unit_label for r in rows][:11] == [name for _, name, _ in DISTRICTS]
    assert all(s.all_units for s in plan.columns[0].slots if s.period_start.month == 12)


def test_a_bad_file_is_reported_row_by_row_and_saves_nothing(demo, login_as, db):
    auth = login_as("bientap")
    response = _upload(auth, _docx(BAD_TABLE), 2024, "sai.docx")
    html = response.get_data(as_text=True)
    for number, problem in ((2, "Tháng 13 không nằm trong khoảng 1–12."), (3, "Nội dung trống."),
                            (4, "Không tìm thấy đơn vị “Ủy ban MTTQVN huyện Phú Quốc”."),
                            (5, "Trùng với dòng 1 (cùng tháng, cùng nội dung).")):
        row = html[html.index(f'data-row="{number}"'):]
        assert problem in row[:row.index("</tr>")]
    assert 'action="/plans/import/confirm"' not in html
    forced = auth.post("/plans/import/confirm", {
        "data": __import__("base64").b64encode(_docx(BAD_TABLE)).decode(),
        "filename": "sai.docx", "year": "2024", "channel": ["radio_tv"]})
    assert forced.status_code == 422 and "chưa lưu gì" in forced.get_data(as_text=True).lower()
    assert _plan_count(db) == 1 and db.session.scalar(select(func.count(Slot.id))) == 2 * 22


def test_the_word_export_imports_back_to_the_same_plan(demo, login_as, db, client):
    auth = login_as("bientap")
    exported = client.get("/plans/2023.docx").data
    html = _upload(auth, exported, 2024, "ke-hoach-2023.docx").get_data(as_text=True)
    assert _confirm(auth, html).status_code == 303
    db.session.expire_all()
    assert _rows(2024) == _rows(2023)
    titles = db.session.scalars(select(Plan.title).order_by(Plan.year)).all()
    assert titles[0] == titles[1]  # the document's heading is the plan's title


def test_a_draft_of_the_year_gets_new_columns_not_twice_the_same(demo, login_as, db):
    auth = login_as("bientap")
    html = _upload(auth, _docx(SEED_TABLE), 2024).get_data(as_text=True)
    _confirm(auth, html)
    again = _upload(auth, _docx(SEED_TABLE), 2024).get_data(as_text=True)
    assert "đã có cột" in again and 'action="/plans/import/confirm"' not in again
    website = _upload(auth, _docx(SEED_TABLE), 2024, channel=["website"]).get_data(as_text=True)
    assert _confirm(auth, website).status_code == 303
    db.session.expire_all()
    plan = db.session.scalar(select(Plan).where(Plan.year == 2024))
    assert [c.channel for c in plan.columns] == ["radio_tv", "newspaper", "website"]
    published = _upload(auth, _docx(SEED_TABLE), 2023).get_data(as_text=True)
    assert "đã có kế hoạch đã ban hành" in published


def test_a_former_unit_is_matched_to_its_successor(demo, login_as, db):
    city = db.session.scalar(select(Unit).where(Unit.short_name == "TP. Sóc Trăng"))
    city.valid_to = date(2025, 6, 30)
    ward = Unit(name="Ủy ban MTTQ Việt Nam phường Phú Lợi", short_name="Phú Lợi",
                kind=UnitKind.COMMUNE, parent=city.province, valid_from=date(2025, 7, 1))
    ward.formed_from.append(city)
    db.session.add(ward)
    db.session.get(ProvinceSettings, city.root_id).assignable_kinds = "district,commune"
    db.session.commit()
    auth = login_as("bientap")
    html = _upload(auth, _docx(SEED_TABLE), 2026).get_data(as_text=True)
    row = html[html.index('data-row="1"'):]
    row = row[:row.index("</tr>")]
    assert "phường Phú Lợi" in row and "trong tệp" in row and 'class="problem"' not in row


def test_officers_cannot_import(demo, login_as, client):
    login_as("kesach")
    assert client.get("/plans/import").status_code == 403


def test_the_command_prints_the_preview_and_saves_when_told(demo, db, runner, tmp_path):
    path = tmp_path / "ke-hoach.docx"
    path.write_bytes(_docx(SEED_TABLE))
    asked = runner.invoke(args=["plans", "import", str(path), "--year", "2025"], input="n\n")
    assert asked.exit_code == 0 and "Chưa lưu gì." in asked.output
    assert " 11. Tháng 11 · Chào mừng kỷ niệm 93 năm" in asked.output
    assert _plan_count(db) == 1
    saved = runner.invoke(args=["plans", "import", str(path), "--year", "2025", "--yes",
                                "--province", "Sóc Trăng"])
    assert saved.exit_code == 0, saved.output
    db.session.expire_all()
    assert len(suggesting.draft_rows(2025)) == 12
    bad = tmp_path / "sai.docx"
    bad.write_bytes(_docx(BAD_TABLE))
    refused = runner.invoke(args=["plans", "import", str(bad), "--year", "2026", "--yes"])
    assert refused.exit_code != 0 and "Tháng 13 không nằm trong khoảng 1–12." in refused.output
    assert _plan_count(db) == 2


# Werkzeug's test client spools a body over 500 kB to a temporary file it never closes.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.filterwarnings("ignore::ResourceWarning")
def test_a_big_file_travels_back_in_pieces(demo, login_as, db):
    import base64
    import gc
    import os

    from docx import Document

    document = Document(BytesIO(_docx(SEED_TABLE)))
    document.add_paragraph(base64.b64encode(os.urandom(900_000)).decode())  # a scanned page
    out = BytesIO()
    document.save(out)
    auth = login_as("bientap")
    html = _upload(auth, out.getvalue(), 2024).get_data(as_text=True)
    assert len(_confirm_form(html)["data"]) > 2
    assert _confirm(auth, html).status_code == 303
    assert len(suggesting.draft_rows(2024)) == 12
    gc.collect()  # here, not in a later test


def test_an_excel_sheet_imports_the_same_way(demo, login_as, db):
    from tests.plans.test_importing import _xlsx

    auth = login_as("bientap")
    html = _upload(auth, _xlsx(SEED_TABLE), 2024, "ke-hoach.xlsx",
                   title="Kế hoạch năm 2024").get_data(as_text=True)
    assert html.count('class="problem"') == 0
    assert _confirm(auth, html).status_code == 303
    db.session.expire_all()
    assert db.session.scalar(select(Plan.title).where(Plan.year == 2024)) == "Kế hoạch năm 2024"
    assert [r.topic for r in suggesting.draft_rows(2024)] == [t for _, t, _, _ in TOPICS]


def test_the_round_trip_keeps_each_rows_channels(demo, login_as, db, client):
    from editorial.plans.models import PlanColumn
    from editorial.plans.rules import Cadence, Channel

    plan = db.session.scalar(select(Plan).where(Plan.year == 2023))
    thanh_tri = db.session.scalar(select(Unit).where(Unit.short_name == "Thạnh Trị"))
    website = PlanColumn(name="Tin, bài", channel=Channel.WEBSITE, cadence=Cadence.MONTHLY,
                         position=2)
    website.slots.append(Slot(period_start=date(2023, 5, 1), period_end=date(2023, 5, 31),
                              topic="Gương người tốt, việc tốt", assigned_unit=thanh_tri))
    plan.columns.append(website)
    db.session.commit()
    auth = login_as("bientap")
    exported = client.get("/plans/2023.docx").data
    html = _upload(auth, exported, 2024, "ke-hoach-2023.docx",
                   channel=["radio_tv", "newspaper", "website"]).get_data(as_text=True)
    assert _confirm(auth, html).status_code == 303
    db.session.expire_all()
    assert _rows(2024) == _rows(2023) and len(_rows(2024)) == 13
    narrow = _upload(auth, exported, 2025, "ke-hoach-2023.docx", channel=["radio_tv"])
    assert "Dòng này thuộc kênh không được chọn để nhập." in narrow.get_data(as_text=True)


def test_former_units_of_another_province_are_matched_to_this_ones(demo, db, login_as):
    from editorial.auth.rules import Role
    from tests.factories import make_user

    city = db.session.scalar(select(Unit).where(Unit.short_name == "TP. Sóc Trăng"))
    can_tho = Unit(name="Ủy ban MTTQ Việt Nam thành phố Cần Thơ", kind=UnitKind.PROVINCE)
    ward = Unit(name="Ủy ban MTTQ Việt Nam phường Phú Lợi", kind=UnitKind.COMMUNE,
                parent=can_tho, valid_from=date(2025, 7, 1))
    ward.formed_from.append(city)
    db.session.add_all([can_tho, ward])
    db.session.flush()
    db.session.add(ProvinceSettings(province_id=can_tho.id, assignable_kinds="commune",
                                    registering_kinds="commune"))
    make_user("bientap_ct", Role.EDITOR, can_tho)
    db.session.commit()
    auth = login_as("bientap_ct")
    html = _upload(auth, _docx(SEED_TABLE[:1]), 2026).get_data(as_text=True)
    row = html[html.index('data-row="1"'):]
    assert "phường Phú Lợi" in row[:row.index("</tr>")] and 'class="problem"' not in html
