"""The website quota rules, pure: the tally against the quota, news due after an event."""

from datetime import date

from editorial.calendar import WorkCalendar
from editorial.website.rules import (
    QUOTA,
    ItemKind,
    Quota,
    Tally,
    is_late,
    month_bounds,
    months_met,
    news_due,
)

CAL = WorkCalendar([])


def test_the_quota_is_two_news_and_one_article():
    assert QUOTA == Quota(news=2, articles=1)
    assert Tally(2, 1).met(QUOTA) and Tally(5, 3).met(QUOTA)
    assert not Tally(1, 1).met(QUOTA) and not Tally(2, 0).met(QUOTA)


def test_a_tally_adds_by_kind_and_months_met_counts():
    tally = Tally().add(ItemKind.NEWS, 2).add(ItemKind.ARTICLE)
    assert tally == Tally(2, 1)
    assert months_met([tally, Tally(1, 1), Tally(3, 2)]) == 2


def test_news_of_a_friday_event_is_due_on_monday():
    assert news_due(date(2023, 3, 17), CAL) == date(2023, 3, 20)
    assert news_due(date(2023, 3, 15), CAL) == date(2023, 3, 16)


def test_news_of_an_event_before_tet_is_due_after_the_holiday():
    assert news_due(date(2023, 1, 19), CAL) == date(2023, 1, 27)


def test_late_means_after_the_due_day():
    due = date(2023, 3, 20)
    assert not is_late(date(2023, 3, 20), due) and is_late(date(2023, 3, 21), due)


def test_month_bounds_roll_over_december():
    assert month_bounds(2023, 12) == (date(2023, 12, 1), date(2024, 1, 1))
