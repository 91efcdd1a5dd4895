"""Admin overview: users and units (admins only)."""

from __future__ import annotations

from flask import Blueprint
from sqlalchemy import select

from editorial.auth.models import ROLE_LABELS, Role, User
from editorial.extensions import db
from editorial.plans import services as plans
from editorial.units import services as units
from editorial.units.models import KIND_LABELS
from editorial.web.permissions import roles_required
from editorial.web.render import page_or_fragment

bp = Blueprint("admin", __name__, url_prefix="/admin")


@bp.get("/")
@roles_required(Role.ADMIN)
def index():
    """Users, units and plan years at a glance."""
    users = db.session.scalars(select(User).order_by(User.role, User.login)).all()
    return page_or_fragment("admin/index.html", "admin/index.html", users=users,
                            units=units.all_units(), years=plans.plan_years(),
                            role_labels=ROLE_LABELS, kind_labels=KIND_LABELS)
