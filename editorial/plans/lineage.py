"""Units across years: which exist in a plan's year, the names a unit was known by before
(its "formed from" units), and the unique successor of a unit that no longer exists."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from editorial.extensions import db
from editorial.plans.importing import UnitName
from editorial.units.models import Unit, lineage


def valid_in_year(unit: Unit, year: int) -> bool:
    """Whether the unit exists on some day of `year`."""
    return ((unit.valid_from is None or unit.valid_from <= date(year, 12, 31))
            and (unit.valid_to is None or unit.valid_to >= date(year, 1, 1)))


def former_names(unit: Unit) -> tuple[str, ...]:
    """The unit's own names, then those of every unit it was formed from (transitively)."""
    names: list[str] = []
    seen: set[int] = set()
    todo = [unit]
    while todo:
        current = todo.pop(0)
        if current.id in seen:
            continue
        seen.add(current.id)
        names += [n for n in (current.name, current.short_name) if n and n not in names]
        todo.extend(current.formed_from)
    return tuple(names)


def unit_names(units: Iterable[Unit]) -> list[UnitName]:
    """The units as the importer matches them: each with its own and its former names."""
    return [UnitName(u.id, former_names(u)) for u in units]


def load_with_lineage(query) -> list[Unit]:
    """The units of `query` with their "formed from" links loaded in one more query."""
    return list(db.session.scalars(query.options(selectinload(Unit.formed_from))))


def successors(unit_ids: Iterable[int], year: int) -> dict[int, Unit | None]:
    """For each unit not existing in `year`: its one successor existing then, or None
    (no successor, or several: a person decides). Units existing in `year` are left out."""
    gone = [u for u in units_by_id(unit_ids) if not valid_in_year(u, year)]
    if not gone:
        return {}
    links = db.session.execute(
        select(lineage.c.predecessor_id, Unit)
        .join(Unit, Unit.id == lineage.c.unit_id)
        .where(lineage.c.predecessor_id.in_([u.id for u in gone]))).all()
    found: dict[int, list[Unit]] = {u.id: [] for u in gone}
    for predecessor_id, unit in links:
        if valid_in_year(unit, year):
            found[predecessor_id].append(unit)
    return {uid: (units[0] if len(units) == 1 else None) for uid, units in found.items()}


def units_by_id(unit_ids: Iterable[int]) -> list[Unit]:
    """The units of those ids (one query)."""
    return list(db.session.scalars(select(Unit).where(Unit.id.in_(set(unit_ids)))))
