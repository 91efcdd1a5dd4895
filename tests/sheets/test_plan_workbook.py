"""The year plan as a workbook: months as dates, text as text, printable; editors and viewers."""

import io
from datetime import datetime

from openpyxl import load_workbook
from sqlalchemy import select

from editorial.plans.models import Slot
from tests.sheets.test_formulas import PAYLOADS, user_formulas


def test_the_plan_workbook_has_dates_and_print_settings(demo, login_as, client):
    login_as("xem")
    assert 'href="/plans/2023.xlsx"' in client.get("/plans/2023").get_data(as_text=True)
    response = client.get("/plans/2023.xlsx")
    assert response.status_code == 200
    assert "ke-hoach-2023.xlsx" in response.headers["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.data)).active
    assert [c.value for c in sheet[2]] == ["Tháng", "Nội dung dự kiến",
                                           "Đơn vị phối hợp thực hiện", "Kênh", "Đã thực hiện"]
    months = [row[0] for row in sheet.iter_rows(min_row=3)]
    assert months and all(isinstance(c.value, datetime) for c in months)
    assert all(c.value.year == 2023 for c in months)
    assert {c.number_format for c in months} <= {"mm/yyyy", "dd/mm/yyyy"}
    assert all(isinstance(row[1].value, str) and row[1].value for row in sheet.iter_rows(min_row=3))
    assert sheet.page_setup.orientation == "landscape" and int(sheet.page_setup.paperSize) == 9
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0)
    assert (sheet.freeze_panes, sheet.print_title_rows) == ("A3", "$2:$2")


def test_plan_topics_stay_text(demo, login_as, client, db):
    slots = db.session.scalars(select(Slot).order_by(Slot.id).limit(len(PAYLOADS))).all()
    for slot, payload in zip(slots, PAYLOADS, strict=True):
        slot.topic = payload
    db.session.commit()
    login_as("bientap")
    response = client.get("/plans/2023.xlsx")
    assert response.status_code == 200
    assert not user_formulas(response.data)
    book = load_workbook(io.BytesIO(response.data))
    texts = {c.value for row in book.active.iter_rows() for c in row if c.data_type == "s"}
    assert set(PAYLOADS) <= texts


def test_officers_do_not_get_it_and_a_bad_year_is_not_found(demo, login_as, client):
    login_as("kesach")
    assert client.get("/plans/2023.xlsx").status_code == 403
    assert 'href="/plans/2023.xlsx"' not in client.get("/plans/2023").get_data(as_text=True)
    client.post("/logout")
    login_as("bientap")
    assert client.get("/plans/1999.xlsx").status_code == 404
