"""Units across years: which exist in a plan's year, the names a unit was known by before
(its "formed from" units), and the unique successor of a unit that no longer exists."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select

from editorial.extensions import db
from editorial.plans.importing import UnitName
from editorial.units import scope
from editorial.units.models import Unit, lineage


def former_names(units: Iterable[Unit]) -> dict[int, list[str]]:
    """Each unit's names, then those of every unit it was formed from, transitively (one
    query a generation). Former units may be of another province (Sóc Trăng's communes in
    Cần Thơ's): their names are read outside the province's scope, nothing else is."""
    names = {u.id: [n for n in (u.name, u.short_name) if n] for u in units}
    origins = {uid: {uid} for uid in names}
    seen = set(names)
    with scope.inside(None):
        while origins:
            rows = db.session.execute(
                select(lineage.c.unit_id, Unit.id, Unit.name, Unit.short_name)
                .join(Unit, Unit.id == lineage.c.predecessor_id)
                .where(lineage.c.unit_id.in_(origins))).all()
            following: dict[int, set[int]] = {}
            for successor, predecessor, name, short in rows:
                for origin in origins[successor]:
                    names[origin] += [n for n in (name, short) if n and n not in names[origin]]
                    if predecessor not in seen:
                        following.setdefault(predecessor, set()).add(origin)
            seen |= set(following)
            origins = following
    return names


def unit_names(units: Iterable[Unit]) -> list[UnitName]:
    """The units as the importer matches them: each with its own and its former names."""
    units = list(units)
    names = former_names(units)
    return [UnitName(u.id, tuple(names[u.id])) for u in units]


def successors(unit_ids: Iterable[int], year: int) -> dict[int, Unit | None]:
    """For each unit not existing in `year`: its one successor existing then, or None
    (no successor, or several: a person decides). Units existing in `year` are left out."""
    gone = [u for u in units_by_id(unit_ids) if not u.exists_in(year)]
    if not gone:
        return {}
    links = db.session.execute(
        select(lineage.c.predecessor_id, Unit)
        .join(Unit, Unit.id == lineage.c.unit_id)
        .where(lineage.c.predecessor_id.in_([u.id for u in gone]))).all()
    found: dict[int, list[Unit]] = {u.id: [] for u in gone}
    for predecessor_id, unit in links:
        if unit.exists_in(year):
            found[predecessor_id].append(unit)
    return {uid: (units[0] if len(units) == 1 else None) for uid, units in found.items()}


def units_by_id(unit_ids: Iterable[int]) -> list[Unit]:
    """The units of those ids (one query)."""
    return list(db.session.scalars(select(Unit).where(Unit.id.in_(set(unit_ids)))))
