"""Look-ups shared by the admin tests: demo units and users by name, audit entries."""

from __future__ import annotations

from sqlalchemy import select

from editorial.audit.models import AuditEntry
from editorial.auth.models import User
from editorial.extensions import db
from editorial.units.models import Unit


def unit_id(name_part: str) -> int:
    """The id of the one demo unit whose name contains `name_part`."""
    return db.session.scalars(select(Unit.id).where(Unit.name.contains(name_part))).one()


def user(login: str) -> User:
    db.session.expire_all()  # see what the requests committed
    return db.session.scalars(select(User).where(User.login == login)).one()


def entries(action: str) -> list[AuditEntry]:
    db.session.expire_all()
    return list(db.session.scalars(select(AuditEntry).where(AuditEntry.action == action)
                                   .order_by(AuditEntry.id)))
