"""A draft is the editors' own: officers, feeds and reminders never see it; permissions and
bad input of the editor's routes."""

from datetime import date

import pytest
from sqlalchemy import select

from editorial.auth.models import User
from editorial.events import sources
from editorial.extensions import db
from editorial.feeds import services as feeds
from editorial.plans import services as plans
from editorial.plans.models import Plan
from tests.plans.editor_helpers import (
    DECEMBER,
    add_column,
    add_row,
    make_province,
    new_plan,
    plan_id_of,
)


@pytest.fixture
def draft(app, login_as, client, auth):
    """A 2028 draft with a monthly column and its January row for the officer's commune."""
    app.config["TODAY"] = DECEMBER
    province = make_province()
    login_as("bientap")
    plan_id = plan_id_of(new_plan(auth))
    add_column(auth, plan_id)
    plan = db.session.get(Plan, plan_id)
    column = plan.columns[0]
    add_row(auth, column.id, date(2028, 1, 1), [str(province.communes[0].id)],
            topic="Mừng Xuân Mậu Thân 2028")
    db.session.expire_all()
    plan = db.session.get(Plan, plan_id)
    client.post("/logout")
    return plan


def _officer_pages(client, slot_id: int) -> dict[str, str]:
    paths = ["/", "/plans/2028", "/calendar/2028/1", "/agenda?from=2027-12-20",
             "/search?q=mung xuan", "/registrations", "/registrations/board/2028/1"]
    return {p: client.get(p).get_data(as_text=True) for p in paths}


def test_officers_see_nothing_of_a_draft(draft, login_as, client):
    login_as("xa1")
    slot = draft.columns[0].slots[0]
    for path, html in _officer_pages(client, slot.id).items():
        assert "Mừng Xuân Mậu Thân 2028" not in html, path
    assert "Chưa có kế hoạch năm 2028." in client.get("/plans/2028").get_data(as_text=True)
    for path in (f"/slots/{slot.id}", f"/registrations/slots/{slot.id}", f"/slots/{slot.id}.ics",
                 f"/plans/{draft.id}/edit"):
        assert client.get(path).status_code in (403, 404), path


def test_feeds_and_reminders_never_include_a_draft(draft, client):
    officer = db.session.scalar(select(User).where(User.login == "xa1"))
    url = feeds.feed_url(officer, "me").split("lich.test", 1)[1]
    db.session.commit()
    assert b"Xu\xc3\xa2n M\xe1\xba\xadu Th\xc3\xa2n" not in client.get(url).data
    events = sources.events_between(date(2027, 12, 1), date(2028, 1, 31))
    assert not [e for e in events if e.uid.startswith("slot-")]
    assert plans.slots_between(date(2028, 1, 1), date(2028, 1, 31)) == []


def test_published_it_reaches_the_officer(draft, login_as, client, auth):
    login_as("bientap")
    assert auth.post(f"/plans/{draft.id}/publish").status_code == 303
    client.post("/logout")
    login_as("xa1")
    assert "Mừng Xuân Mậu Thân 2028" in client.get("/plans/2028").get_data(as_text=True)
    events = sources.events_between(date(2027, 12, 1), date(2028, 1, 31))
    assert [e for e in events if e.uid.startswith("slot-")]


def _mutating_routes(plan: Plan) -> list[str]:
    column, slot = plan.columns[0], plan.columns[0].slots[0]
    return ["/plans/new", f"/plans/{plan.id}/edit", f"/plans/{plan.id}/publish",
            f"/plans/{plan.id}/columns", f"/plan-columns/{column.id}",
            f"/plan-columns/{column.id}/delete", f"/plan-columns/{column.id}/rows",
            f"/plan-rows/{slot.id}", f"/plan-rows/{slot.id}/move",
            f"/plan-rows/{slot.id}/delete"]


def test_officers_are_refused_every_change(draft, login_as, auth):
    routes = _mutating_routes(draft)
    login_as("xa1")
    for path in routes:
        assert auth.post(path, {"year": "2029", "title": "x"}).status_code == 403, path
    assert auth.client.get(f"/plan-rows/{draft.columns[0].slots[0].id}/edit").status_code == 403


BAD_PLANS = [({"title": ""}, "Vui lòng nhập tên kế hoạch."),
             ({"year": "1999"}, "Năm phải nằm trong khoảng 2000–2100."),
             ({"year": "abc"}, "Vui lòng nhập năm"),
             ({"year": "2028"}, "Đã có kế hoạch năm 2028."),
             ({"year": "2029", "signed_on": "31/02/2027"}, "Ngày ký không hợp lệ"),
             ({"year": "2029", "focal_unit": "99999"}, "Hãy chọn ban đầu mối")]


@pytest.mark.parametrize(("changes", "message"), BAD_PLANS)
def test_bad_plan_headers_answer_422(draft, login_as, auth, changes, message):
    login_as("bientap")
    answer = new_plan(auth, **changes)
    assert answer.status_code == 422 and message in answer.get_data(as_text=True)


BAD_COLUMNS = [({"name": ""}, "Vui lòng nhập tên chuyên mục."),
               ({"channel": "tiktok"}, "Hãy chọn kênh"),
               ({"cadence": "daily"}, "Hãy chọn tần suất"),
               ({"cadence": "every_n_weeks"}, "Vui lòng nhập số tuần"),
               ({"cadence": "every_n_weeks", "every_weeks": "40"}, "Số tuần phải là số"),
               ({"air_weekday": "7"}, "Hãy chọn thứ phát sóng."),
               ({"air_weekday": "3", "air_time": "25:00"}, "Giờ phát sóng không hợp lệ"),
               ({"air_week": "2"}, "Hãy chọn thứ phát sóng trước")]


@pytest.mark.parametrize(("changes", "message"), BAD_COLUMNS)
def test_bad_columns_answer_422(draft, login_as, auth, changes, message):
    login_as("bientap")
    answer = add_column(auth, draft.id, **changes)
    assert answer.status_code == 422 and message in answer.get_data(as_text=True)


def test_bad_rows_answer_422_with_the_form_again(draft, login_as, auth):
    login_as("bientap")
    column = draft.columns[0]
    unit = str(column.slots[0].assigned_unit_id)
    cases = [({"period": "2028-01-15"}, [unit], "Tháng hoặc tuần không thuộc chuyên mục"),
             ({"period": "tháng 1"}, [unit], "Hãy chọn tháng hoặc tuần"),
             ({}, [], "Hãy chọn đơn vị phối hợp"),
             ({}, ["abc"], "Hãy chọn đơn vị trong danh sách."),
             ({}, [str(draft.unit_id)], "Hãy chọn đơn vị trong danh sách."),
             ({"topic": " "}, [unit], "Vui lòng nhập nội dung dự kiến."),
             ({}, [unit], "đã có một dòng trong kỳ này")]
    for changes, units, message in cases:
        data = {"period": "2028-01-01", "topic": "Chủ đề mới", "units": units, **changes}
        answer = auth.post(f"/plan-columns/{column.id}/rows", data)
        html = answer.get_data(as_text=True)
        assert answer.status_code == 422 and message in html, message
    wrong = auth.post(f"/plans/{draft.id}/columns", {"name": "Thử"})
    assert wrong.status_code == 422


def test_cadence_cannot_change_under_rows_and_empty_plans_are_not_published(draft, login_as,
                                                                             auth):
    login_as("bientap")
    column = draft.columns[0]
    answer = auth.post(f"/plan-columns/{column.id}", {"name": "Báo", "channel": "newspaper",
                                                     "cadence": "weekly"})
    assert answer.status_code == 422 and "đổi tần suất" in answer.get_data(as_text=True)
    empty = plan_id_of(new_plan(auth, year=2029))
    answer = auth.post(f"/plans/{empty}/publish")
    assert answer.status_code == 422 and "chưa có dòng nào" in answer.get_data(as_text=True)
