"""The month's registrations as a workbook: real dates, states in words, text as text."""

import io
import json
from datetime import date, datetime

from openpyxl import load_workbook
from sqlalchemy import select

from editorial.plans.models import Slot
from editorial.registrations.models import Registration
from tests.sheets.test_formulas import PAYLOADS, user_formulas


def _registration(db) -> tuple[Registration, Slot]:
    """A registration for a slot of the demo plan (the demo has none of its own)."""
    slot = db.session.scalars(select(Slot).where(Slot.assigned_unit_id.is_not(None))
                              .order_by(Slot.period_start, Slot.id)).first()
    reg = Registration(slot_id=slot.id, unit_id=slot.assigned_unit_id)
    db.session.add(reg)
    return reg, slot


def test_the_board_workbook_has_dates_states_and_print_settings(demo, login_as, client, db):
    reg, slot = _registration(db)
    reg.final_title, reg.late = PAYLOADS[0], True
    reg.staff_json = json.dumps([{"name": p, "role": "x"} for p in PAYLOADS[1:]])
    reg.record_date, reg.air_date = date(2023, 4, 3), date(2023, 4, 9)
    db.session.commit()
    year, month = slot.period_start.year, slot.period_start.month
    login_as("bientap")
    url = f"/registrations/board/{year}/{month}.xlsx"
    assert f'href="{url}"' in client.get(f"/registrations/board/{year}/{month}").text
    response = client.get(url)
    assert response.status_code == 200
    assert f"dang-ky-{year}-{month:02d}.xlsx" in response.headers["Content-Disposition"]
    assert not user_formulas(response.data)
    sheet = load_workbook(io.BytesIO(response.data)).active
    assert [c.value for c in sheet[2]] == [
        "Đơn vị", "Kênh", "Chủ đề kế hoạch", "Tên tác phẩm", "Người thực hiện", "Ngày ghi hình",
        "Ngày phát sóng", "Ngày đăng báo", "Trạng thái", "Trễ hạn"]
    row = next(r for r in sheet.iter_rows(min_row=3) if r[3].value == PAYLOADS[0])[1:]
    assert row[1].value == slot.topic  # (the row from its Kênh on)
    assert row[2].data_type == "s" and row[2].quotePrefix
    assert row[3].value == ", ".join(PAYLOADS[1:]) and row[3].data_type == "s"
    assert row[4].value == datetime(2023, 4, 3) and row[4].number_format == "dd/mm/yyyy"
    assert row[5].value == datetime(2023, 4, 9) and row[6].value is None
    assert row[7].value in {"Chưa đăng ký", "Đã đăng ký", "Đang trao đổi", "Đã thống nhất",
                            "Quá hạn", "Đã thực hiện"}
    assert row[8].value == "Trễ hạn"
    assert sheet.page_setup.orientation == "landscape" and int(sheet.page_setup.paperSize) == 9
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0)
    assert (sheet.freeze_panes, sheet.print_title_rows) == ("A3", "$2:$2")


def test_the_board_workbook_is_for_editors_and_viewers(demo, login_as, client):
    login_as("kesach")
    assert client.get("/registrations/board/2023/4.xlsx").status_code == 403
    client.post("/logout")
    login_as("xem")
    assert client.get("/registrations/board/2023/4.xlsx").status_code == 200
    for bad in ("1999/4", "2023/13", "2023/0"):
        assert client.get(f"/registrations/board/{bad}.xlsx").status_code == 404
