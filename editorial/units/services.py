"""Look units up (by id, by name with or without diacritics, as a tree); create and change
them, audited."""

from __future__ import annotations

from typing import TYPE_CHECKING

from flask_babel import gettext as _
from sqlalchemy import func, select

from editorial.audit.services import record
from editorial.errors import NotFound, RuleViolation
from editorial.extensions import db
from editorial.text import fold
from editorial.units import scope
from editorial.units.models import Unit
from editorial.units.rules import UnitKind
from editorial.units.tree import depth_first

if TYPE_CHECKING:
    from editorial.auth.models import User


def all_units() -> list[Unit]:
    """Every unit (of the request's province), in tree order: each parent before its children."""
    return [unit for unit, _depth in unit_tree()]


def find_unit(ref: str) -> Unit:
    """A unit by id, by exact name, or by a unique name fragment without diacritics."""
    ref = ref.strip()
    if ref.isdecimal() and (unit := db.session.get(Unit, int(ref))) is not None:
        return unit
    key = fold(ref)
    exact = db.session.scalars(select(Unit).where(Unit.name_folded == key)).all()
    if len(exact) == 1:
        return exact[0]
    matches = db.session.scalars(select(Unit).where(Unit.name_folded.contains(key))).all()
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise NotFound(f"Không tìm thấy đơn vị “{ref}”.")
    names = "; ".join(u.name for u in matches[:5])
    raise NotFound(f"“{ref}” khớp nhiều đơn vị: {names}. Hãy ghi rõ hơn hoặc dùng mã số.")


def unit_names() -> dict[int, str]:
    """Every unit's id and short label, in one query (for showing stored unit ids)."""
    rows = db.session.execute(select(Unit.id, Unit.short_name, Unit.name))
    return {unit_id: short or name for unit_id, short, name in rows}


def unit_tree() -> list[tuple[Unit, int]]:
    """Every unit with its depth, each parent followed by its children (by position)."""
    units = db.session.scalars(select(Unit)).all()
    return depth_first(units, lambda u: u.id, lambda u: u.parent_id,
                       key=lambda u: (u.position, u.id))


def picked_unit(unit_id: int) -> Unit:
    """The unit chosen in a form; an unknown id is bad input (422), not a missing page."""
    unit = db.session.get(Unit, unit_id)
    if unit is None:
        raise RuleViolation(_("Đơn vị đã chọn không tồn tại."))
    return unit


def unit_values(unit: Unit) -> dict[str, object]:
    """What the audit log keeps of a unit."""
    return {"name": unit.name, "short_name": unit.short_name, "kind": unit.kind.value,
            "parent_id": unit.parent_id, "code": unit.code, "valid_from": unit.valid_from,
            "valid_to": unit.valid_to}


def _check_parent(unit_id: int | None, parent_id: int | None) -> None:
    """Refuse a parent that does not exist or that lies below the unit itself (a cycle); in
    a province, every unit but its root has a parent (a new root would be another province)."""
    if parent_id is None:
        province = scope.current_province()
        if province is not None and unit_id != province:
            raise RuleViolation(_("Hãy chọn %(what)s.", what=_("Đơn vị cấp trên").lower()))
        return
    rows = db.session.execute(select(Unit.id, Unit.parent_id))
    parents = {row.id: row.parent_id for row in rows}
    if parent_id not in parents:
        raise RuleViolation(_("Đơn vị cấp trên đã chọn không tồn tại."))
    node, seen = parent_id, set()
    while node is not None and node not in seen:
        if node == unit_id:
            raise RuleViolation(_("Không thể đặt đơn vị dưới chính nó hoặc dưới đơn vị "
                                  "cấp dưới của nó."))
        seen.add(node)
        node = parents.get(node)


def _check_code(unit_id: int | None, code: str | None) -> None:
    """Refuse an official code another unit has, in any province (the codes are national:
    one unique column)."""
    with scope.inside(None):
        taken = code and db.session.scalar(select(Unit.id).where(Unit.code == code))
    if taken and taken != unit_id:
        raise RuleViolation(_("Mã đơn vị “%(code)s” đã được dùng.", code=code))


def _last_position(parent_id: int | None) -> int:
    """One past the last sibling under `parent_id`, so a new or moved unit comes last."""
    last = db.session.scalar(select(func.max(Unit.position)).where(Unit.parent_id == parent_id))
    return 0 if last is None else last + 1


def save_unit(actor: User | None, unit: Unit | None, *, name: str, short_name: str,
              kind: UnitKind, parent_id: int | None, code: str | None) -> Unit:
    """Create a unit (`unit` None) or change one, audited; the tree never gets a cycle."""
    _check_parent(unit.id if unit else None, parent_id)
    _check_code(unit.id if unit else None, code)
    before = unit_values(unit) if unit else None
    if unit is None:
        unit = Unit(name=name, kind=kind)
        db.session.add(unit)
    if unit.id is None or unit.parent_id != parent_id:
        unit.position = _last_position(parent_id)
    unit.name, unit.short_name, unit.kind, unit.code = name, short_name, kind, code
    unit.parent = db.session.get(Unit, parent_id) if parent_id is not None else None
    db.session.flush()
    after = unit_values(unit)
    if before != after:
        record(actor, "unit.update" if before else "unit.create", unit, before=before,
               after=after, unit_id=unit.id)
    return unit
