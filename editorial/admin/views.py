"""Admin pages (admins only): the overview, users and units; every change audited."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict

from flask import Blueprint, Response, request, url_for
from flask_login import current_user
from sqlalchemy import select

from editorial.admin import forms
from editorial.auth import services as accounts
from editorial.auth import throttle
from editorial.auth.labels import ROLE_LABELS
from editorial.auth.models import User
from editorial.auth.rules import Role
from editorial.extensions import db
from editorial.plans import services as plans
from editorial.units import services as tree
from editorial.units.labels import KIND_LABELS
from editorial.units.models import Unit
from editorial.web.attempt import attempt
from editorial.web.permissions import roles_required
from editorial.web.render import page_or_fragment

bp = Blueprint("admin", __name__, url_prefix="/admin")


@bp.get("/")
@roles_required(Role.ADMIN)
def index():
    """Users, units and plan years at a glance."""
    users = db.session.scalars(select(User).order_by(User.role, User.login)).all()
    return page_or_fragment("admin/index.html", "admin/index.html", users=users,
                            units=tree.all_units(), years=plans.plan_years(),
                            role_labels=ROLE_LABELS, kind_labels=KIND_LABELS)


def _page(template: str, values: Mapping[str, str], error: str | None = None,
          **context: object) -> Response:
    """An admin form page with the unit tree, the labels and the values to show; 422 on an
    error, so htmx and tests see the refusal."""
    return page_or_fragment(template, template, status=422 if error else 200, error=error,
                            values=values, tree=tree.unit_tree(), role_labels=ROLE_LABELS,
                            kind_labels=KIND_LABELS, **context)


def _users_page(values: Mapping[str, str], error: str | None = None) -> Response:
    return _page("admin/users.html", values, error, users=accounts.all_users(),
                 locked=throttle.locked_logins())


def _user_page(user: User, values: Mapping[str, str], error: str | None = None) -> Response:
    return _page("admin/edit_user.html", values, error, user=user,
                 locked_until=throttle.lock_of(user))


@bp.get("/users")
@roles_required(Role.ADMIN)
def list_users():
    """Every user, and the form to add one."""
    return _users_page({})


@bp.post("/users")
@roles_required(Role.ADMIN)
def create_user():
    """Add a user who can log in at once."""
    def change() -> None:
        data = forms.NewUser.parse(request.form)
        accounts.create_user(data.login, data.name, data.role, tree.picked_unit(data.unit_id),
                             data.password, actor=current_user)

    return attempt(change, url_for("admin.list_users"),
                    lambda error, _status: _users_page(request.form, error))


@bp.get("/users/<int:user_id>")
@roles_required(Role.ADMIN)
def edit_user(user_id: int):
    """One user's name, role, unit and state, and a new password."""
    user = db.get_or_404(User, user_id)
    return _user_page(user, forms.user_values(user))


@bp.post("/users/<int:user_id>")
@roles_required(Role.ADMIN)
def update_user(user_id: int):
    user = db.get_or_404(User, user_id)
    return attempt(lambda: accounts.update_user(current_user, user, **asdict(
        forms.UserEdit.parse(request.form))), url_for("admin.list_users"),
        lambda error, _status: _user_page(user, request.form, error))


@bp.post("/users/<int:user_id>/password")
@roles_required(Role.ADMIN)
def reset_password(user_id: int):
    user = db.get_or_404(User, user_id)
    return attempt(lambda: accounts.reset_password(
        current_user, user, request.form.get("password") or ""), url_for("admin.list_users"),
        lambda error, _status: _user_page(user, forms.user_values(user), error))


@bp.post("/users/<int:user_id>/unlock")
@roles_required(Role.ADMIN)
def unlock_user(user_id: int):
    """Lift the lock that failed logins put on this user's login."""
    user = db.get_or_404(User, user_id)
    return attempt(lambda: throttle.unlock(current_user, user), url_for("admin.edit_user",
                   user_id=user.id), lambda error, _status: _user_page(
                       user, forms.user_values(user), error))


@bp.get("/units")
@roles_required(Role.ADMIN)
def list_units():
    """The unit tree, the form to add a unit, the import and the export."""
    return _page("admin/units.html", {}, imported=request.args.get("imported", type=int))


@bp.post("/units")
@roles_required(Role.ADMIN)
def create_unit():
    return attempt(lambda: tree.save_unit(current_user, None, **asdict(
        forms.UnitInput.parse(request.form))), url_for("admin.list_units"),
        lambda error, _status: _page("admin/units.html", request.form, error))


@bp.get("/units/<int:unit_id>")
@roles_required(Role.ADMIN)
def edit_unit(unit_id: int):
    """One unit's names, kind, place in the tree and code."""
    unit = db.get_or_404(Unit, unit_id)
    return _page("admin/edit_unit.html", forms.unit_values(unit), unit=unit)


@bp.post("/units/<int:unit_id>")
@roles_required(Role.ADMIN)
def update_unit(unit_id: int):
    unit = db.get_or_404(Unit, unit_id)
    return attempt(lambda: tree.save_unit(current_user, unit, **asdict(
        forms.UnitInput.parse(request.form))), url_for("admin.list_units"),
        lambda error, _status: _page("admin/edit_unit.html", request.form, error, unit=unit))
