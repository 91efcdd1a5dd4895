"""`flask calendar show YEAR [--json]`: the key dates an admin checks before publishing."""

import json

from editorial.calendar.workdays import WorkCalendar


def _show(runner, *args) -> dict:
    result = runner.invoke(args=["calendar", "show", *args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_2023_key_dates(app, runner):
    dates = _show(runner, "2023")
    assert dates["deadlines"]["2023-02"] == "2023-02-03"  # Sunday 5/2: Friday 3/2
    assert dates["deadlines"]["2023-08"] == "2023-08-04"
    assert dates["deadlines"]["2023-11"] == "2023-11-03"
    assert len(dates["deadlines"]) == 12
    assert dates["tet"] == "2023-01-22" and dates["gio_to"] == "2023-04-29"
    assert dates["khmer_new_year"] == ["2023-04-14", "2023-04-15", "2023-04-16"]
    off = {row["date"]: row["reason"] for row in dates["days_off"]}
    assert "2023-05-02" in off and "2023-01-20" in off and "2023-01-26" in off
    party = [a for a in dates["anniversaries"] if a["date"] == "2023-02-03"][0]
    assert party["ordinal"] == 93
    assert party["title"].startswith("Kỷ niệm 93 năm Ngày thành lập Đảng Cộng sản Việt Nam")


def test_2026_swaps_and_the_pinned_culture_day(app, runner):
    dates = _show(runner, "2026")
    off = {row["date"]: row["reason"] for row in dates["days_off"]}
    weekends = {row["date"]: row["reason"] for row in dates["working_weekends"]}
    assert "2026-01-02" in off and "2026-08-31" in off
    assert {"2026-01-10", "2026-08-22"} <= set(weekends)
    assert all(date_ not in weekends for date_ in off)
    # 24/11 is pinned by a shipped row (the library's listing, basis to be confirmed).
    assert off["2026-11-24"] == "Ngày Văn hóa Việt Nam"
    shipped = {e.day.isoformat(): e for e in WorkCalendar().exceptions_in(2026)}
    assert "CHƯA ĐỐI CHIẾU" in shipped["2026-11-24"].basis


def test_an_admins_exception_changes_the_output(app, runner, demo, login_as):
    auth = login_as("quantri")
    auth.post("/admin/calendar/exceptions", {"day": "05/06/2023", "kind": "off",
                                            "name": "Nghỉ đột xuất", "year": "2023"})
    dates = _show(runner, "2023")
    assert {"date": "2023-06-05", "reason": "Nghỉ đột xuất"} in dates["days_off"]
    assert dates["deadlines"]["2023-06"] == "2023-06-02"  # Monday 5/6 off: Friday 2/6


def test_plain_text_and_bad_years(app, runner):
    result = runner.invoke(args=["calendar", "show", "2023"])
    assert result.exit_code == 0
    assert "Tết 22/1/2023" in result.output and "2023-02: 3/2/2023" in result.output
    assert runner.invoke(args=["calendar", "show", "abc"]).exit_code == 2
    assert runner.invoke(args=["calendar", "show", "99999"]).exit_code == 2
