"""The "ngày 5" registration rule, working-day arithmetic and "trước ngày X"."""

from datetime import date, timedelta

import pytest

from editorial.calendar.deadlines import (
    DEFAULT_RULE,
    DeadlineRule,
    add_working_days,
    apply_rule,
    day_before,
    event_news_due,
    registration_deadline,
    slot_deadline,
)
from editorial.calendar.workdays import DayException, WorkCalendar


@pytest.fixture(scope="module")
def cal() -> WorkCalendar:
    return WorkCalendar()


@pytest.mark.parametrize(
    ("month", "expected"),
    [
        (1, date(2023, 1, 5)),  # Thursday
        (2, date(2023, 2, 3)),  # 5th a Sunday: Friday 3rd
        (3, date(2023, 3, 3)),  # Sunday
        (4, date(2023, 4, 5)),
        (5, date(2023, 5, 5)),  # Friday, right after the 29/4 – 3/5 break
        (6, date(2023, 6, 5)),
        (7, date(2023, 7, 5)),
        (8, date(2023, 8, 4)),  # 5th a Saturday: Friday 4th
        (9, date(2023, 9, 5)),
        (10, date(2023, 10, 5)),
        (11, date(2023, 11, 3)),  # Sunday
        (12, date(2023, 12, 5)),
    ],
)
def test_the_2023_plan(cal: WorkCalendar, month: int, expected: date) -> None:
    assert registration_deadline(2023, month, cal) == expected


@pytest.mark.parametrize(
    ("year", "month", "expected"),
    [
        # Tết Kỷ Hợi 4/2 – 8/2/2019 covers the 5th and the 4th: back to Friday 1/2.
        (2019, 2, date(2019, 2, 1)),
        # 5/9/2021 is a Sunday; Friday 3/9 and Thursday 2/9 are Quốc khánh: Wednesday 1/9.
        (2021, 9, date(2021, 9, 1)),
        # 5/2/2022 is a Saturday; Tết Nhâm Dần holds 31/1 – 4/2: back into January.
        (2022, 2, date(2022, 1, 28)),
        # Estimated (2027 not yet decided): Tết Đinh Mùi 6/2/2027, giao thừa Friday 5/2.
        (2027, 2, date(2027, 2, 3)),
    ],
)
def test_holidays_push_the_deadline_earlier(
    cal: WorkCalendar, year: int, month: int, expected: date
) -> None:
    assert registration_deadline(year, month, cal) == expected


def test_never_on_a_make_up_saturday(cal: WorkCalendar) -> None:
    # 5/5/2024 is a Sunday and Saturday 4/5/2024 was worked (swap for 29/4).
    assert cal.is_working_day(date(2024, 5, 4))
    assert registration_deadline(2024, 5, cal) == date(2024, 5, 3)
    lenient = DeadlineRule(weekdays_only=False)
    assert registration_deadline(2024, 5, cal, lenient) == date(2024, 5, 4)


def test_a_province_day_off_moves_it_too() -> None:
    cal = WorkCalendar([DayException(date(2023, 6, 5), "off", "Nghỉ theo quyết định tỉnh")])
    assert registration_deadline(2023, 6, cal) == date(2023, 6, 2)


@pytest.mark.parametrize(
    ("rule", "year", "month", "expected"),
    [
        # The 10th, moved later: 10/9/2023 is a Sunday, so Monday 11/9.
        (DeadlineRule(day_of_month=10, direction="after"), 2023, 9, date(2023, 9, 11)),
        # Later, across the Tết Ất Tỵ break 25/1 – 2/2/2025.
        (DeadlineRule(day_of_month=27, direction="after"), 2025, 1, date(2025, 2, 3)),
        # Day 31 in a short month is its last day (Tuesday 28/2/2023).
        (DeadlineRule(day_of_month=31), 2023, 2, date(2023, 2, 28)),
        # Holidays ignored: the seed's own wording only moves weekends.
        (DeadlineRule(skip_holidays=False), 2022, 2, date(2022, 2, 4)),
        # Nothing moves at all.
        (DeadlineRule(weekdays_only=False, skip_holidays=False), 2023, 2, date(2023, 2, 5)),
    ],
)
def test_configured_rules(
    cal: WorkCalendar, rule: DeadlineRule, year: int, month: int, expected: date
) -> None:
    assert registration_deadline(year, month, cal, rule) == expected


def test_every_deadline_2023_2027_is_the_nearest_weekday_working_day(cal: WorkCalendar) -> None:
    for year in range(2023, 2028):
        for month in range(1, 13):
            due = registration_deadline(year, month, cal)
            fifth = date(year, month, 5)
            assert due <= fifth and due.weekday() < 5 and cal.is_working_day(due)
            between = [due + timedelta(n) for n in range(1, (fifth - due).days + 1)]
            assert not any(d.weekday() < 5 and cal.is_working_day(d) for d in between)


@pytest.mark.parametrize(
    "kwargs", [{"day_of_month": 0}, {"day_of_month": 32}, {"direction": "sideways"}]
)
def test_invalid_rules(kwargs: dict) -> None:
    with pytest.raises(ValueError):
        DeadlineRule(**kwargs)


def test_default_rule_keeps_the_plan_wording() -> None:
    assert DEFAULT_RULE.day_of_month == 5
    assert "thứ sáu gần kề" in DEFAULT_RULE.label


def test_apply_rule_gives_up_rather_than_loop() -> None:
    class NeverWorking:
        def is_working_day(self, d: date) -> bool:
            return False

    with pytest.raises(ValueError):
        apply_rule(date(2023, 1, 5), NeverWorking())


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        (date(2023, 2, 3), 1, date(2023, 2, 6)),  # Friday event: Monday
        (date(2023, 2, 4), 1, date(2023, 2, 6)),  # Saturday event: Monday
        (date(2023, 1, 19), 1, date(2023, 1, 27)),  # the day before Tết Quý Mão
        (date(2024, 5, 3), 1, date(2024, 5, 4)),  # a make-up Saturday is a working day
        (date(2023, 2, 6), 5, date(2023, 2, 13)),
        (date(2023, 2, 6), 0, date(2023, 2, 6)),
        (date(2023, 2, 6), -1, date(2023, 2, 3)),
        (date(2023, 1, 27), -1, date(2023, 1, 19)),
    ],
)
def test_add_working_days(cal: WorkCalendar, start: date, n: int, expected: date) -> None:
    assert add_working_days(start, n, cal) == expected


def test_event_news_is_due_one_working_day_after(cal: WorkCalendar) -> None:
    assert event_news_due(date(2026, 1, 9), cal) == date(2026, 1, 10)  # make-up Saturday
    assert event_news_due(date(2026, 2, 13), cal) == date(2026, 2, 23)  # over Tết
    assert event_news_due(date(2026, 2, 13), cal, working_days=2) == date(2026, 2, 24)


def test_day_before() -> None:
    due = day_before(date(2022, 5, 15))
    assert due.day == date(2022, 5, 14)
    assert due.label == "trước ngày 15/5/2022"
    assert day_before(date(2023, 3, 1)).day == date(2023, 2, 28)
    assert day_before(date(2023, 6, 16), "trước ngày 16 tháng cuối quý").label == (
        "trước ngày 16 tháng cuối quý"
    )


def _fifth_rule(cal: WorkCalendar):
    return lambda year, month: registration_deadline(year, month, cal)


@pytest.mark.parametrize(
    ("start", "weekly", "expected"),
    [
        (date(2023, 4, 1), False, date(2023, 4, 5)),  # a month: its 5th-rule deadline
        (date(2023, 4, 3), True, date(2023, 3, 31)),  # a week before the 5th: Friday before
        (date(2023, 4, 17), True, date(2023, 4, 5)),  # a later week: the month's deadline
        (date(2027, 1, 4), True, date(2026, 12, 31)),  # Friday 1/1/2027 is New Year's Day
        (date(2026, 5, 4), True, date(2026, 4, 29)),  # Fri 1/5 and Thu 30/4 are holidays
        (date(2027, 5, 3), True, date(2027, 4, 29)),  # Friday 30/4/2027 is a holiday
        (date(2024, 5, 6), True, date(2024, 5, 3)),  # never the make-up Saturday 4/5/2024
    ],
)
def test_slot_deadline(cal: WorkCalendar, start: date, weekly: bool, expected: date) -> None:
    assert slot_deadline(start, weekly, _fifth_rule(cal), cal) == expected
