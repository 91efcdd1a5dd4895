"""Authenticate users; create, change and reset them (each change audited)."""

from __future__ import annotations

import secrets

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import func, select
from werkzeug.security import check_password_hash, generate_password_hash

from editorial.audit.services import record
from editorial.auth.models import User
from editorial.auth.rules import Role
from editorial.errors import RuleViolation
from editorial.extensions import db
from editorial.units import scope
from editorial.units.models import Unit
from editorial.units.services import picked_unit

MIN_PASSWORD = 8


def authenticate(login: str, password: str) -> User | None:
    """The active user with this login and password, or None (never says which part failed).
    Logins are unique on the server: the lookup is not limited to the province of whoever is
    logged in on this browser already."""
    with scope.inside(None):
        user = db.session.scalar(select(User).where(
            func.lower(User.login) == login.strip().lower()))
    if user is None:
        _spend_a_password_check(password)  # an unknown login costs what a known one costs
        return None
    if not user.check_password(password) or not user.active:
        return None
    return user


_DUMMY_HASHES: dict[str, str] = {}


def _spend_a_password_check(password: str) -> None:
    """Check `password` against a throwaway hash of the configured method, so the answer for a
    login that does not exist comes as late as for a wrong password."""
    method = current_app.config.get("PASSWORD_HASH_METHOD", "scrypt")
    if method not in _DUMMY_HASHES:
        _DUMMY_HASHES[method] = generate_password_hash(secrets.token_hex(16), method=method)
    check_password_hash(_DUMMY_HASHES[method], password)


def all_users() -> list[User]:
    """Every user by login, each with its unit (one query)."""
    return list(db.session.scalars(select(User).order_by(func.lower(User.login))))


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise RuleViolation(_("Mật khẩu phải có ít nhất %(n)s ký tự.", n=MIN_PASSWORD))


def user_values(user: User) -> dict[str, object]:
    """What the audit log keeps of a user: never the password nor its hash."""
    return {"login": user.login, "name": user.name, "role": user.role.value,
            "unit_id": user.unit_id, "active": user.active}


def create_user(login: str, name: str, role: Role, unit: Unit, password: str,
                actor: User | None = None, note: str = "") -> User:
    """A new user, audited; the login must be free and the password at least 8 characters."""
    with scope.inside(None):  # a login is taken if any province's user has it
        taken = db.session.scalar(select(User).where(func.lower(User.login) == login.lower()))
    if taken:
        raise RuleViolation(_("Tên đăng nhập “%(login)s” đã được dùng.", login=login))
    _check_password(password)
    user = User(login=login, name=name, role=role, unit=unit)
    user.set_password(password)
    db.session.add(user)
    db.session.flush()
    record(actor, "user.create", user, after=user_values(user), note=note)
    return user


def update_user(actor: User, user: User, *, name: str, role: Role, unit_id: int,
                active: bool) -> User:
    """Apply an admin's change, audited; nobody may lock themself out of administration."""
    if user.id == actor.id and not active:
        raise RuleViolation(_("Bạn không thể tự khóa tài khoản của chính mình."))
    if user.id == actor.id and role != Role.ADMIN:
        raise RuleViolation(_("Bạn không thể tự bỏ vai trò quản trị của chính mình."))
    before = user_values(user)
    if user.active and not active:
        user.end_sessions()  # a deactivated user is logged out everywhere at once
    user.name, user.role, user.unit, user.active = name, role, picked_unit(unit_id), active
    db.session.flush()
    after = user_values(user)
    if before != after:
        record(actor, "user.update", user, before=before, after=after)
    return user


def reset_password(actor: User, user: User, password: str) -> None:
    """Set a new password chosen by an admin; the log says it happened, never what it is."""
    _check_password(password)
    user.set_password(password)
    user.end_sessions()  # whoever knew the old password is logged out
    db.session.flush()
    record(actor, "user.password_reset", user, after={"login": user.login})


def change_password(user: User, current: str, new: str) -> None:
    """A user's own change: the current password must be right; every session ends."""
    if not user.check_password(current):
        raise RuleViolation(_("Mật khẩu hiện tại không đúng."))
    _check_password(new)
    user.set_password(new)
    user.end_sessions()
    db.session.flush()
    record(user, "user.password_change", user, after={"login": user.login})


def officer_ids(unit_id: int | None) -> list[int]:
    """The active officers of a unit (who are told about its slots)."""
    if unit_id is None:
        return []
    return list(db.session.scalars(select(User.id).where(
        User.unit_id == unit_id, User.role == Role.OFFICER, User.active.is_(True))))


def editor_ids() -> list[int]:
    """The active editors and admins (Ban PT-TG decides schedule changes)."""
    return list(db.session.scalars(select(User.id).where(
        User.role.in_([Role.EDITOR, Role.ADMIN]), User.active.is_(True))))
