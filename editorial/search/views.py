"""The search page behind the box in the navigation."""

from __future__ import annotations

from flask import Blueprint, request
from flask_login import current_user, login_required

from editorial.plans.labels import STATUS_LABELS
from editorial.plans.services import slot_unit_label
from editorial.search import services
from editorial.web.render import page_or_fragment

bp = Blueprint("search", __name__)


@bp.get("/search")
@login_required
def index():
    """Slots, units and people matching ?q=, with or without diacritics."""
    results = services.search(request.args.get("q", ""), current_user)
    return page_or_fragment("search/results.html", "search/_results.html", results=results,
                            status_labels=STATUS_LABELS, unit_label=slot_unit_label)
