"""Recurring report deadlines and meetings."""

from datetime import date, datetime, time

import pytest

from editorial.calendar.dates import VN_TZ
from editorial.calendar.reports import (
    ReportRule,
    load_report_rules,
    report_deadlines,
    rule_from_mapping,
)
from editorial.calendar.workdays import WorkCalendar


@pytest.fixture(scope="module")
def rules() -> dict[str, ReportRule]:
    return {r.key: r for r in load_report_rules()}


def _dates(rule: ReportRule, year: int, cal=None) -> list[date]:
    return [o.date for o in report_deadlines([rule], year, cal=cal)]


def test_quarterly_people_report_before_the_16th(rules) -> None:
    rule = rules["tinh-hinh-nhan-dan"]
    assert _dates(rule, 2023) == [date(2023, m, 15) for m in (3, 6, 9, 12)]
    first = report_deadlines([rule], 2023)[0]
    assert first.label == "trước ngày 16/3/2023"
    assert first.rule.wording == "trước ngày 16 tháng cuối quý"
    assert first.key == "report-tinh-hinh-nhan-dan-2023-03"


def test_half_year_and_annual_2022(rules) -> None:
    assert _dates(rules["bao-cao-6-thang"], 2022) == [date(2022, 5, 14)]
    assert _dates(rules["bao-cao-nam"], 2022) == [date(2022, 11, 14)]


def test_with_a_calendar_a_weekend_due_date_moves_earlier(rules) -> None:
    cal = WorkCalendar()
    found = report_deadlines([rules["bao-cao-6-thang"]], 2022, cal=cal)[0]
    assert found.date == date(2022, 5, 13)  # 14/5/2022 is a Saturday
    assert found.moved and found.nominal == date(2022, 5, 15)
    quarterly = report_deadlines([rules["tinh-hinh-nhan-dan"]], 2023, cal=cal)
    assert not any(o.moved for o in quarterly)


def test_monthly_defaults_are_marked_configurable(rules) -> None:
    monthly = rules["bao-cao-thang"]
    assert monthly.configurable and monthly.frequency == "monthly"
    assert _dates(monthly, 2023) == [date(2023, m, 24) for m in range(1, 13)]
    meeting = rules["hop-giao-ban"]
    assert meeting.kind == "meeting" and meeting.configurable and not meeting.before
    assert report_deadlines([meeting], 2023, month=6)[0].date == date(2023, 6, 20)
    assert report_deadlines([meeting], 2023, month=6)[0].label == "ngày 20/6/2023"
    assert not rules["tinh-hinh-nhan-dan"].configurable


def test_the_website_quota_closes_on_the_months_last_working_day(rules) -> None:
    """Seed 001, II.1: every district unit sends at least 2 news and 1 article a month."""
    quota = rules["tin-bai-trang-ttdt"]
    assert quota.kind == "quota" and quota.unit_kinds == ("district",)
    assert "2 tin, 1 bài" in quota.name
    cal = WorkCalendar()
    found = {o.date.month: o for o in report_deadlines([quota], 2023, cal=cal)}
    assert len(found) == 12
    assert found[6].date == date(2023, 6, 30) and not found[6].moved  # a Friday
    assert found[2].date == date(2023, 2, 28)  # the month's own length
    # 30/4/2023 is a Sunday and Saturday 29/4 is Giỗ Tổ: Friday 28/4.
    assert found[4].date == date(2023, 4, 28) and found[4].moved
    assert found[4].label == "tháng 4/2023"
    assert found[4].key == "report-tin-bai-trang-ttdt-2023-04"


def test_month_filter_and_order(rules) -> None:
    june = report_deadlines(None, 2023, month=6)
    assert {o.date.month for o in june} == {6}
    assert {o.rule.key for o in june} == {"tinh-hinh-nhan-dan", "bao-cao-thang", "hop-giao-ban",
                                          "tin-bai-trang-ttdt"}
    year = report_deadlines(None, 2023)
    assert [o.date for o in year] == sorted(o.date for o in year)
    assert len({o.key for o in year}) == len(year)


def test_before_the_first_spills_into_the_previous_month() -> None:
    rule = ReportRule("r", "R", "monthly", day=1, wording="trước ngày 1 hàng tháng")
    found = _dates(rule, 2023)
    assert found[0] == date(2023, 1, 31) and found[-1] == date(2023, 12, 31)
    assert len(found) == 12  # 31/12/2022 belongs to 2022


def test_day_31_is_clamped_to_the_months_end() -> None:
    rule = ReportRule("r", "R", "monthly", day=31, before=False, wording="ngày cuối tháng")
    assert _dates(rule, 2023)[1] == date(2023, 2, 28)


def test_quarterly_month_within_quarter() -> None:
    rule = ReportRule("r", "R", "quarterly", day=10, month=1, before=False)
    assert _dates(rule, 2023) == [date(2023, m, 10) for m in (1, 4, 7, 10)]


@pytest.mark.parametrize(
    "kwargs",
    [
        {"frequency": "annual", "day": 15},  # no month
        {"frequency": "quarterly", "day": 15, "month": 4},
        {"frequency": "monthly", "day": 15, "month": 2},
        {"frequency": "weekly", "day": 15},
        {"frequency": "monthly", "day": 0},
    ],
)
def test_invalid_rules(kwargs: dict) -> None:
    with pytest.raises(ValueError):
        ReportRule("bad", "Bad", **kwargs)


def test_rules_from_mappings_and_shipped_units(rules) -> None:
    rule = rule_from_mapping(
        {"key": "k", "name": "N", "frequency": "annual", "day": 1, "month": 12,
         "unit_kinds": ["commune"]}
    )  # fmt: skip
    assert rule.unit_kinds == ("commune",)
    assert all(r.unit_kinds and r.basis for r in rules.values())


def test_a_moved_meeting_says_the_day_it_is_held(rules) -> None:
    # 20/3/2022 is a Sunday: the briefing meeting is held on Friday 18/3.
    found = report_deadlines([rules["hop-giao-ban"]], 2022, month=3, cal=WorkCalendar())[0]
    assert found.date == date(2022, 3, 18) and found.moved
    assert found.label == "ngày 18/3/2022, thay cho ngày 20/3/2022"


def test_a_meeting_with_hours_is_held_at_them_in_viet_nam_time():
    shipped = next(r for r in load_report_rules() if r.key == "hop-giao-ban")
    assert (shipped.start_time, shipped.end_time) == (time(14), time(16))
    march = report_deadlines([shipped], 2023, 3)[0]
    assert march.times == (datetime(2023, 3, 20, 14, tzinfo=VN_TZ),
                           datetime(2023, 3, 20, 16, tzinfo=VN_TZ))
    no_end = ReportRule(key="m", name="Họp", frequency="monthly", day=20, kind="meeting",
                        before=False, start_time=time(8, 30))
    assert report_deadlines([no_end], 2023, 3)[0].times[1].hour == 9  # an hour by default
    deadline = next(r for r in load_report_rules() if r.key == "bao-cao-thang")
    assert report_deadlines([deadline], 2023, 3)[0].times is None  # a whole day
    with pytest.raises(ValueError):
        ReportRule(key="m", name="Họp", frequency="monthly", day=20, end_time=time(9))
    with pytest.raises(ValueError):
        ReportRule(key="m", name="Họp", frequency="monthly", day=20, start_time=time(9),
                   end_time=time(8))
