"""The plans' pages: the year table (and its .docx and .xlsx), a slot's page."""

from __future__ import annotations

from flask import Blueprint, Response, redirect, request, url_for
from flask_babel import force_locale
from flask_login import current_user, login_required

from editorial import clock
from editorial.auth.rules import Role
from editorial.errors import NotFound
from editorial.extensions import db
from editorial.plans import editor_pages, export, labels, services, sheet
from editorial.plans.editor_forms import plannable
from editorial.plans.export_facts import plan_facts
from editorial.plans.forms import PlanFilter
from editorial.plans.models import Plan, Slot
from editorial.plans.rules import Channel, PlanStatus
from editorial.units import settings
from editorial.web.permissions import roles_required
from editorial.web.render import page_or_fragment

bp = Blueprint("plans", __name__)
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@bp.get("/plans/<int:year>")
@login_required
def year_plan(year: int):
    """The year table exactly as the signed plan prints it; an offer to create the plan (or
    a note for non-editors) when the year has none; the editor while it is a draft."""
    try:
        plans, filters, rows = _year_rows(year)
    except NotFound:
        if not plannable(year):
            raise
        return editor_pages.new_plan_page(year)
    if current_user.is_editor and all(p.status == PlanStatus.DRAFT for p in plans):
        return redirect(url_for("plan_editor.edit", plan_id=plans[0].id), 303)
    return page_or_fragment(
        "plans/year.html", "plans/_year_table.html", year=year, plans=plans, rows=rows,
        filters=filters, channels=list(Channel), channel_labels=labels.CHANNEL_LABELS,
        units=settings.assignable_units(year), years=services.plan_years(), error=None,
    )


def _year_rows(year: int) -> tuple[list[Plan], PlanFilter, list]:
    """The year's plans, the filters of the query string, and the table rows they select."""
    filters = PlanFilter.parse(request.args)
    return (services.plans_of_year(year), filters,
            services.year_table(year, filters.channel, filters.unit_id))


@bp.get("/plans/<int:year>.docx")
@login_required
def year_plan_docx(year: int):
    """The plan (its table with the page's filters) as the administrative document to print
    and sign, in the Decree 30/2020/NĐ-CP layout."""
    plans, _filters, rows = _year_rows(year)
    with force_locale("vi"):  # the document is the province's own, in Vietnamese
        words = {c.value: str(label) for c, label in labels.CHANNEL_LABELS.items()}
    body = export.year_plan_docx(plan_facts(plans[0]), rows, words, clock.now())
    return Response(body, mimetype=DOCX, headers={
        "Content-Disposition": f"attachment; filename=ke-hoach-{year}.docx"})


@bp.get("/plans/<int:year>.xlsx")
@roles_required(Role.EDITOR, Role.VIEWER)
def year_plan_xlsx(year: int):
    """The year table (with the page's filters) as an Excel workbook, months as dates."""
    plans, _filters, rows = _year_rows(year)
    with force_locale("vi"):
        words = {c.value: str(label) for c, label in labels.CHANNEL_LABELS.items()}
    body = sheet.year_plan_xlsx(plans[0].title, rows, words)
    return Response(body, mimetype=XLSX, headers={
        "Content-Disposition": f"attachment; filename=ke-hoach-{year}.xlsx"})


@bp.get("/slots/<int:slot_id>")
@login_required
def slot(slot_id: int):
    """One slot: topic, unit, channel, state and dates."""
    found = db.get_or_404(Slot, slot_id)
    return page_or_fragment("plans/slot.html", "plans/_slot.html", slot=found,
                            unit_label=services.slot_unit_label(found),
                            status_labels=labels.STATUS_LABELS,
                            channel_labels=labels.CHANNEL_LABELS)
