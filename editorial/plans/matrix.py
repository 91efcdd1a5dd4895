"""The plan matrix: the year as units × months, each cell the unit's slots of that month
with their state, so the editor sees at a glance who has what and how far it has gone."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from editorial.plans import services
from editorial.plans.rules import Cadence, Channel, SlotStatus
from editorial.units import settings


@dataclass(frozen=True, slots=True)
class Chip:
    """One slot in a cell: its column's channel, its state, its title, its week if weekly."""

    slot_id: int
    channel: Channel
    status: SlotStatus
    title: str
    week: date | None = None


@dataclass
class Line:
    """A unit's line of the matrix: month (1–12) → its chips."""

    unit_id: int | None
    label: str
    cells: dict[int, list[Chip]] = field(default_factory=lambda: {m: [] for m in range(1, 13)})

    @property
    def count(self) -> int:
        return sum(len(chips) for chips in self.cells.values())


def build(units: Iterable[tuple[int, str]],
          slots: Iterable[tuple[int | None, str, int, Chip]]) -> list[Line]:
    """Lines for `units` (in their order) and for any other unit a slot names, after them;
    `slots` are (unit id, unit label, month, chip)."""
    lines = {uid: Line(uid, label) for uid, label in units}
    for uid, label, month, chip in slots:
        lines.setdefault(uid, Line(uid, label)).cells[month].append(chip)
    return list(lines.values())


def year_matrix(year: int) -> list[Line]:
    """The matrix of the year's plans in the request's province (three queries)."""
    units = [(u.id, u.label) for u in settings.assignable_units(year)]
    chips = [(s.assigned_unit_id, s.assigned_unit.label if s.assigned_unit
              else services.slot_unit_label(s), s.period_start.month,
              Chip(s.id, s.column.channel, s.status, s.title,
                   s.period_start if s.column.cadence == Cadence.WEEKLY else None))
             for s in services.year_slots(year)]
    return build(units, chips)
