"""Dates the rules compute, with what admins stored: deadlines, holidays, anniversaries,
report deadlines (their calendar events are in `events.py`). Each loader runs one query and
is cached for the request in `g`. The admins' days off are national (one list); the rest is
each province's own: outside a province (the public feed, the command line) only the shipped
data applies."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from flask import g
from sqlalchemy import select

from editorial import calendar as rules
from editorial.extensions import db
from editorial.observances import models
from editorial.units import scope


def _cached(name: str, load: Callable):
    """The value of `load()`, computed once per request (or app context) and province."""
    cache = g.setdefault("observances", {}).setdefault(scope.current_province(), {})
    if name not in cache:
        cache[name] = load()
    return cache[name]


def forget() -> None:
    """Drop the request cache after an admin changes the calendar data."""
    g.pop("observances", None)


def work_calendar() -> rules.WorkCalendar:
    """Working days: the holidays library, shipped corrections, then the admins' exceptions."""

    def load() -> rules.WorkCalendar:
        rows = db.session.scalars(select(models.DayException)).all()
        return rules.WorkCalendar([rules.DayException(r.day, r.kind, r.name, r.basis)
                                   for r in rows])

    return _cached("work_calendar", load)


def deadline_rule() -> rules.DeadlineRule:
    """The province's registration-deadline rule, the seed's when none is stored."""

    def load() -> rules.DeadlineRule:
        row = (db.session.scalar(select(models.DeadlineSetting).limit(1))
               if scope.current_province() is not None else None)
        if row is None:
            return rules.DEFAULT_RULE
        return rules.DeadlineRule(day_of_month=row.day_of_month, direction=row.direction,
                                  skip_holidays=row.skip_holidays,
                                  weekdays_only=row.weekdays_only, label=_rule_label(row))

    return _cached("deadline_rule", load)


def slot_deadline_function() -> Callable[[date, bool], date]:
    """A slot's registration deadline from its period start and whether it is weekly."""
    deadline_of, cal = deadline_function(), work_calendar()
    return lambda start, weekly: rules.slot_deadline(start, weekly, deadline_of, cal)


def _rule_label(row: models.DeadlineSetting) -> str:
    """The rule in words, for a configured rule."""
    way = "trước" if row.direction == "before" else "sau"
    label = (f"ngày {row.day_of_month} hàng tháng; trùng thứ bảy, chủ nhật"
             f"{' hoặc ngày nghỉ' if row.skip_holidays else ''} thì dời sang ngày làm việc {way}")
    if not row.weekdays_only:
        label += " (kể cả thứ bảy, chủ nhật làm bù)"
    return label


def deadline_function() -> Callable[[int, int], date]:
    """The registration deadline of a month, under the stored rule and working days."""
    cal, rule = work_calendar(), deadline_rule()
    return lambda year, month: rules.registration_deadline(year, month, cal, rule)


def _merged(shipped: tuple, model: type, build: Callable) -> tuple:
    """Shipped rows with the admins' rows of `model`: same key replaces, inactive removes."""
    table = {item.key: item for item in shipped}
    if scope.current_province() is None:
        return shipped
    for row in db.session.scalars(select(model)):
        table.pop(row.key, None)
        if row.active:
            table[row.key] = build(row)
    return tuple(table.values())


def _anniversary(row: models.AnniversaryEntry) -> rules.Anniversary:
    return rules.Anniversary(
        key=row.key, name=row.name, category=row.category, month=row.month, day=row.day,
        year=row.year, calendar=row.calendar, end_month=row.end_month, end_day=row.end_day,
        wording=row.wording or None, revised_at=row.updated_at)


def _report_rule(row: models.ReportRuleEntry) -> rules.ReportRule:
    return rules.ReportRule(
        key=row.key, name=row.name, frequency=row.frequency, day=row.day, month=row.month,
        wording=row.wording, kind=row.kind, before=row.before,
        unit_kinds=tuple(k for k in row.unit_kinds.split(",") if k), revised_at=row.updated_at,
        start_time=row.start_time, end_time=row.end_time)


def anniversary_table() -> tuple[rules.Anniversary, ...]:
    """The shipped anniversaries with the admins' additions, edits and hidden ones."""
    return _cached("anniversaries", lambda: _merged(
        rules.load_anniversaries(), models.AnniversaryEntry, _anniversary))


def report_rules() -> tuple[rules.ReportRule, ...]:
    """The shipped report rules with the admins' versions (same key) and additions."""
    return _cached("report_rules", lambda: _merged(
        rules.load_report_rules(), models.ReportRuleEntry, _report_rule))


def khmer_new_year(year: int) -> rules.KhmerNewYear:
    """Chôl Chnăm Thmây of a year: the admin's dates, else shipped, else estimated."""

    def load() -> dict[int, tuple[date, date]]:
        if scope.current_province() is None:
            return {}
        rows = db.session.scalars(select(models.KhmerNewYearOverride)).all()
        return {r.year: (r.start, r.end) for r in rows}

    return rules.khmer_new_year(year, _cached("khmer", load))


def year_overview(year: int) -> dict:
    """What the "Ngày lễ, kỷ niệm" page of a year shows."""
    cal = work_calendar()
    occurrences = rules.anniversaries_in(year, anniversary_table())
    return {
        "year": year, "can_chi": rules.can_chi(year), "tet": rules.tet(year),
        "holidays": cal.holidays_in(year), "make_up_days": cal.make_up_days_in(year),
        "anniversaries": [o for o in occurrences if o.ordinal is not None or o.end is None],
        "periods": [o for o in occurrences if o.end is not None],
        "khmer": khmer_new_year(year), "slogans": rules.slogans_for(year),
    }


def month_deadlines(year: int, month: int) -> dict:
    """What the deadlines page of a month shows."""
    rule = deadline_rule()
    return {
        "registration": deadline_function()(year, month), "rule": rule,
        "quota": rules.WEBSITE_QUOTA,
        "reports": rules.report_deadlines(report_rules(), year, month, cal=work_calendar()),
        "holidays": [(d, n) for d, n in work_calendar().holidays_in(year) if d.month == month],
    }


def key_dates(year: int) -> dict:
    """The year's key dates with the current configuration (`flask calendar show`)."""
    cal, deadline_of = work_calendar(), deadline_function()
    days = [date(year, 1, 1) + timedelta(n) for n in range((date(year + 1, 1, 1)
                                                            - date(year, 1, 1)).days)]
    khmer = khmer_new_year(year)
    make_up = dict(cal.make_up_days_in(year))
    return {
        "year": year,
        "deadlines": {f"{year}-{m:02d}": deadline_of(year, m) for m in range(1, 13)},
        "tet": rules.tet(year), "gio_to": rules.hung_kings_day(year),
        "khmer_new_year": [khmer.start + timedelta(n)
                           for n in range((khmer.end - khmer.start).days + 1)],
        "days_off": [{"date": d, "reason": cal.holiday_name(d) or "Ngày nghỉ"}
                     for d in days if d.weekday() < 5 and not cal.is_working_day(d)],
        "working_weekends": [{"date": d, "reason": make_up.get(d, "Làm việc")}
                             for d in days if d.weekday() >= 5 and cal.is_working_day(d)],
        "anniversaries": [{"name": o.anniversary.name, "date": o.date, "ordinal": o.ordinal,
                           "title": o.wording}
                          for o in rules.anniversaries_in(year, anniversary_table())],
    }
