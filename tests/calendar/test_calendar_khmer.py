"""Chôl Chnăm Thmây: shipped dates, the estimate for other years, admin overrides."""

from datetime import date

import pytest

from editorial.calendar.khmer import KhmerNewYear, estimate, khmer_new_year, shipped_dates


@pytest.mark.parametrize(
    ("year", "start", "end"),
    [
        (2023, date(2023, 4, 14), date(2023, 4, 16)),
        (2024, date(2024, 4, 13), date(2024, 4, 16)),  # four days in 2024
        (2025, date(2025, 4, 14), date(2025, 4, 16)),
        (2026, date(2026, 4, 14), date(2026, 4, 16)),
    ],
)
def test_shipped_years(year: int, start: date, end: date) -> None:
    found = khmer_new_year(year)
    assert (found.start, found.end, found.estimated) == (start, end, False)
    assert found.source


def test_shipped_data_fits_the_estimate_pattern_except_2024() -> None:
    for year, found in shipped_dates().items():
        assert found.start == estimate(year).start, year
        assert len(found.days) == (4 if year == 2024 else 3), year


@pytest.mark.parametrize(("year", "start"), [(2027, date(2027, 4, 14)), (2028, date(2028, 4, 13))])
def test_unlisted_years_are_estimated(year: int, start: date) -> None:
    found = khmer_new_year(year)
    assert found.estimated and found.start == start and len(found.days) == 3


def test_an_admin_override_wins() -> None:
    override = {2023: (date(2023, 4, 13), date(2023, 4, 15))}
    found = khmer_new_year(2023, override)
    assert (found.start, found.end, found.estimated) == (
        date(2023, 4, 13),
        date(2023, 4, 15),
        False,
    )
    assert khmer_new_year(2024, override).start == date(2024, 4, 13)  # other years untouched


def test_wording_and_days() -> None:
    found = khmer_new_year(2023)
    assert found.wording == "Tết Chôl Chnăm Thmây năm 2023 (14/4 – 16/4/2023)"
    assert found.days == [date(2023, 4, 14), date(2023, 4, 15), date(2023, 4, 16)]


def test_end_before_start_is_refused() -> None:
    with pytest.raises(ValueError):
        KhmerNewYear(2023, date(2023, 4, 16), date(2023, 4, 14))
