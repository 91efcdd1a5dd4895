"""Vietnamese date wording and the local day in Asia/Ho_Chi_Minh."""

from datetime import UTC, date, datetime

import pytest

from editorial.calendar.dates import dm, dmy, is_weekend, local_date, my, weekday_name


def test_plan_style_dates_have_no_leading_zeros() -> None:
    assert dmy(date(1930, 2, 3)) == "3/2/1930"
    assert dm(date(2023, 10, 17)) == "17/10"
    assert my(date(1992, 4, 1)) == "4/1992"


def test_weekday_names_start_on_monday() -> None:
    assert weekday_name(date(2026, 2, 16)) == "Thứ Hai"
    assert weekday_name(date(2026, 2, 22)) == "Chủ nhật"
    assert is_weekend(date(2026, 2, 21)) and not is_weekend(date(2026, 2, 20))


def test_local_date_is_the_day_in_vietnam() -> None:
    # 18:00 UTC on 21/1/2023 is 01:00 on Tết Quý Mão in Vietnam.
    assert local_date(datetime(2023, 1, 21, 18, 0, tzinfo=UTC)) == date(2023, 1, 22)
    assert local_date(datetime(2023, 1, 21, 16, 59, tzinfo=UTC)) == date(2023, 1, 21)
    with pytest.raises(ValueError):
        local_date(datetime(2023, 1, 21, 18, 0))


def test_parse_day_reads_both_spellings_and_refuses_the_rest():
    import pytest

    from editorial.calendar.dates import parse_day

    assert parse_day("5/12/2026") == parse_day("2026-12-05") == date(2026, 12, 5)
    for bad in ("31/4/2026", "2026-13-01", "hôm nay", ""):
        with pytest.raises(ValueError):
            parse_day(bad)


@pytest.mark.parametrize("typed", ["10/12/2026", "10-12-2026", "10.12.2026", " 10 / 12 / 2026 ",
                                   "2026-12-10"])
def test_a_day_is_read_day_first_with_any_usual_separator(typed):
    from editorial.calendar.dates import parse_day

    assert parse_day(typed) == date(2026, 12, 10)  # 10 December, never 12 October


@pytest.mark.parametrize("typed", ["12/31/2026", "31/02/2026", "10/12-2026", "10/12/26",
                                   "2026/12/10", "20261210", "10/12/2026 08:00"])
def test_month_first_short_years_and_mixed_separators_are_refused(typed):
    from editorial.calendar.dates import parse_day

    with pytest.raises(ValueError):
        parse_day(typed)


def test_format_day_writes_dd_mm_yyyy_and_keeps_what_it_cannot_read():
    from editorial.calendar.dates import format_day

    assert format_day(date(2026, 2, 1)) == format_day("2026-02-01") == format_day("1/2/2026")
    assert format_day("2026-02-01") == "01/02/2026"
    assert format_day("31/02/2026") == "31/02/2026"  # what was typed goes back to the form
    assert format_day(None) == format_day("") == ""
