"""Look units up: by id, by name with or without diacritics, the district list."""

from __future__ import annotations

from sqlalchemy import select

from editorial.errors import NotFound
from editorial.extensions import db
from editorial.text import fold
from editorial.units.models import Unit, UnitKind


def district_units() -> list[Unit]:
    """The units that are assigned slots (district level), in the plan's order."""
    query = select(Unit).where(Unit.kind == UnitKind.DISTRICT).order_by(Unit.position, Unit.id)
    return list(db.session.scalars(query))


def all_units() -> list[Unit]:
    """Every unit, parents before children (by position)."""
    return list(db.session.scalars(select(Unit).order_by(Unit.position, Unit.id)))


def find_unit(ref: str) -> Unit:
    """A unit by id, by exact name, or by a unique name fragment without diacritics."""
    ref = ref.strip()
    if ref.isdigit() and (unit := db.session.get(Unit, int(ref))) is not None:
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
