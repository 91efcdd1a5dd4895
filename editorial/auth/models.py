"""Users and their roles."""

from __future__ import annotations

from datetime import datetime

from flask import current_app
from flask_login import UserMixin
from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates
from werkzeug.security import check_password_hash, generate_password_hash

from editorial.auth.rules import READS_ALL, Role
from editorial.extensions import db, login_manager
from editorial.models_base import UTCDateTime, enum_column
from editorial.text import fold
from editorial.units.models import Unit
from editorial.units.scope import unit_in_province


class User(UserMixin, db.Model):
    """Somebody who logs in: a district officer, a Ban PT-TG editor, an admin, a viewer."""

    @classmethod
    def in_province(cls, province_id: int):
        """Rows of that province (see `editorial.units.scope`)."""
        return unit_in_province(cls.unit_id, province_id)

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    login: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    name_folded: Mapped[str] = mapped_column(String(120), default="", server_default="",
                                             index=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[Role] = mapped_column(enum_column(Role))
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    active: Mapped[bool] = mapped_column(default=True)
    # Part of the id in every session and remember cookie: bumping it ends them all.
    session_version: Mapped[int] = mapped_column(default=0, server_default="0")

    unit: Mapped[Unit] = relationship(lazy="joined")

    @validates("name")
    def _fold_name(self, _key: str, value: str) -> str:
        """Keep the diacritic-free copy used by search in step with the name."""
        self.name_folded = fold(value)
        return value

    def set_password(self, password: str) -> None:
        """Store a salted hash of the password, never the password."""
        method = current_app.config.get("PASSWORD_HASH_METHOD", "scrypt")
        self.password_hash = generate_password_hash(password, method=method)

    def check_password(self, password: str) -> bool:
        """True when the password matches the stored hash."""
        return check_password_hash(self.password_hash, password)

    def get_id(self) -> str:  # Flask-Login: what the session and remember cookies hold
        return f"{self.id}.{self.session_version}"

    def end_sessions(self) -> None:
        """Every session and remember cookie of this user stops working (logout everywhere)."""
        self.session_version = (self.session_version or 0) + 1

    @property
    def is_active(self) -> bool:  # Flask-Login: deactivated users cannot log in
        return self.active

    def has_role(self, *roles: Role) -> bool:
        """True when the user holds one of the roles (admins hold every role)."""
        return self.role == Role.ADMIN or self.role in roles

    @property
    def is_editor(self) -> bool:
        """Editors (and admins) act on every unit's slots."""
        return self.has_role(Role.EDITOR)

    @property
    def is_officer(self) -> bool:
        """Officers act for their own unit only."""
        return self.role == Role.OFFICER

    @property
    def is_viewer(self) -> bool:
        """Viewers read the province's calendar and change nothing."""
        return self.role == Role.VIEWER

    @property
    def reads_all(self) -> bool:
        """Editors, admins and viewers read every unit's calendar; officers their own."""
        return self.role in READS_ALL

    def __repr__(self) -> str:
        return f"<User {self.login} {self.role}>"


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    """Flask-Login: the user of the session cookie, while the cookie's session version is the
    user's (an older cookie, or one without a version, is a session that has ended)."""
    ident, _, version = user_id.partition(".")
    if not (ident.isdigit() and version.isdigit()):
        return None
    user = db.session.get(User, int(ident))
    if user is None or user.session_version != int(version):
        return None
    return user


class LoginThrottle(db.Model):
    """Failed logins counted per account or per address (the key says which), shared by every
    worker through the database; `editorial.auth.throttle` reads and writes it."""

    feed_neutral = True  # no calendar shows it

    __tablename__ = "login_throttles"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    failures: Mapped[int] = mapped_column(default=0, server_default="0")
    last_failure_at: Mapped[datetime] = mapped_column(UTCDateTime())
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
