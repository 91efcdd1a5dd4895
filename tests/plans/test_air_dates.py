"""The broadcast pattern proposes air dates ("Thursday of the 2nd week, 19:30")."""

from datetime import date, datetime

from editorial.plans.rules import (
    BroadcastPattern,
    Cadence,
    air_dates,
    column_periods,
    proposed_air,
)

THURSDAY = 3


def test_thursday_of_the_second_week_in_december_2026_and_2027():
    pattern = BroadcastPattern(THURSDAY, 2, "19:30")
    assert air_dates(pattern, date(2026, 12, 1), date(2026, 12, 31)) == [date(2026, 12, 10)]
    assert air_dates(pattern, date(2027, 12, 1), date(2027, 12, 31)) == [date(2027, 12, 9)]
    assert proposed_air(pattern, date(2026, 12, 1), date(2026, 12, 31)) == datetime(
        2026, 12, 10, 19, 30)


def test_the_last_week_is_the_fourth_or_the_fifth():
    last = BroadcastPattern(THURSDAY, 5)
    assert air_dates(last, date(2026, 12, 1), date(2026, 12, 31)) == [date(2026, 12, 31)]
    assert air_dates(last, date(2027, 12, 1), date(2027, 12, 31)) == [date(2027, 12, 30)]
    assert air_dates(last, date(2027, 2, 1), date(2027, 2, 28)) == [date(2027, 2, 25)]


def test_a_weekday_without_a_week_names_every_one():
    saturdays = air_dates(BroadcastPattern(5), date(2026, 12, 1), date(2026, 12, 31))
    assert saturdays == [date(2026, 12, d) for d in (5, 12, 19, 26)]


def test_a_weekly_period_gets_its_own_day():
    week = (date(2026, 12, 7), date(2026, 12, 13))  # Monday to Sunday
    assert proposed_air(BroadcastPattern(THURSDAY, None, "19:30"), *week) == datetime(
        2026, 12, 10, 19, 30)
    assert proposed_air(BroadcastPattern(THURSDAY, 3), *week) is None  # not the 3rd Thursday
    assert proposed_air(None, *week) is None
    assert proposed_air(BroadcastPattern(6), *week) == date(2026, 12, 13)


def test_periods_monthly_weekly_and_every_two_weeks():
    assert len(column_periods(2028, Cadence.MONTHLY)) == 12
    weeks = column_periods(2028, Cadence.WEEKLY)
    assert weeks[0] == (date(2028, 1, 3), date(2028, 1, 9)) and len(weeks) == 52
    fortnights = column_periods(2028, Cadence.WEEKLY, 2)
    assert fortnights[:2] == [weeks[0], weeks[2]] and len(fortnights) == 26
