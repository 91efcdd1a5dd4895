"""The unit list (a unit's own page, which shows its slots, is a calendar view)."""

from __future__ import annotations

from flask import Blueprint
from flask_login import login_required

from editorial.units import services
from editorial.units.labels import KIND_LABELS
from editorial.web.render import page_or_fragment

bp = Blueprint("units", __name__)


@bp.get("/units")
@login_required
def index():
    """Every unit of the tree, each under its parent."""
    return page_or_fragment("units/index.html", "units/index.html", tree=services.unit_tree(),
                            kind_labels=KIND_LABELS)
