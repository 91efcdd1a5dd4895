"""The Vietnamese lunar calendar against published dates and its own invariants."""

import os
from datetime import date, timedelta

import pytest

from editorial.calendar.lunar import (
    LunarDate,
    can_chi,
    format_lunar,
    hung_kings_day,
    lantern_day,
    leap_month,
    lunar_days,
    lunar_to_solar,
    mid_autumn,
    month_length,
    solar_to_lunar,
    tet,
)


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (1985, date(1985, 1, 21)),  # China: 20/2/1985
        (2007, date(2007, 2, 17)),  # China: 18/2/2007
        (2019, date(2019, 2, 5)),
        (2022, date(2022, 2, 1)),
        (2023, date(2023, 1, 22)),
        (2024, date(2024, 2, 10)),
        (2025, date(2025, 1, 29)),
        (2026, date(2026, 2, 17)),
        (2027, date(2027, 2, 6)),
    ],
)
def test_tet_published_dates(year: int, expected: date) -> None:
    assert tet(year) == expected
    assert solar_to_lunar(expected) == LunarDate(year, 1, 1, False)
    assert solar_to_lunar(expected - timedelta(days=1)).year == year - 1


def test_where_china_differs_vietnam_keeps_its_own_months() -> None:
    # 20/2/1985 opens the Chinese year, but is the 1st of the 2nd month in Vietnam.
    assert solar_to_lunar(date(1985, 2, 20)) == LunarDate(1985, 2, 1)
    # 18/2/2007, the Chinese Tết, is already the 2nd day of Tết in Vietnam.
    assert solar_to_lunar(date(2007, 2, 18)) == LunarDate(2007, 1, 2)


@pytest.mark.parametrize(
    ("func", "year", "expected"),
    [
        (hung_kings_day, 2023, date(2023, 4, 29)),
        (hung_kings_day, 2024, date(2024, 4, 18)),
        (hung_kings_day, 2025, date(2025, 4, 7)),
        (hung_kings_day, 2026, date(2026, 4, 26)),
        (mid_autumn, 2023, date(2023, 9, 29)),
        (mid_autumn, 2024, date(2024, 9, 17)),
        (mid_autumn, 2025, date(2025, 10, 6)),
        (lantern_day, 2023, date(2023, 2, 5)),
        (lantern_day, 2024, date(2024, 2, 24)),
    ],
)
def test_lunar_feasts(func, year: int, expected: date) -> None:
    assert func(year) == expected


def test_2023_has_a_leap_second_month() -> None:
    assert leap_month(2023) == 2
    assert lunar_to_solar(2023, 2, 1) == date(2023, 2, 20)
    # The new moon of 21/3/2023 17:23 UTC is 22/3 in Vietnam: the leap month starts then.
    assert lunar_to_solar(2023, 2, 1, leap=True) == date(2023, 3, 22)
    assert solar_to_lunar(date(2023, 3, 21)) == LunarDate(2023, 2, 30, False)
    assert solar_to_lunar(date(2023, 4, 19)) == LunarDate(2023, 2, 29, True)
    assert solar_to_lunar(date(2023, 4, 20)) == LunarDate(2023, 3, 1, False)
    assert month_length(2023, 2, leap=True) == 29


def test_2025_has_a_leap_sixth_month() -> None:
    assert leap_month(2025) == 6
    assert lunar_to_solar(2025, 6, 1, leap=True) == date(2025, 7, 25)
    assert lunar_to_solar(2025, 7, 1) == date(2025, 8, 23)
    assert lunar_to_solar(2025, 7, 15) == date(2025, 9, 6)  # Vu Lan 2025


@pytest.mark.parametrize("year", [2022, 2024, 2026, 2027])
def test_common_years_have_no_leap_month(year: int) -> None:
    assert leap_month(year) is None


def test_the_2033_leap_eleventh_month() -> None:
    assert leap_month(2033) == 11
    assert lunar_to_solar(2033, 11, 1, True) > lunar_to_solar(2033, 11, 1)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((2023, 3, 1, True), "no leap month 3"),
        ((2024, 1, 1, True), "no leap month"),
        ((2023, 13, 1, False), "outside 1-12"),
        ((2025, 1, 0, False), "days, not 0"),
        ((1799, 1, 1, False), "outside"),
    ],
)
def test_invalid_lunar_dates_are_refused(args: tuple, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        lunar_to_solar(*args)


def test_a_thirtieth_day_only_in_a_long_month() -> None:
    short = next(m for m in range(1, 13) if month_length(2025, m) == 29)
    with pytest.raises(ValueError):
        lunar_to_solar(2025, short, 30)
    long_ = next(m for m in range(1, 13) if month_length(2025, m) == 30)
    assert solar_to_lunar(lunar_to_solar(2025, long_, 30)).day == 30


def test_round_trip_and_continuity_every_day_1900_2100() -> None:
    d, previous = date(1900, 3, 1), solar_to_lunar(date(1900, 2, 28))
    while d <= date(2100, 12, 31):
        ld = solar_to_lunar(d)
        assert lunar_to_solar(ld.year, ld.month, ld.day, ld.leap) == d
        if ld.day == 1:
            assert previous.day in (29, 30)
        else:
            assert (ld.year, ld.month, ld.leap, ld.day) == (
                previous.year, previous.month, previous.leap, previous.day + 1,
            )  # fmt: skip
        previous, d = ld, d + timedelta(days=1)


@pytest.mark.parametrize("year", range(1990, 2041))
def test_year_lengths(year: int) -> None:
    days = (tet(year + 1) - tet(year)).days
    assert days in ((383, 384, 385) if leap_month(year) else (353, 354, 355))


def test_agrees_with_the_holidays_library_vietnamese_tables() -> None:
    """An independent source: the `holidays` package's Vietnamese-calendar tables."""
    chinese = pytest.importorskip("holidays.calendars.chinese")
    tables = getattr(chinese, "_ChineseLunisolar", None)
    if tables is None:  # a newer release renamed them: CI must notice, a laptop may go on
        (pytest.fail if os.environ.get("CI") else pytest.skip)(
            "holidays no longer exposes its lunisolar tables")
    lib, vn = tables(), chinese.VIETNAMESE_CALENDAR
    for year in range(1901, 2100):
        assert tet(year) == lib.lunar_new_year_date(year, vn)[0], year
        assert hung_kings_day(year) == lib.hung_kings_date(year, vn)[0], year


@pytest.mark.parametrize(
    ("year", "name"),
    [
        (1930, "Canh Ngọ"),
        (1945, "Ất Dậu"),
        (1975, "Ất Mão"),
        (1984, "Giáp Tý"),
        (2022, "Nhâm Dần"),
        (2023, "Quý Mão"),
        (2024, "Giáp Thìn"),
        (2025, "Ất Tỵ"),
        (2026, "Bính Ngọ"),
        (2027, "Đinh Mùi"),
    ],
)
def test_can_chi(year: int, name: str) -> None:
    assert can_chi(year) == name


def test_format_lunar() -> None:
    assert format_lunar(LunarDate(2023, 3, 10)) == "mùng 10 tháng 3 năm Quý Mão"
    assert str(LunarDate(2023, 2, 15, True)) == "ngày 15 tháng 2 nhuận năm Quý Mão"


def test_lunar_days_covers_a_month_grid() -> None:
    days = lunar_days(date(2026, 2, 1), date(2026, 2, 28))
    assert len(days) == 28
    assert days[16] == (date(2026, 2, 17), LunarDate(2026, 1, 1))


@pytest.mark.parametrize(
    ("year", "tet_day", "gio_to"),
    [
        (2020, date(2020, 1, 25), date(2020, 4, 2)),
        (2021, date(2021, 2, 12), date(2021, 4, 21)),
        (2022, date(2022, 2, 1), date(2022, 4, 10)),
        (2023, date(2023, 1, 22), date(2023, 4, 29)),
        (2024, date(2024, 2, 10), date(2024, 4, 18)),
        (2025, date(2025, 1, 29), date(2025, 4, 7)),
        (2026, date(2026, 2, 17), date(2026, 4, 26)),
        (2027, date(2027, 2, 6), date(2027, 4, 16)),
        (2028, date(2028, 1, 26), date(2028, 4, 4)),
        (2029, date(2029, 2, 13), date(2029, 4, 23)),
        (2030, date(2030, 2, 2), date(2030, 4, 12)),  # China: Tết on 3/2/2030
    ],
)
def test_tet_and_gio_to_every_year_2020_2030(year: int, tet_day: date, gio_to: date) -> None:
    assert tet(year) == tet_day
    assert hung_kings_day(year) == gio_to
    assert solar_to_lunar(gio_to) == LunarDate(year, 3, 10)
