"""The deadlines reminders are about, gathered from the plans and the report rules."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, timedelta

from sqlalchemy import select

from editorial.auth.models import Role, User
from editorial.calendar import ReportDeadline
from editorial.calendar import report_deadlines as report_deadlines_of
from editorial.extensions import db
from editorial.notifications.rules import Deadline, Kind
from editorial.observances import services as observances
from editorial.plans import services as plans
from editorial.plans.models import Cadence, Channel, Slot, SlotStatus
from editorial.units.models import Unit, UnitKind
from editorial.website import services as website

LOOK_BACK = timedelta(days=8)  # overdue notices for deadlines up to a week old
LOOK_AHEAD = timedelta(days=31)  # the furthest "N days before" a user may choose is 30
# Reminders are Vietnamese whatever the reader's UI language (mail has no session).
CHANNEL_WORDS = {Channel.RADIO_TV: "Chuyên mục PT-TH", Channel.NEWSPAPER: "Chuyên trang Báo",
                 Channel.WEBSITE: "Trang TTĐT"}


class People:
    """Active officers by unit, editors, and units by kind, loaded once per planning run."""

    def __init__(self) -> None:
        users = db.session.scalars(select(User).where(User.active.is_(True))).all()
        self.officers: dict[int, list[int]] = defaultdict(list)
        self.editors = tuple(u.id for u in users if u.role == Role.EDITOR)
        for user in users:
            if user.role == Role.OFFICER:
                self.officers[user.unit_id].append(user.id)
        units = db.session.execute(select(Unit.id, Unit.kind)).all()
        self.units_of_kind: dict[str, list[int]] = defaultdict(list)
        for unit_id, kind in units:
            self.units_of_kind[kind.value].append(unit_id)

    def officers_of(self, unit_ids: Iterable[int]) -> tuple[int, ...]:
        return tuple(u for unit in unit_ids for u in self.officers.get(unit, ()))


def deadlines_around(today: date, people: People) -> list[Deadline]:
    """Registration and report deadlines from a week ago to a month ahead."""
    start, end = today - LOOK_BACK, today + LOOK_AHEAD
    return [*registration_deadlines(start, end, people), *report_deadlines(start, end, people),
            *event_news_deadlines(start, end, people)]


def registration_deadlines(start: date, end: date, people: People) -> list[Deadline]:
    """Monthly slots still unregistered ("planned") whose deadline falls in [start, end]."""
    deadline_of = observances.deadline_function()
    slots = plans.slots_between(start.replace(day=1), end + timedelta(days=31))
    found = []
    for slot in slots:
        if slot.status != SlotStatus.PLANNED or slot.column.cadence != Cadence.MONTHLY:
            continue
        due = deadline_of(slot.period_start.year, slot.period_start.month)
        if start <= due <= end:
            found.append(_registration(slot, due, people))
    return found


def _registration(slot: Slot, due: date, people: People) -> Deadline:
    units = (people.units_of_kind[UnitKind.DISTRICT.value] if slot.all_units
             else [slot.assigned_unit_id])
    unit = plans.slot_unit_label(slot) if slot.all_units else slot.assigned_unit.label
    month = f"{slot.period_start.month}/{slot.period_start.year}"
    return Deadline(
        kind=Kind.REGISTRATION, subject=f"slot:{slot.id}", due=due,
        what=f"đăng ký chủ đề tháng {month} – {CHANNEL_WORDS[slot.column.channel]} – {unit}",
        detail=f"Chủ đề dự kiến: {slot.topic}", url=f"/slots/{slot.id}",
        recipients=people.officers_of(units), watchers=people.editors)


def report_deadlines(start: date, end: date, people: People) -> list[Deadline]:
    """Report deadlines and the month's website quota in [start, end], for the officers of the
    units that owe them (meetings are in the calendar, not reminded)."""
    found = []
    below_quota = _BelowQuota()
    for occurrence in _occurrences(start, end):
        rule = occurrence.rule
        units = [u for kind in rule.unit_kinds for u in people.units_of_kind.get(kind, ())]
        if rule.kind == "quota":  # only the units still short of the month's quota
            units = [u for u in units if below_quota(occurrence.nominal, u)]
            kind, what = Kind.QUOTA, (f"gửi tin, bài Trang Thông tin điện tử "
                                      f"{occurrence.label}: ít nhất 2 tin, 1 bài")
        else:
            kind, what = Kind.REPORT, f"nộp {rule.name} ({occurrence.label})"
        found.append(Deadline(
            kind=kind, subject=f"report:{occurrence.key}", due=occurrence.date, what=what,
            detail=rule.wording, url=f"/agenda?from={occurrence.date.isoformat()}",
            recipients=people.officers_of(units)))
    return found


def _occurrences(start: date, end: date) -> list[ReportDeadline]:
    """The report and quota deadlines in [start, end], by the admins' rules and working days."""
    rules, cal = observances.report_rules(), observances.work_calendar()
    return [o for year in range(start.year, end.year + 1)
            for o in report_deadlines_of(rules, year, cal=cal)
            if start <= o.date <= end and o.rule.kind in ("report", "quota")]


class _BelowQuota:
    """Whether a unit is still short of a month's website quota (one tally per month)."""

    def __init__(self) -> None:
        self._tallies: dict[tuple[int, int], dict] = {}

    def __call__(self, day: date, unit_id: int) -> bool:
        key = (day.year, day.month)
        if key not in self._tallies:
            self._tallies[key] = website.tally(*key)
        tally = self._tallies[key].get(unit_id)
        return tally is None or not tally.met()


def event_news_deadlines(start: date, end: date, people: People) -> list[Deadline]:
    """Announced events whose news is due in [start, end] and not sent yet."""
    return [Deadline(
        kind=Kind.EVENT_NEWS, subject=f"web-event:{event.id}", due=due,
        what=f"gửi tin sự kiện “{event.title}” ({event.event_date:%d/%m/%Y})",
        detail="Tin, bài về các sự kiện phải được gửi đến Ban Biên tập chậm nhất sau 01 ngày "
               "làm việc.", url="/website", recipients=people.officers_of([event.unit_id]))
        for event, due in website.news_due_between(start, end)]
