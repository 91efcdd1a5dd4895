"""The observances' event source: holidays, anniversaries, Khmer New Year, report deadlines."""

from __future__ import annotations

from datetime import date, timedelta

from editorial import calendar as rules
from editorial.calendar.event import EVERYTHING, CalendarEvent, EventKind, Scope, revision
from editorial.calendar.reports import quota_words
from editorial.observances import services
from editorial.units import settings


def events_between(start: date, end: date, scope: Scope = EVERYTHING) -> list[CalendarEvent]:
    """Holidays, anniversaries, Khmer New Year and report deadlines in [start, end]; in a
    unit's calendar, only the report deadlines that kind of unit owes."""
    events: list[CalendarEvent] = []
    for year in range(start.year, end.year + 1):
        events += _holiday_events(year) + _anniversary_events(year)
        events += _report_events(year, scope)
    return [e for e in events if e.day <= end and _last_day(e) >= start]


def _last_day(event: CalendarEvent) -> date:
    end = event.end_exclusive
    return end - timedelta(days=1) if event.all_day else end.date()


def _holiday_events(year: int) -> list[CalendarEvent]:
    cal = services.work_calendar()
    events = [CalendarEvent(uid=f"holiday-{d.isoformat()}", kind=EventKind.HOLIDAY,
                            title=f"Nghỉ: {name}", start=d, url=f"/observances/{year}")
              for d, name in cal.holidays_in(year)]
    events += [CalendarEvent(uid=f"workday-{d.isoformat()}", kind=EventKind.HOLIDAY,
                             title=f"Làm việc bù: {name}", start=d, url=f"/observances/{year}")
               for d, name in cal.make_up_days_in(year)]
    return events


def _anniversary_events(year: int) -> list[CalendarEvent]:
    events = [
        CalendarEvent(uid=o.key, kind=EventKind.ANNIVERSARY, title=o.wording, start=o.date,
                      end=(o.end + timedelta(days=1)) if o.end else None,
                      description="Năm chẵn" if o.is_round else "", url=f"/observances/{year}",
                      **revision(o.anniversary.revised_at))
        for o in rules.anniversaries_in(year, services.anniversary_table())
    ]
    khmer = services.khmer_new_year(year)
    events.append(CalendarEvent(uid=f"khmer-new-year-{year}", kind=EventKind.ANNIVERSARY,
                                title=khmer.wording, start=khmer.start,
                                end=khmer.end + timedelta(days=1), url=f"/observances/{year}"))
    return events


_RULE_EVENTS = {"meeting": EventKind.MEETING, "quota": EventKind.QUOTA_DEADLINE}


def _report_events(year: int, scope: Scope) -> list[CalendarEvent]:
    return [
        CalendarEvent(uid=d.key, kind=_RULE_EVENTS.get(d.rule.kind, EventKind.REPORT_DEADLINE),
                      title=f"{d.rule.name} ({d.label})", **_when(d),
                      description=d.rule.wording, url=f"/deadlines/{year}/"
                      f"{d.date.month}", subject=f"report:{d.key}", duty=_duty(d),
                      unit_kinds=_owed_by(d.rule), **revision(d.rule.revised_at))
        for d in rules.report_deadlines(services.report_rules(), year,
                                        cal=services.work_calendar())
        if scope.concerns(_owed_by(d.rule))
    ]


def _when(deadline: rules.ReportDeadline) -> dict:
    """A meeting with its hours starts and ends at them; anything else is the whole day."""
    times = deadline.times
    return {"start": deadline.date} if times is None else {"start": times[0], "end": times[1]}


def _owed_by(rule: rules.ReportRule) -> tuple[str, ...]:
    """The kinds of unit a rule concerns; the website quota's are each province's choice."""
    if rule.kind == "quota":
        return tuple(kind.value for kind in settings.quota_kinds())
    return rule.unit_kinds


def _duty(deadline: rules.ReportDeadline) -> str:
    """What the officers who owe a report or the month's quota are reminded to do."""
    if deadline.rule.kind == "quota":
        return f"gửi tin, bài Trang Thông tin điện tử {deadline.label}: {quota_words()}"
    return f"nộp {deadline.rule.name} ({deadline.label})"
