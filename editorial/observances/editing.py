"""Admins change the calendar data: exceptions, anniversaries, report rules, Khmer dates,
the deadline rule. Each function validates, writes and flushes; the view commits."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from editorial import calendar as rules
from editorial.errors import NotFound, RuleViolation
from editorial.extensions import db
from editorial.observances import forms, models
from editorial.observances.services import (
    anniversary_table,
    forget,
    report_rules,
    work_calendar,
)
from editorial.units import scope


def add_exception(data: forms.ExceptionInput, user_id: int) -> models.DayException:
    """Store an extra day off or a working Saturday; one entry per day."""
    if db.session.scalar(select(models.DayException).where(models.DayException.day == data.day)):
        raise RuleViolation(f"Ngày {data.day:%d/%m/%Y} đã có trong danh sách ngoại lệ.")
    if data.kind == "work" and data.day.weekday() < 5 and work_calendar().holiday_name(
            data.day) is None:  # a weekday "work" entry only cancels a listed day off
        raise RuleViolation("Ngày này vốn là ngày làm việc: ngày làm bù phải là thứ bảy, chủ "
                            "nhật, hoặc một ngày nghỉ đang có trong lịch cần bỏ.")
    row = models.DayException(day=data.day, kind=data.kind, name=data.name, basis=data.basis,
                              created_by_id=user_id)
    db.session.add(row)
    db.session.flush()
    forget()
    return row


def delete_exception(exception_id: int) -> None:
    """Remove an admin's exception (the shipped data stays)."""
    row = db.session.get(models.DayException, exception_id)
    if row is None:
        raise NotFound("Không tìm thấy ngày ngoại lệ này.")
    db.session.delete(row)
    forget()


def _entry(key: str) -> models.AnniversaryEntry:
    row = db.session.scalar(select(models.AnniversaryEntry).where(
        models.AnniversaryEntry.key == key))
    return row or models.AnniversaryEntry(key=key, province_id=_province())


def _province() -> int:
    """The province the admin acts for (admins' calendar data is their province's own)."""
    province = scope.current_province()
    if province is None:
        raise RuleViolation("Dữ liệu lịch của tỉnh chỉ sửa được khi đăng nhập.")
    return province


def save_anniversary(data: forms.AnniversaryInput) -> models.AnniversaryEntry:
    """Add a local anniversary, or replace a shipped one's dates and name (same key)."""
    try:  # the pure rules validate the shape (lunar day, month-only, …)
        rules.Anniversary(key=data.key, name=data.name, category=data.category,
                          month=data.month, day=data.day, year=data.year,
                          calendar=data.calendar, end_month=data.end_month,
                          end_day=data.end_day, wording=data.wording)
        if data.end_day is not None:
            date(2023, data.end_month, data.end_day)
        if data.day is not None and data.calendar == "solar":
            date(2023, data.month, data.day)  # a day every year has (no 29/2, no 31/4)
        if data.day is not None and data.day > 30:
            raise ValueError("lunar months have at most 30 days")
    except ValueError as error:
        raise RuleViolation(f"Ngày kỷ niệm không hợp lệ: {error}") from None
    row = _entry(data.key)
    for name in ("name", "category", "calendar", "year", "month", "day", "end_month",
                 "end_day", "wording"):
        setattr(row, name, getattr(data, name))
    row.active = True
    db.session.add(row)
    db.session.flush()
    forget()
    return row


def set_anniversary_active(key: str, active: bool) -> None:
    """Hide or show an anniversary (a shipped one is hidden by an inactive row)."""
    current = {a.key: a for a in anniversary_table()}
    row = _entry(key)
    if row.id is None:
        shipped = current.get(key) or next(
            (a for a in rules.load_anniversaries() if a.key == key), None)
        if shipped is None:
            raise NotFound("Không tìm thấy ngày kỷ niệm này.")
        for name in ("name", "category", "calendar", "year", "month", "day", "end_month",
                     "end_day", "wording"):
            setattr(row, name, getattr(shipped, name))
    row.active = active
    db.session.add(row)
    db.session.flush()
    forget()


def save_report_rule(key: str, data: forms.ReportRuleInput) -> None:
    """Change a rule's day, wording or activity (an override row of the shipped rule)."""
    rule = next((r for r in report_rules() if r.key == key), None) or next(
        (r for r in rules.load_report_rules() if r.key == key), None)
    row = db.session.scalar(select(models.ReportRuleEntry).where(
        models.ReportRuleEntry.key == key))
    if rule is None and row is None:
        raise NotFound("Không tìm thấy quy định báo cáo này.")
    if row is None:
        row = models.ReportRuleEntry(
            key=key, province_id=_province(), name=rule.name, frequency=rule.frequency,
            month=rule.month,
            kind=rule.kind, before=rule.before, unit_kinds=",".join(rule.unit_kinds),
            start_time=rule.start_time, end_time=rule.end_time)
        db.session.add(row)
    row.day, row.wording, row.active = data.day, data.wording, data.active
    if data.unit_kinds is not None:
        row.unit_kinds = ",".join(data.unit_kinds)
    if data.times is not None:
        row.start_time, row.end_time = data.times
    db.session.flush()
    forget()


def set_khmer_new_year(data: forms.KhmerInput) -> None:
    """Store the province's announced Chôl Chnăm Thmây dates for a year."""
    row = db.session.scalar(select(models.KhmerNewYearOverride).where(
        models.KhmerNewYearOverride.year == data.year))
    if row is None:
        row = models.KhmerNewYearOverride(province_id=_province(), year=data.year)
        db.session.add(row)
    row.start, row.end = data.start, data.end
    db.session.flush()
    forget()


def set_deadline_rule(data: forms.DeadlineInput) -> None:
    """Store the province's registration-deadline rule."""
    row = db.session.scalar(select(models.DeadlineSetting).limit(1))
    if row is None:
        row = models.DeadlineSetting(province_id=_province())
        db.session.add(row)
    row.day_of_month, row.direction, row.skip_holidays, row.weekdays_only = (
        data.day_of_month, data.direction, data.skip_holidays, data.weekdays_only)
    db.session.flush()
    forget()
