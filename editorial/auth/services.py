"""Authenticate users and create them."""

from __future__ import annotations

from sqlalchemy import func, select

from editorial.auth.models import Role, User
from editorial.errors import RuleViolation
from editorial.extensions import db
from editorial.units.models import Unit


def authenticate(login: str, password: str) -> User | None:
    """The active user with this login and password, or None (never says which part failed)."""
    user = db.session.scalar(select(User).where(func.lower(User.login) == login.strip().lower()))
    if user is None or not user.active or not user.check_password(password):
        return None
    return user


def create_user(login: str, name: str, role: Role, unit: Unit, password: str) -> User:
    """A new user; the login must be free and the password at least 8 characters."""
    if db.session.scalar(select(User).where(func.lower(User.login) == login.lower())):
        raise RuleViolation(f"Tên đăng nhập “{login}” đã được dùng.")
    if len(password) < 8:
        raise RuleViolation("Mật khẩu phải có ít nhất 8 ký tự.")
    user = User(login=login, name=name, role=role, unit=unit)
    user.set_password(password)
    db.session.add(user)
    db.session.flush()
    return user


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
