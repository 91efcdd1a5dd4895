"""'Đã thực hiện' takes a day already past (issue 14): a future day, or one long before the
slot's month, is refused with a Vietnamese 422 and the form keeps what was typed."""

import html as html_lib
from datetime import date

from sqlalchemy import select

from editorial.audit.models import AuditEntry
from editorial.plans.rules import SlotStatus
from tests.registrations.helpers import demo_slot, fresh, version_on_page

NOTE = "https://stv.example/chuyen-muc-thang-3"


def _agreed_march(db):
    """March (Kế Sách), agreed to air on 26/3/2023; today is 15/3/2023."""
    slot = demo_slot(3)
    slot.status, slot.final_title = SlotStatus.AGREED, "Mặt trận Kế Sách giám sát"
    slot.air_date = date(2023, 3, 26)
    db.session.commit()
    return slot


def _done(auth, client, slot, day: str, **headers):
    return auth.post(f"/registrations/slots/{slot.id}/done", {
        "version": version_on_page(client, slot.id), "done_date": day, "note": NOTE},
        headers=headers)


def _done_audits(db) -> int:
    return len(db.session.scalars(select(AuditEntry).where(
        AuditEntry.action == "registration.done")).all())


def test_a_future_done_date_is_refused_and_the_form_keeps_the_input(demo, db, login_as,
                                                                    client):
    slot = _agreed_march(db)
    auth = login_as("kesach")
    for headers in ({}, {"HX-Request": "true"}):
        response = _done(auth, client, slot, "2023-03-26", **headers)
        assert response.status_code == 422
        page = html_lib.unescape(response.get_data(as_text=True))
        assert "Ngày thực hiện 26/03/2023 chưa đến (hôm nay là 15/03/2023)" in page
        assert 'value="26/03/2023"' in page and NOTE in page  # what was typed
    assert fresh(slot.id).status == SlotStatus.AGREED and _done_audits(db) == 0


def test_a_done_date_long_before_the_month_is_refused(demo, db, login_as, client):
    slot = _agreed_march(db)
    auth = login_as("kesach")
    response = _done(auth, client, slot, "2023-01-10")
    assert response.status_code == 422
    assert "quá sớm so với kỳ của nội dung (tháng 3/2023)" in response.get_data(as_text=True)
    assert fresh(slot.id).status == SlotStatus.AGREED


def test_today_or_a_past_day_in_range_is_accepted(demo, db, login_as, client):
    slot = _agreed_march(db)
    auth = login_as("kesach")
    page = client.get(f"/registrations/slots/{slot.id}").get_data(as_text=True)
    assert 'data-latest="2023-03-15"' in page  # the picker offers no later day either
    assert _done(auth, client, slot, "2023-03-15").status_code == 303
    done = fresh(slot.id)
    assert done.status == SlotStatus.DONE and done.air_date == date(2023, 3, 15)
    assert _done_audits(db) == 1


def test_done_problem_rule():
    from editorial.registrations.rules import done_problem

    march = (date(2023, 3, 1), date(2023, 3, 31))
    today = date(2023, 3, 15)
    assert done_problem(date(2023, 3, 16), today, march) == "future"
    assert done_problem(date(2023, 1, 14), today, march) == "before_period"
    assert done_problem(date(2023, 1, 15), today, march) is None  # 45 days before
    assert done_problem(today, today, march) is None
