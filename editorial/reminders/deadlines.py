"""The deadlines reminders are about: the deadline events of every source, with whom they
concern (the same events the grid, the agenda and the feeds show)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, timedelta

from sqlalchemy import select

from editorial.auth.models import User
from editorial.auth.rules import Role
from editorial.calendar.event import CalendarEvent, EventKind
from editorial.events import sources
from editorial.extensions import db
from editorial.notifications.rules import Deadline, Kind
from editorial.units import scope
from editorial.units.models import Unit
from editorial.website import services as website

LOOK_BACK = timedelta(days=8)  # overdue notices for deadlines up to a week old
LOOK_AHEAD = timedelta(days=31)  # the furthest "N days before" a user may choose is 30
# The event kinds reminded of, and the reminder kind users mute them by.
REMINDED = {EventKind.REGISTRATION_DEADLINE: Kind.REGISTRATION,
            EventKind.REPORT_DEADLINE: Kind.REPORT, EventKind.QUOTA_DEADLINE: Kind.QUOTA,
            EventKind.EVENT_NEWS_DUE: Kind.EVENT_NEWS}


class People:
    """Active officers by unit, editors, and units by kind, loaded once per planning run."""

    def __init__(self) -> None:
        units = db.session.execute(select(Unit.id, Unit.kind, Unit.province_id)).all()
        self.province_of = {unit_id: province or unit_id for unit_id, _kind, province in units}
        self.units_of_kind: dict[str, list[int]] = defaultdict(list)
        for unit_id, kind, _province in units:
            self.units_of_kind[kind.value].append(unit_id)
        users = db.session.scalars(select(User).where(User.active.is_(True))).all()
        self.officers: dict[int, list[int]] = defaultdict(list)
        self.editors_of: dict[int, list[int]] = defaultdict(list)  # by province
        for user in users:
            if user.is_officer:
                self.officers[user.unit_id].append(user.id)
            elif user.role == Role.EDITOR:
                self.editors_of[self.province_of.get(user.unit_id, user.unit_id)].append(user.id)
        self.editors = tuple(u for ids in self.editors_of.values() for u in ids)

    def officers_of(self, unit_ids: Iterable[int]) -> tuple[int, ...]:
        return tuple(u for unit in unit_ids for u in self.officers.get(unit, ()))

    def editors_for(self, unit_id: int | None) -> tuple[int, ...]:
        """The editors of the province a unit is of (each province's own Ban PT-TG)."""
        return tuple(self.editors_of.get(self.province_of.get(unit_id), ()))

    def units_owing(self, event: CalendarEvent, province: int) -> list[int]:
        """The units a deadline concerns: its own unit, or every unit of its kinds in the
        province whose deadline it is."""
        if event.unit_id is not None:
            return [event.unit_id]
        return [u for kind in event.unit_kinds for u in self.units_of_kind.get(kind, ())
                if self.province_of.get(u) == province]


def deadlines_around(today: date, people: People) -> list[Deadline]:
    """The deadlines of the event pipeline from a week ago to a month ahead (meetings are in
    the calendar, not reminded)."""
    start, end = today - LOOK_BACK, today + LOOK_AHEAD
    found: list[Deadline] = []
    for province in sorted(set(people.province_of.values())):
        with scope.inside(province):  # each province's plans, rules and quota tallies
            below_quota = _BelowQuota()
            found += [_deadline(event, people, below_quota, province)
                      for event in sources.events_between(start, end)
                      if event.kind in REMINDED]
    return found


def _deadline(event: CalendarEvent, people: People, below_quota: _BelowQuota,
              province: int) -> Deadline:
    """One deadline event as a reminder's duty: who must act, and who hears when it is missed."""
    units = people.units_owing(event, province)
    if event.kind == EventKind.QUOTA_DEADLINE:  # only the units still short of the quota
        units = [u for u in units if below_quota(event.day, u)]
    watchers = (people.editors_for(event.unit_id)
                if event.kind == EventKind.REGISTRATION_DEADLINE else ())
    return Deadline(kind=REMINDED[event.kind], subject=event.subject, due=event.day,
                    what=event.duty or event.title, detail=event.description, url=event.url,
                    recipients=people.officers_of(units), watchers=watchers)


class _BelowQuota:
    """Whether a unit is still short of a month's website quota (one tally per month)."""

    def __init__(self) -> None:
        self._tallies: dict[tuple[int, int], dict] = {}

    def __call__(self, day: date, unit_id: int) -> bool:
        key = (day.year, day.month)
        if key not in self._tallies:
            self._tallies[key] = website.tally(*key)
        tally = self._tallies[key].get(unit_id)  # None: the unit owes no quota
        return tally is not None and not tally.met()
