"""Importing a signed plan: upload, preview every row, confirm (the file rides along in the
preview's form, so nothing waits on the server between the two steps)."""

from __future__ import annotations

from flask import Blueprint, redirect, request, url_for
from flask_login import current_user

from editorial import clock
from editorial.audit import services as audit
from editorial.auth.rules import Role
from editorial.errors import RuleViolation
from editorial.plans import import_form, imports
from editorial.plans.labels import CHANNEL_LABELS
from editorial.plans.rules import Channel
from editorial.units import scope
from editorial.web.attempt import attempt
from editorial.web.permissions import roles_required
from editorial.web.render import page_or_fragment

bp = Blueprint("plan_import", __name__)


@bp.get("/plans/import")
@roles_required(Role.EDITOR)
def start():
    """The upload form."""
    return _form()


@bp.post("/plans/import")
@roles_required(Role.EDITOR)
def preview():
    """Every row of the uploaded table as it will be saved, its problems on its row."""
    try:
        found = imports.preview(import_form.parse(request.form, request.files),
                                scope.current_province())
    except RuleViolation as error:
        return _form(str(error), 422)
    return _preview(found)


@bp.post("/plans/import/confirm")
@roles_required(Role.EDITOR)
def confirm():
    """Save the previewed rows in one transaction, or show the preview again (422)."""
    try:
        found = imports.preview(import_form.parse(request.form, request.files),
                                scope.current_province())
    except RuleViolation as error:
        return _form(str(error), 422)

    def change():
        plan = imports.save(found)
        audit.record(current_user, "plan.import", plan, unit_id=plan.unit_id, after={
            "year": plan.year, "rows": len(found.rows), "file": found.request.filename,
            "channels": [c.value for c in found.request.channels]})
        return plan

    return attempt(change, lambda plan: redirect(url_for("plans.year_plan", year=plan.year), 303),
                   lambda error, status: _preview(found, error, status))


def _form(error: str | None = None, status: int = 200):
    return page_or_fragment(
        "plans/import/start.html", "plans/import/start.html", status=status, error=error,
        year=request.form.get("year", clock.today().year + 1), channels=list(Channel),
        chosen=request.form.getlist("channel") or [c.value for c in import_form.DEFAULT_CHANNELS],
        channel_labels=CHANNEL_LABELS)


def _preview(found: imports.ImportPreview, error: str | None = None, status: int = 200):
    return page_or_fragment(
        "plans/import/preview.html", "plans/import/_preview.html", status=status, found=found,
        error=error, data=import_form.encode(found.request.data), channel_labels=CHANNEL_LABELS)
