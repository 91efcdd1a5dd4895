"""Who a side of a slot's negotiation is: the users told when it becomes their turn.

The unit side is the active officers of the slot's unit (for an "all units" month, each unit
has its own slot). The editor side is the editors of the focal department (the plan's, else
the province's setting); a province that named none, or whose focal department has no editor
yet, falls back to its editors, then its admins. Always within the slot's own province."""

from __future__ import annotations

from typing import Any, Protocol

from sqlalchemy import select

from editorial.auth.models import User
from editorial.auth.rules import Role
from editorial.extensions import db
from editorial.units import settings
from editorial.units.models import Unit

UNIT, EDITOR = "unit", "editor"  # the values of registrations.rules.Side


class SlotLike(Protocol):
    """What is read of a plan slot (notifications is a leaf: it imports no plan)."""

    id: int
    assigned_unit_id: int | None
    column: Any  # .plan.unit_id, .plan.focal_unit_id


def province_of(slot: SlotLike) -> int:
    """The province the slot's plan belongs to."""
    return db.session.get(Unit, slot.column.plan.unit_id).root_id


def side_users(slot: SlotLike, side: str, unit_id: int | None = None) -> list[int]:
    """The active users acting for `side` on the slot; `unit_id` names the unit for the unit
    side when it is not the slot's own (a swap's other unit, a registration's unit)."""
    province = province_of(slot)
    if side == UNIT:
        unit = unit_id if unit_id is not None else slot.assigned_unit_id
        return _users(province, User.unit_id == unit, User.role == Role.OFFICER)
    return editor_ids(province, slot.column.plan.focal_unit_id)


def editor_ids(province_id: int, focal_unit_id: int | None = None) -> list[int]:
    """The focal department's editors, else the province's editors, else its admins."""
    row = settings.settings_of(province_id)
    focal = focal_unit_id or (row.focal_unit_id if row is not None else None)
    editing = User.role.in_([Role.EDITOR, Role.ADMIN])
    found = _users(province_id, User.unit_id == focal, editing) if focal else []
    return (found or _users(province_id, User.role == Role.EDITOR)
            or _users(province_id, User.role == Role.ADMIN))


def _users(province_id: int, *conditions) -> list[int]:
    query = select(User.id).where(User.in_province(province_id), User.active.is_(True),
                                  *conditions)
    return list(db.session.scalars(query.order_by(User.id)))
