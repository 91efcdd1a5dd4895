"""The rows of a draft's column: a period, a suggested content, the units given it (one, a
group, or every unit: one slot each, so each registers its own) and a note. Rows are added,
edited, moved a period up or down and removed; a row is the slots that share its period,
content and "all units" mark."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from flask_babel import gettext as _

from editorial.errors import RuleViolation
from editorial.extensions import db
from editorial.plans import rules
from editorial.plans.editing import require_draft
from editorial.plans.editor_forms import RowInput
from editorial.plans.models import PlanColumn, Slot
from editorial.units import settings

PARKED = date(1900, 1, 1)  # where a moving row waits, so no two rows share a period meanwhile


@dataclass(frozen=True)
class EditorRow:
    """One row as the editor shows it."""

    slots: tuple[Slot, ...]
    units: str
    air_day: date | None  # the first air date the column's broadcast pattern proposes
    air_time: str | None

    @property
    def first(self) -> Slot:
        return self.slots[0]


def _key(slot: Slot) -> tuple:
    return (slot.period_start, slot.topic, slot.all_units)


def rows_of(column: PlanColumn) -> list[EditorRow]:
    """The column's rows in period order, each with its units and proposed air date."""
    groups: dict[tuple, list[Slot]] = {}
    for slot in sorted(column.slots, key=lambda s: (s.period_start, s.id)):
        groups.setdefault(_key(slot), []).append(slot)
    label = settings.duties(column.plan.unit_id).all_units_label
    return [_row(column, group, label) for group in groups.values()]


def _row(column: PlanColumn, group: list[Slot], all_units_label: str) -> EditorRow:
    units = all_units_label if group[0].all_units else ", ".join(
        s.assigned_unit.label for s in group if s.assigned_unit)
    proposed = rules.proposed_air(column.pattern, group[0].period_start, group[0].period_end)
    if isinstance(proposed, datetime):
        return EditorRow(tuple(group), units, proposed.date(), f"{proposed:%H:%M}")
    return EditorRow(tuple(group), units, proposed, None)


def row_of(slot: Slot) -> list[Slot]:
    """The slots of the row `slot` belongs to."""
    return [s for s in slot.column.slots if _key(s) == _key(slot)]


def add_row(column: PlanColumn, values: RowInput) -> list[Slot]:
    """A new row of the column; one slot per unit it names."""
    require_draft(column.plan)
    end = _period_end(column, values.period_start)
    slots = [Slot(period_start=values.period_start, period_end=end, topic=values.topic,
                  assigned_unit_id=unit_id, all_units=values.all_units, note=values.note)
             for unit_id in _unit_ids(column, values)]
    _refuse_taken(column, values.period_start, [s.assigned_unit_id for s in slots])
    column.slots.extend(slots)
    db.session.flush()
    return slots


def update_row(slot: Slot, values: RowInput) -> list[Slot]:
    """Replace a row by its new values (a draft's rows carry no registration yet)."""
    column = slot.column
    require_draft(column.plan)
    before = row_of(slot)
    for old in before:
        column.slots.remove(old)
    db.session.flush()
    return add_row(column, values)


def remove_row(slot: Slot) -> None:
    """Remove a row of a draft."""
    require_draft(slot.column.plan)
    for old in row_of(slot):
        slot.column.slots.remove(old)
    db.session.flush()


def move_row(slot: Slot, step: int) -> None:
    """Swap a row's period with the row before (step -1) or after (+1) it."""
    column = slot.column
    require_draft(column.plan)
    starts = sorted({s.period_start for s in column.slots})
    index = starts.index(slot.period_start) + step
    if not 0 <= index < len(starts):
        raise RuleViolation(_("Dòng này đã ở đầu hoặc cuối kế hoạch."))
    mine, theirs = row_of(slot), [s for s in column.slots if s.period_start == starts[index]]
    here, there = (slot.period_start, slot.period_end), (theirs[0].period_start,
                                                         theirs[0].period_end)
    _set_period(mine, (PARKED, PARKED))
    _set_period(theirs, here)
    _set_period(mine, there)


def _set_period(slots: list[Slot], period: tuple[date, date]) -> None:
    for s in slots:
        s.period_start, s.period_end = period
    db.session.flush()


def _period_end(column: PlanColumn, start: date) -> date:
    """The last day of the column's period that starts on `start`."""
    for first, last in column.periods():
        if first == start:
            return last
    raise RuleViolation(_("Tháng hoặc tuần không thuộc chuyên mục này."))


def _unit_ids(column: PlanColumn, values: RowInput) -> list[int]:
    """The units given the row: the chosen ones (assignable), or every registering unit."""
    year = column.plan.year
    if values.all_units:
        ids = [u.id for u in settings.registering_units(column.plan.unit_id)
               if (u.valid_from or date.min) <= date(year, 12, 31)
               and (u.valid_to or date.max) >= date(year, 1, 1)]  # exists in the year
        if not ids:
            raise RuleViolation(_("Tỉnh chưa có đơn vị nào để giao."))
        return ids
    allowed = {u.id for u in settings.assignable_units(year)}
    if not set(values.unit_ids) <= allowed:
        raise RuleViolation(_("Hãy chọn đơn vị trong danh sách."))
    return list(values.unit_ids)


def _refuse_taken(column: PlanColumn, start: date, unit_ids: list[int | None]) -> None:
    """One unit has at most one row per period of a column."""
    clash = [s for s in column.slots if s.period_start == start and s.assigned_unit_id in unit_ids]
    if clash:
        name = clash[0].assigned_unit.label if clash[0].assigned_unit else ""
        raise RuleViolation(_("%(unit)s đã có một dòng trong kỳ này của chuyên mục.", unit=name))
