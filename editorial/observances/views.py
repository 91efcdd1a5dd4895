"""The year's holidays and anniversaries, a month's deadlines, and the admin's calendar data."""

from __future__ import annotations

from flask import Blueprint, abort, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import select

from editorial import clock
from editorial.audit import services as audit
from editorial.auth.rules import Role
from editorial.calendar.grid import SHOWN_YEARS
from editorial.calendar.workdays import shipped_corrections
from editorial.extensions import db
from editorial.observances import editing, forms, models, services
from editorial.units.labels import KIND_LABELS
from editorial.web.attempt import attempt
from editorial.web.params import shown_month
from editorial.web.permissions import roles_required
from editorial.web.render import page_or_fragment

bp = Blueprint("observances", __name__)


def _year_in_range(year: int) -> int:
    if year not in SHOWN_YEARS:
        abort(404)
    return year


@bp.get("/observances/<int:year>")
@login_required
def year(year: int):
    """Ngày lễ, kỷ niệm năm YYYY: holidays, anniversaries with their wording, slogans."""
    data = services.year_overview(_year_in_range(year))
    return page_or_fragment("observances/year.html", "observances/year.html", **data)


@bp.get("/deadlines/<int:year>/<int:month>")
@login_required
def deadlines(year: int, month: int):
    """The deadlines of a month: registration, reports, meetings; the holidays around them."""
    shown = shown_month(year, month)
    return page_or_fragment("observances/deadlines.html", "observances/deadlines.html",
                            shown=shown, **services.month_deadlines(year, month))


@bp.get("/admin/calendar")
@roles_required(Role.ADMIN)
def admin():
    """Edit the calendar data of a year (?year=)."""
    return _admin_page(request.args.get("year", type=int) or clock.today().year)


def _admin_page(year: int, error: str | None = None, status: int = 200):
    year = _year_in_range(year)
    exceptions = db.session.scalars(select(models.DayException).order_by(
        models.DayException.day)).all()
    hidden = db.session.scalars(select(models.AnniversaryEntry).where(
        models.AnniversaryEntry.active.is_(False))).all()
    return page_or_fragment(
        "observances/admin.html", "observances/admin.html", status=status, year=year,
        error=error, exceptions=exceptions, shipped=shipped_corrections()[0],
        anniversaries=services.anniversary_table(), hidden=hidden,
        report_rules=services.report_rules(), khmer=services.khmer_new_year(year),
        rule=services.deadline_rule(), unit_kind_labels=KIND_LABELS, form=request.form)


def _apply(name: str, action, subject: tuple[str, object]) -> object:
    """Run an admin change and audit it; on a rule violation show the page again."""
    year = request.form.get("year", type=int) or clock.today().year

    def change() -> None:
        action()
        form = {k: v for k, v in request.form.items() if k != "csrf_token"}
        audit.record(current_user, f"calendar.{name}", subject, after=form)

    return attempt(change, url_for("observances.admin", year=year),
                   lambda error, status: _admin_page(year, error, status))


@bp.post("/admin/calendar/exceptions")
@roles_required(Role.ADMIN)
def add_exception():
    return _apply("exception.add", lambda: editing.add_exception(
        forms.ExceptionInput.parse(request.form), current_user.id), ("day_exceptions", None))


@bp.post("/admin/calendar/exceptions/<int:exception_id>/delete")
@roles_required(Role.ADMIN)
def delete_exception(exception_id: int):
    return _apply("exception.delete", lambda: editing.delete_exception(exception_id),
                  ("day_exceptions", exception_id))


@bp.post("/admin/calendar/anniversaries")
@roles_required(Role.ADMIN)
def save_anniversary():
    return _apply("anniversary.save", lambda: editing.save_anniversary(
        forms.AnniversaryInput.parse(request.form)), ("anniversary_entries", None))


@bp.post("/admin/calendar/anniversaries/<key>/active")
@roles_required(Role.ADMIN)
def toggle_anniversary(key: str):
    return _apply("anniversary.active", lambda: editing.set_anniversary_active(
        key, request.form.get("active") == "1"), ("anniversary_entries", None))


@bp.post("/admin/calendar/report-rules/<key>")
@roles_required(Role.ADMIN)
def save_report_rule(key: str):
    return _apply("report_rule.save", lambda: editing.save_report_rule(
        key, forms.ReportRuleInput.parse(request.form)), ("report_rule_entries", None))


@bp.post("/admin/calendar/khmer")
@roles_required(Role.ADMIN)
def set_khmer():
    return _apply("khmer.save", lambda: editing.set_khmer_new_year(
        forms.KhmerInput.parse(request.form)), ("khmer_new_year_overrides", None))


@bp.post("/admin/calendar/deadline-rule")
@roles_required(Role.ADMIN)
def set_deadline_rule():
    return _apply("deadline_rule.save", lambda: editing.set_deadline_rule(
        forms.DeadlineInput.parse(request.form)), ("deadline_settings", None))
