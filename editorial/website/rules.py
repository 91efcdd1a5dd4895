"""The website quota, pure: what a month's published items must reach, and when news of an
event is due (seed 001, II.1)."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from editorial.calendar import add_working_days
from editorial.calendar.deadlines import WorkingDays
from editorial.calendar.reports import WEBSITE_QUOTA, Quota


class ItemKind(enum.StrEnum):
    NEWS = "news"  # tin
    ARTICLE = "article"  # bài


class ItemStatus(enum.StrEnum):
    SUBMITTED = "submitted"  # waiting for Ban Biên tập
    PUBLISHED = "published"  # approved and run on the website: counts
    REJECTED = "rejected"


LIVE = (ItemStatus.SUBMITTED, ItemStatus.PUBLISHED)  # an item that still covers its event
NEWS_WITHIN = 1  # working days after the event


QUOTA = WEBSITE_QUOTA


@dataclass(frozen=True)
class Tally:
    """What a unit had published in one month, and the quota its kind of unit owes."""

    news: int = 0
    articles: int = 0
    quota: Quota = QUOTA

    def met(self, quota: Quota | None = None) -> bool:
        """True when both counts reach the quota (the unit's own unless another is given)."""
        quota = quota or self.quota
        return self.news >= quota.news and self.articles >= quota.articles

    def add(self, kind: ItemKind, count: int = 1) -> Tally:
        """This tally with `count` more items of `kind`."""
        if kind == ItemKind.NEWS:
            return replace(self, news=self.news + count)
        return replace(self, articles=self.articles + count)


def months_met(months: Iterable[Tally]) -> int:
    """How many months reached the quota (the emulation score)."""
    return sum(1 for t in months if t.met())


def news_due(event_date: date, cal: WorkingDays) -> date:
    """News of an event reaches Ban Biên tập within 1 working day after it."""
    return add_working_days(event_date, NEWS_WITHIN, cal)


def is_late(submitted_day: date, due: date) -> bool:
    """True when an item came in after its due day."""
    return submitted_day > due


def month_bounds(year: int, month: int) -> tuple[date, date]:
    """The first day of the month and the first day of the next."""
    start = date(year, month, 1)
    return start, date(year + month // 12, month % 12 + 1, 1)
