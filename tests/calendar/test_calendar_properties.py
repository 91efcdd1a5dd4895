"""Properties that hold for every date, checked by hypothesis over many generated cases."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from editorial.calendar.deadlines import add_working_days, registration_deadline
from editorial.calendar.lunar import (
    LunarDate,
    leap_month,
    lunar_to_solar,
    month_length,
    solar_to_lunar,
)
from editorial.calendar.workdays import DayException, WorkCalendar

PLAIN = WorkCalendar()
years = st.integers(min_value=2000, max_value=2060)
months = st.integers(min_value=1, max_value=12)


@st.composite
def calendars(draw) -> WorkCalendar:
    """The shipped calendar plus an admin's random days off and worked weekends around the
    start of one month (where deadlines fall), sometimes the whole first week."""
    year, month = draw(years), draw(months)
    first = date(year, month, 1)
    days = [first + timedelta(n) for n in range(-10, 8)]
    off = draw(st.sets(st.sampled_from(days), max_size=len(days)))
    if draw(st.booleans()):
        off |= set(days[10:16])  # 1st–6th all off
    exceptions = [DayException(d, "work" if d.weekday() >= 5 else "off", "thử") for d in off]
    return WorkCalendar(exceptions), year, month


@settings(max_examples=300, deadline=None)
@given(calendars())
def test_a_deadline_is_a_weekday_working_day_by_the_fifth(case) -> None:
    cal, year, month = case
    due = registration_deadline(year, month, cal)
    fifth = date(year, month, 5)
    assert cal.is_working_day(due) and due.weekday() < 5
    assert due <= fifth
    later = [due + timedelta(n) for n in range(1, (fifth - due).days + 1)]
    assert not [d for d in later if d.weekday() < 5 and cal.is_working_day(d)]  # the nearest
    if due < date(year, month, 1):  # only when the whole start of the month is off
        start = [date(year, month, n) for n in range(1, 6)]
        assert not [d for d in start if d.weekday() < 5 and cal.is_working_day(d)]


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=date(1901, 3, 1), max_value=date(2099, 12, 1)))
def test_solar_to_lunar_and_back_is_the_identity(day: date) -> None:
    lunar = solar_to_lunar(day)
    assert lunar_to_solar(lunar.year, lunar.month, lunar.day, lunar.leap) == day


@st.composite
def lunar_dates(draw) -> LunarDate:
    year = draw(st.integers(min_value=1901, max_value=2099))
    month = draw(st.integers(min_value=1, max_value=12))
    leap = leap_month(year) == month and draw(st.booleans())
    day = draw(st.integers(min_value=1, max_value=month_length(year, month, leap)))
    return LunarDate(year, month, day, leap)


@settings(max_examples=300, deadline=None)
@given(lunar_dates())
def test_lunar_to_solar_and_back_is_the_identity(lunar: LunarDate) -> None:
    assert solar_to_lunar(lunar_to_solar(lunar.year, lunar.month, lunar.day, lunar.leap)) == lunar


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2060, 12, 31)),
       st.integers(min_value=-15, max_value=15))
def test_working_day_arithmetic(day: date, n: int) -> None:
    if PLAIN.is_working_day(day):
        assert add_working_days(day, 0, PLAIN) == day
    moved = add_working_days(day, n, PLAIN)
    if n > 0:  # exactly n working days in (day, moved]
        span = [day + timedelta(k) for k in range(1, (moved - day).days + 1)]
    else:  # exactly |n| working days in [moved, day)
        span = [moved + timedelta(k) for k in range((day - moved).days)]
    assert sum(PLAIN.is_working_day(d) for d in span) == abs(n)
    assert n == 0 or PLAIN.is_working_day(moved)
