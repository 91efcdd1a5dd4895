"""Admins edit the calendar data; the deadlines, pages and grid follow at once."""


def test_an_extra_day_off_moves_the_registration_deadline(demo, login_as, client):
    auth = login_as("quantri")
    # 5/6/2023 is a Monday: declare it a day off, the deadline moves to Friday 2/6.
    response = auth.post("/admin/calendar/exceptions", {"day": "05/06/2023", "kind": "off",
                                                       "name": "Nghỉ bù", "basis": "QĐ thử",
                                                       "year": "2023"})
    assert response.status_code == 303
    html = client.get("/deadlines/2023/6").get_data(as_text=True)
    assert "Thứ Sáu, 02/06/2023" in html
    grid = client.get("/calendar/2023/6").get_data(as_text=True)
    cell = grid[grid.index('data-date="2023-06-02"'):grid.index('data-date="2023-06-03"')]
    assert "Hạn đăng ký" in cell


def test_bad_exception_input_is_refused_with_the_form_kept(demo, login_as, db):
    from editorial.observances.models import DayException

    auth = login_as("quantri")
    cases = [({"day": "31/02/2023", "kind": "off", "name": "X"}, "Ngày không hợp lệ"),
             ({"day": "05/06/2023", "kind": "off", "name": ""}, "Vui lòng nhập tên ngày"),
             ({"day": "05/06/2023", "kind": "work", "name": "Làm bù"}, "vốn là ngày làm việc"),
             ({"day": "05/06/2023", "kind": "??", "name": "X"}, "Hãy chọn loại ngày")]
    for data, message in cases:
        response = auth.post("/admin/calendar/exceptions", dict(data, year="2023"))
        assert response.status_code == 422, data
        html = response.get_data(as_text=True)
        assert message in html and f'value="{data["day"]}"' in html
    assert db.session.query(DayException).count() == 0


def test_a_working_saturday_and_deleting_it(demo, login_as, client, db):
    from editorial.observances.models import DayException

    auth = login_as("quantri")
    auth.post("/admin/calendar/exceptions", {"day": "2023-07-08", "kind": "work",
                                            "name": "Làm bù thử", "year": "2023"})
    assert "Làm việc bù: Làm bù thử" in client.get("/observances/2023").get_data(as_text=True)
    row = db.session.query(DayException).one()
    assert auth.post(f"/admin/calendar/exceptions/{row.id}/delete",
                     {"year": "2023"}).status_code == 303
    assert "Làm bù thử" not in client.get("/observances/2023").get_data(as_text=True)


def test_local_anniversary_with_its_ordinal(demo, login_as, client):
    auth = login_as("quantri")
    response = auth.post("/admin/calendar/anniversaries", {
        "name": "Ngày tái lập tỉnh Sóc Trăng", "month": "4", "origin_year": "1992",
        "calendar": "solar", "year": "2022"})
    assert response.status_code == 303
    html = client.get("/observances/2022").get_data(as_text=True)
    assert "Kỷ niệm 30 năm Ngày tái lập tỉnh Sóc Trăng (4/1992 – 4/2022)" in html
    bad = auth.post("/admin/calendar/anniversaries", {"name": "X", "month": "13", "year": "2022"})
    assert bad.status_code == 422 and "Tháng phải là số từ 1 đến 12" in bad.get_data(as_text=True)


def test_hiding_a_shipped_anniversary_and_showing_it_again(demo, login_as, client):
    auth = login_as("quantri")
    wording = "Kỷ niệm 93 năm Ngày truyền thống Mặt trận"
    assert wording in client.get("/observances/2023").get_data(as_text=True)
    key = "truyen-thong-mttq"
    from editorial.calendar import load_anniversaries

    assert key in {a.key for a in load_anniversaries()}
    auth.post(f"/admin/calendar/anniversaries/{key}/active", {"active": "0", "year": "2023"})
    assert wording not in client.get("/observances/2023").get_data(as_text=True)
    auth.post(f"/admin/calendar/anniversaries/{key}/active", {"active": "1", "year": "2023"})
    assert wording in client.get("/observances/2023").get_data(as_text=True)


def test_report_rule_day_change_and_deadline_rule(demo, login_as, client):
    auth = login_as("quantri")
    auth.post("/admin/calendar/report-rules/tinh-hinh-nhan-dan",
              {"day": "20", "wording": "trước ngày 20 tháng cuối quý", "active": "on",
               "year": "2023"})
    march = client.get("/deadlines/2023/3").get_data(as_text=True)
    assert "trước ngày 20/3/2023" in march and "trước ngày 16/3/2023" not in march
    auth.post("/admin/calendar/deadline-rule", {"day_of_month": "10", "direction": "before",
                                                "skip_holidays": "on", "year": "2023"})
    assert "Thứ Sáu, 10/03/2023" in client.get("/deadlines/2023/3").get_data(as_text=True)
    bad = auth.post("/admin/calendar/deadline-rule", {"day_of_month": "40", "year": "2023"})
    assert bad.status_code == 422


def test_khmer_new_year_override(demo, login_as, client):
    auth = login_as("quantri")
    auth.post("/admin/calendar/khmer", {"start": "14/04/2027", "end": "16/04/2027",
                                        "year": "2027"})
    html = client.get("/observances/2027").get_data(as_text=True)
    assert "14/04/2027 – 16/04/2027" in html
    bad = auth.post("/admin/calendar/khmer", {"start": "14/05/2027", "end": "16/05/2027",
                                              "year": "2027"})
    assert bad.status_code == 422 and "tháng 4" in bad.get_data(as_text=True)


def test_only_admins_edit_the_calendar(demo, login_as, client):
    for login in ("bientap", "kesach"):
        auth = login_as(login)
        assert client.get("/admin/calendar").status_code == 403
        assert auth.post("/admin/calendar/exceptions", {"day": "05/06/2023", "kind": "off",
                                                       "name": "X"}).status_code == 403
        auth.post("/logout")


def test_a_listed_day_off_can_be_cancelled(demo, login_as, client):
    auth = login_as("quantri")
    assert "Ngày Văn hóa Việt Nam" in client.get("/observances/2026").get_data(as_text=True)
    response = auth.post("/admin/calendar/exceptions", {
        "day": "24/11/2026", "kind": "work", "name": "Không nghỉ", "basis": "Chưa có văn bản",
        "year": "2026"})
    assert response.status_code == 303
    assert "Ngày Văn hóa Việt Nam" not in client.get("/observances/2026").get_data(as_text=True)
