"""The plan editor: a draft's header, columns and rows, edited inline with htmx and with plain
form posts (each answers the editor again, or redirects back to it without JavaScript)."""

from __future__ import annotations

from collections.abc import Callable

from flask import Blueprint, redirect, request, url_for
from flask_login import current_user

from editorial.audit import services as audit
from editorial.auth.rules import Role
from editorial.extensions import db
from editorial.plans import editing, editing_rows, visibility
from editorial.plans.editor_forms import (
    ColumnInput,
    PlanInput,
    RowInput,
    parse_new_year,
    plannable,
)
from editorial.plans.editor_pages import editor_page, new_plan_page
from editorial.plans.models import Plan, PlanColumn, Slot
from editorial.web.attempt import attempt
from editorial.web.permissions import roles_required
from editorial.web.render import wants_fragment

bp = Blueprint("plan_editor", __name__)
bp.before_app_request(visibility.decide_drafts)


@bp.post("/plans/new")
@roles_required(Role.EDITOR)
def create():
    """Create a draft plan for a year, then edit it."""
    year_text = request.form.get("year", "")

    def change() -> Plan:
        year = parse_new_year(request.form)
        plan = editing.create_plan(current_user.unit.root_id, year, PlanInput.parse(request.form))
        audit.record(current_user, "plan.create", plan, after=editing.header_of(plan))
        return plan

    return attempt(change, lambda plan: redirect(url_for(".edit", plan_id=plan.id), 303),
                   lambda error, status: new_plan_page(_year(year_text), error, status))


def _year(text: str) -> int | None:
    return int(text) if text.strip().isdecimal() and plannable(int(text)) else None


@bp.get("/plans/<int:plan_id>/edit")
@roles_required(Role.EDITOR)
def edit(plan_id: int):
    """The editor of a plan (read-only rows once it is published)."""
    return editor_page(db.get_or_404(Plan, plan_id))


def _save(plan: Plan, key: str, change: Callable[[], object]):
    """Run a change of the plan; answer the editor (htmx) or redirect to it, or show the
    form that failed again with its message."""

    def done(_result):
        if wants_fragment():
            return editor_page(plan)
        return redirect(url_for(".edit", plan_id=plan.id) + f"#{key}", 303)

    return attempt(change, done, lambda error, status: editor_page(plan, key, error, status))


@bp.post("/plans/<int:plan_id>/edit")
@roles_required(Role.EDITOR)
def update(plan_id: int):
    """Change a draft's header (title as signed, number, date, signer, focal department)."""
    plan = db.get_or_404(Plan, plan_id)

    def change() -> None:
        before = editing.update_plan(plan, PlanInput.parse(request.form))
        audit.record(current_user, "plan.update", plan, before, editing.header_of(plan))

    return _save(plan, "plan-header", change)


@bp.post("/plans/<int:plan_id>/publish")
@roles_required(Role.EDITOR)
def publish(plan_id: int):
    """Publish a draft: it becomes the year's active plan."""
    plan = db.get_or_404(Plan, plan_id)

    def change() -> None:
        editing.publish(plan)
        audit.record(current_user, "plan.publish", plan, after={"status": plan.status})

    return _save(plan, "plan-header", change)


@bp.post("/plans/<int:plan_id>/columns")
@roles_required(Role.EDITOR)
def add_column(plan_id: int):
    """Add a column (outlet × format, cadence, broadcast pattern)."""
    plan = db.get_or_404(Plan, plan_id)

    def change() -> None:
        column = editing.add_column(plan, ColumnInput.parse(request.form))
        audit.record(current_user, "plan.column.add", column, after={"name": column.name},
                     unit_id=plan.unit_id)

    return _save(plan, "column-new", change)


@bp.post("/plan-columns/<int:column_id>")
@roles_required(Role.EDITOR)
def update_column(column_id: int):
    column = db.get_or_404(PlanColumn, column_id)

    def change() -> None:
        editing.update_column(column, ColumnInput.parse(request.form))
        audit.record(current_user, "plan.column.update", column, after={"name": column.name},
                     unit_id=column.plan.unit_id)

    return _save(column.plan, f"column-{column.id}", change)


@bp.post("/plan-columns/<int:column_id>/delete")
@roles_required(Role.EDITOR)
def remove_column(column_id: int):
    column = db.get_or_404(PlanColumn, column_id)
    plan = column.plan

    def change() -> None:
        audit.record(current_user, "plan.column.remove", ("plan_columns", column.id),
                     before={"name": column.name}, unit_id=plan.unit_id)
        editing.remove_column(column)

    return _save(plan, f"column-{column.id}", change)


@bp.post("/plan-columns/<int:column_id>/rows")
@roles_required(Role.EDITOR)
def add_row(column_id: int):
    """Add a row (period, content, units, note) to a column."""
    column = db.get_or_404(PlanColumn, column_id)

    def change() -> None:
        slots = editing_rows.add_row(column, RowInput.parse(request.form))
        audit.record(current_user, "plan.row.add", slots[0], unit_id=column.plan.unit_id,
                     after={"topic": slots[0].topic, "units": len(slots)})

    return _save(column.plan, f"column-{column.id}", change)


@bp.get("/plan-rows/<int:slot_id>/edit")
@roles_required(Role.EDITOR)
def edit_row(slot_id: int):
    """The editor with one row open for editing (htmx: swapped in place)."""
    slot = db.get_or_404(Slot, slot_id)
    return editor_page(slot.column.plan, editing_slot=slot.id)


def _row_change(slot_id: int, action: str, change: Callable[[Slot], object]):
    slot = db.get_or_404(Slot, slot_id)
    plan, key = slot.column.plan, f"row-{slot.id}"

    def run() -> None:
        before = {"topic": slot.topic, "period_start": slot.period_start}
        audit.record(current_user, action, ("slots", slot.id), before=before,
                     unit_id=plan.unit_id)
        change(slot)

    return _save(plan, key, run)


@bp.post("/plan-rows/<int:slot_id>")
@roles_required(Role.EDITOR)
def update_row(slot_id: int):
    return _row_change(slot_id, "plan.row.update",
                       lambda slot: editing_rows.update_row(slot, RowInput.parse(request.form)))


@bp.post("/plan-rows/<int:slot_id>/move")
@roles_required(Role.EDITOR)
def move_row(slot_id: int):
    step = -1 if request.form.get("direction") == "up" else 1
    return _row_change(slot_id, "plan.row.move", lambda slot: editing_rows.move_row(slot, step))


@bp.post("/plan-rows/<int:slot_id>/delete")
@roles_required(Role.EDITOR)
def remove_row(slot_id: int):
    return _row_change(slot_id, "plan.row.remove", editing_rows.remove_row)
