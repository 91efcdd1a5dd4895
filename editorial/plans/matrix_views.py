"""The plan matrix page (units × months), printable."""

from __future__ import annotations

from flask import Blueprint

from editorial.auth.rules import Role
from editorial.plans import labels, matrix, services
from editorial.web.permissions import roles_required
from editorial.web.render import page_or_fragment

bp = Blueprint("plan_matrix", __name__)


@bp.get("/plans/<int:year>/matrix")
@roles_required(Role.EDITOR, Role.VIEWER)
def show(year: int):
    """Every assignable unit's line with each month's slots and their states."""
    plans = services.plans_of_year(year)
    return page_or_fragment("plans/matrix.html", "plans/matrix.html", year=year, plans=plans,
                            lines=matrix.year_matrix(year), months=range(1, 13),
                            status_labels=labels.STATUS_LABELS,
                            channel_labels=labels.CHANNEL_LABELS)
