"""The unit pages: the list, and one unit's slots for a year."""

from __future__ import annotations

from flask import Blueprint, request
from flask_login import login_required

from editorial import clock
from editorial.extensions import db
from editorial.plans import services as plans
from editorial.units import services
from editorial.units.models import KIND_LABELS, Unit
from editorial.web.render import page_or_fragment

bp = Blueprint("units", __name__)


@bp.get("/units")
@login_required
def index():
    """Every unit of the tree."""
    return page_or_fragment("units/index.html", "units/index.html", units=services.all_units(),
                            kind_labels=KIND_LABELS)


@bp.get("/units/<int:unit_id>")
@login_required
def show(unit_id: int):
    """A unit's slots for the year (?year=, this year by default)."""
    unit = db.get_or_404(Unit, unit_id)
    year = request.args.get("year", type=int) or clock.today().year
    if not 2000 <= year <= 2100:
        year = clock.today().year
    slots = plans.year_slots(year, unit_id=unit.id)
    return page_or_fragment("units/show.html", "units/_slots.html", unit=unit, year=year,
                            slots=slots, kind_labels=KIND_LABELS,
                            status_labels=plans.STATUS_LABELS,
                            channel_labels=plans.CHANNEL_LABELS, unit_label=plans.slot_unit_label)
