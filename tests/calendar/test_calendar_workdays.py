"""Working days: the library base, the shipped corrections, admin exceptions."""

from datetime import date, timedelta

import pytest

from editorial.calendar import workdays
from editorial.calendar.workdays import (
    DayException,
    WorkCalendar,
    parse_exceptions,
    shipped_corrections,
)


@pytest.fixture(scope="module")
def cal() -> WorkCalendar:
    return WorkCalendar()


def _span(start: date, end: date) -> list[date]:
    return [start + timedelta(n) for n in range((end - start).days + 1)]


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2023, 1, 2), False),  # New Year on a Sunday: Monday off
        (date(2023, 1, 27), True),  # first day back after Tết Quý Mão
        (date(2023, 5, 2), False),  # compensatory for Giỗ Tổ on Saturday 29/4
        (date(2023, 5, 3), False),  # compensatory for 30/4 on Sunday
        (date(2023, 9, 1), False),
        (date(2023, 9, 4), False),  # 2/9 on a Saturday
        (date(2024, 4, 18), False),  # Giỗ Tổ
        (date(2024, 4, 29), False),  # swapped day off…
        (date(2024, 5, 4), True),  # …worked on Saturday 4/5 (missing from the library)
        (date(2024, 9, 3), False),
        (date(2025, 4, 26), True),  # Saturday worked for Friday 2/5
        (date(2025, 5, 2), False),
        (date(2026, 1, 2), False),  # New Year 2026 swap (missing from the library)
        (date(2026, 1, 10), True),
        (date(2026, 1, 5), True),
        (date(2026, 4, 27), False),  # Giỗ Tổ on a Sunday
        (date(2026, 8, 22), True),  # Saturday worked for Monday 31/8
        (date(2026, 8, 31), False),
        (date(2026, 9, 2), False),
        (date(2026, 9, 3), True),
        (date(2026, 6, 6), False),  # an ordinary Saturday
        (date(2026, 6, 5), True),  # an ordinary Friday
    ],
)
def test_known_days(cal: WorkCalendar, day: date, working: bool) -> None:
    assert cal.is_working_day(day) is working


@pytest.mark.parametrize(
    ("first_off", "last_off"),
    [
        (date(2023, 1, 20), date(2023, 1, 26)),  # Tết Quý Mão: 7 days
        (date(2024, 2, 8), date(2024, 2, 14)),  # Tết Giáp Thìn: 7 days
        (date(2025, 1, 25), date(2025, 2, 2)),  # Tết Ất Tỵ: 9 days
        (date(2026, 2, 14), date(2026, 2, 22)),  # Tết Bính Ngọ: 9 days
        (date(2025, 4, 30), date(2025, 5, 4)),  # 30/4 – 1/5/2025: 5 days
        (date(2026, 8, 29), date(2026, 9, 2)),  # Quốc khánh 2026: 5 days
        (date(2026, 1, 1), date(2026, 1, 4)),  # Tết Dương lịch 2026: 4 days
    ],
)
def test_government_breaks(cal: WorkCalendar, first_off: date, last_off: date) -> None:
    assert not any(cal.is_working_day(d) for d in _span(first_off, last_off))
    assert cal.is_working_day(first_off - timedelta(days=1))
    assert cal.is_working_day(last_off + timedelta(days=1))


def test_vietnamese_names(cal: WorkCalendar) -> None:
    assert cal.holiday_name(date(2026, 2, 17)) == "Tết Nguyên đán"
    assert cal.holiday_name(date(2024, 4, 30)) == "Ngày Giải phóng miền Nam, thống nhất đất nước"
    assert cal.holiday_name(date(2024, 9, 2)) == "Ngày Quốc khánh"
    assert cal.holiday_name(date(2026, 1, 2)).startswith("Nghỉ Tết Dương lịch")
    assert cal.holiday_name(date(2026, 6, 6)) is None  # a plain Saturday is no holiday
    assert cal.holiday_name(date(2026, 1, 10)) is None  # a make-up working day either


def test_holidays_in_is_sorted_and_complete(cal: WorkCalendar) -> None:
    days = cal.holidays_in(2026)
    assert days == sorted(days)
    assert {d for d, _ in days} >= {date(2026, 1, 1), date(2026, 1, 2), date(2026, 4, 30)}
    assert all(d.year == 2026 and name for d, name in days)
    assert date(2026, 1, 10) not in {d for d, _ in days}


def test_make_up_days(cal: WorkCalendar) -> None:
    assert [d for d, _ in cal.make_up_days_in(2026)] == [date(2026, 1, 10), date(2026, 8, 22)]
    assert [d for d, _ in cal.make_up_days_in(2024)] == [date(2024, 5, 4)]


def test_working_days_of_january_2026(cal: WorkCalendar) -> None:
    days = cal.working_days(date(2026, 1, 1), date(2026, 1, 31))
    assert len(days) == 21  # 22 weekdays, minus 1/1 and 2/1, plus Saturday 10/1
    assert days[0] == date(2026, 1, 5)
    assert cal.working_days(date(2026, 1, 5), date(2026, 1, 4)) == []


def test_shipped_corrections_are_well_formed() -> None:
    corrections, renames = shipped_corrections()
    assert corrections and renames
    for exc in corrections:
        # A document, or a row that says plainly its basis is still to be checked.
        assert exc.basis and ("số" in exc.basis or "Thủ tướng" in exc.basis
                              or "CHƯA ĐỐI CHIẾU" in exc.basis), exc
        assert 2023 <= exc.day.year <= 2027
        # A worked day is a weekend day; a day off is a weekday.
        assert (exc.day.weekday() >= 5) is (exc.kind == "work"), exc


def test_without_the_library_only_weekdays_and_exceptions_count() -> None:
    cal = WorkCalendar(use_library=False, corrections=())
    assert cal.is_working_day(date(2026, 2, 17))  # Tết unknown without the library
    assert not cal.is_working_day(date(2026, 2, 21))
    assert cal.holidays_in(2026) == []


def test_extra_exceptions_win_over_shipped_corrections() -> None:
    province_day_off = DayException(date(2026, 1, 10), "off", "Nghỉ theo quyết định của tỉnh")
    extra_saturday = DayException(date(2026, 6, 6), "work", "Làm bù")
    cal = WorkCalendar([province_day_off, extra_saturday])
    assert not cal.is_working_day(date(2026, 1, 10))
    assert cal.holiday_name(date(2026, 1, 10)) == "Nghỉ theo quyết định của tỉnh"
    assert cal.is_working_day(date(2026, 6, 6))
    assert province_day_off in cal.exceptions_in(2026)
    assert all(e.day.year == 2026 for e in cal.exceptions_in(2026))
    assert len({e.day for e in cal.exceptions_in(2026)}) == len(cal.exceptions_in(2026))


def test_a_work_exception_cancels_a_library_holiday() -> None:
    cal = WorkCalendar([DayException(date(2026, 4, 27), "work", "Đi làm")])
    assert cal.is_working_day(date(2026, 4, 27))
    assert date(2026, 4, 27) not in dict(cal.holidays_in(2026))


def test_day_exception_kind_is_checked() -> None:
    with pytest.raises(ValueError, match="kind"):
        DayException(date(2026, 1, 1), "holiday", "x")  # type: ignore[arg-type]


def test_parse_exceptions_accepts_iso_strings_and_dates() -> None:
    rows = [
        {"day": "2026-03-02", "kind": "off", "name": "Nghỉ", "basis": "QĐ 1"},
        {"day": date(2026, 3, 7), "kind": "work", "name": "Làm bù"},
    ]
    parsed = parse_exceptions(rows)
    assert parsed[0] == DayException(date(2026, 3, 2), "off", "Nghỉ", "QĐ 1")
    assert parsed[1].basis == ""


def test_the_library_is_asked_once_per_year(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    real = workdays.holidays.country_holidays

    def counting(*args, **kwargs):
        calls.append(kwargs["years"])
        return real(*args, **kwargs)

    monkeypatch.setattr(workdays.holidays, "country_holidays", counting)
    workdays.library_holidays.cache_clear()
    for _ in range(3):  # one calendar per request: the library is still asked once a year
        cal = WorkCalendar()
        for d in _span(date(2025, 1, 1), date(2025, 12, 31)):
            cal.is_working_day(d)
        cal.holidays_in(2025)
    assert calls == [2025]
    workdays.library_holidays.cache_clear()
