"""The admin's page of their province's settings: the focal department, who is given months,
who registers, the website quota per kind of unit."""

from __future__ import annotations

from flask import Blueprint, request, url_for
from flask_login import current_user
from sqlalchemy import select

from editorial.admin import province_form
from editorial.auth.rules import Role
from editorial.extensions import db
from editorial.units import settings
from editorial.units.labels import KIND_LABELS
from editorial.units.models import Unit
from editorial.units.rules import UnitKind
from editorial.web.attempt import attempt
from editorial.web.permissions import roles_required
from editorial.web.render import page_or_fragment

bp = Blueprint("province_settings", __name__, url_prefix="/admin/province")


def _page(values, error: str | None = None):
    departments = db.session.scalars(select(Unit).where(Unit.kind == UnitKind.DEPARTMENT)
                                     .order_by(Unit.position, Unit.id)).all()
    return page_or_fragment(
        "admin/province.html", "admin/province.html", status=422 if error else 200, error=error,
        values=values, departments=departments, kinds=province_form.OWING_KINDS,
        kind_labels=KIND_LABELS, province=current_user.unit.province or current_user.unit)


@bp.get("")
@roles_required(Role.ADMIN)
def edit():
    """The province's settings as stored (today's defaults when never set)."""
    province_id = current_user.unit.root_id
    row = settings.settings_of(province_id)
    return _page(province_form.values_of(row.focal_unit_id if row else None,
                                         settings.duties(province_id)))


@bp.post("")
@roles_required(Role.ADMIN)
def update():
    def change() -> None:
        chosen = province_form.parse(request.form)
        settings.save(current_user, current_user.unit.root_id, chosen.focal_unit_id,
                      chosen.duties)

    return attempt(change, url_for("province_settings.edit"),
                   lambda error, _status: _page(request.form, error))
