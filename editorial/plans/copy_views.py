"""Copying a plan to a new year in two steps: the recounted preview, then the copy."""

from __future__ import annotations

from flask import Blueprint, redirect, request, url_for
from flask_login import current_user

from editorial.audit import services as audit
from editorial.auth.rules import Role
from editorial.errors import RuleViolation
from editorial.extensions import db
from editorial.plans import copying, labels, services
from editorial.plans.forms import PlanFilter, parse_year
from editorial.plans.models import Plan
from editorial.plans.rules import Channel
from editorial.units import settings
from editorial.web.attempt import attempt
from editorial.web.permissions import roles_required
from editorial.web.render import page_or_fragment

bp = Blueprint("plan_copy", __name__)


@bp.post("/plans/<int:plan_id>/copy")
@roles_required(Role.EDITOR)
def preview(plan_id: int):
    """Every text the copy rewords (before → after), what it could not, units moved on."""
    plan = db.get_or_404(Plan, plan_id)
    try:
        year = parse_year(request.form.get("year"))
        services.check_year_free(plan.unit_id, year)
    except RuleViolation as error:
        return _year_with_error(plan.year, str(error))
    return _preview(copying.preview(plan, year))


@bp.post("/plans/<int:plan_id>/copy/confirm")
@roles_required(Role.EDITOR)
def confirm(plan_id: int):
    """Make the previewed copy as a draft and show the new year's table."""
    plan = db.get_or_404(Plan, plan_id)

    def change() -> Plan:
        new = copying.copy(plan, parse_year(request.form.get("year")),
                           request.form.get("fingerprint", ""))
        audit.record(current_user, "plan.copy", new, unit_id=plan.unit_id,
                     after={"from_year": plan.year, "year": new.year, "recounted": True})
        return new

    def again(error: str, status: int):
        if status == 409:
            return _preview(copying.preview(plan, parse_year(request.form.get("year"))), error)
        return _year_with_error(plan.year, error)

    return attempt(change, lambda new: redirect(url_for("plans.year_plan", year=new.year), 303),
                   again)


def _preview(found: copying.CopyPreview, error: str | None = None):
    return page_or_fragment("plans/copy/preview.html", "plans/copy/_preview.html",
                            found=found, error=error)


def _year_with_error(year: int, error: str):
    """The year page again, with the copy form's error, answered 422."""
    return page_or_fragment(
        "plans/year.html", "plans/year.html", status=422, year=year,
        plans=services.plans_of_year(year), rows=services.year_table(year), filters=PlanFilter(),
        channels=list(Channel), channel_labels=labels.CHANNEL_LABELS,
        units=settings.assignable_units(year), years=services.plan_years(), error=error,
    )
