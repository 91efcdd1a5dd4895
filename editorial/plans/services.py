"""Load plans and slots, build the year table, copy a plan into a new year."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import or_, select
from sqlalchemy.orm import contains_eager, joinedload

from editorial.calendar.grid import Month
from editorial.errors import NotFound, RuleViolation
from editorial.extensions import db
from editorial.plans import rules
from editorial.plans.models import Plan, PlanColumn, Slot
from editorial.plans.rules import Cadence, Channel, PlanStatus, SlotStatus
from editorial.units import settings


def slot_unit_label(slot: Slot) -> str:
    """The unit column of the seed's table: the assigned unit, or the province's words for a
    month every unit carries ("Ủy ban MTTQVN các huyện, thị xã, thành phố" in 2023)."""
    if slot.all_units or slot.assigned_unit is None:
        return settings.duties(slot.column.plan.unit_id).all_units_label
    return slot.assigned_unit.name


def slot_unit_name(slot: Slot) -> str:
    """The unit a slot belongs to, by name (one unit's part of an "all units" month too)."""
    return slot.assigned_unit.name if slot.assigned_unit else slot_unit_label(slot)


def _slots_query():
    """Slots with their column, plan and unit loaded in the same query."""
    return (
        select(Slot)
        .join(Slot.column)
        .join(PlanColumn.plan)
        .options(contains_eager(Slot.column).contains_eager(PlanColumn.plan),
                 joinedload(Slot.assigned_unit))
        .where(Slot.status != SlotStatus.CANCELLED, Plan.status == PlanStatus.ACTIVE)
    )


def _for_unit(query, unit_id: int | None):
    """Keep the slots of one unit (its part of an "all units" month included)."""
    if unit_id is None:
        return query
    return query.where(Slot.assigned_unit_id == unit_id)


def year_slots(year: int, channel: Channel | None = None, unit_id: int | None = None) -> list[Slot]:
    """Every slot of the year's plans, optionally of one channel and one unit."""
    query = _for_unit(_slots_query().where(Plan.year == year), unit_id)
    if channel is not None:
        query = query.where(PlanColumn.channel == channel)
    return list(db.session.scalars(query.order_by(Slot.period_start, PlanColumn.position)))


DEADLINE_LEAD = timedelta(days=14)  # the longest a deadline precedes its period (Tết, a week)


def slots_between(start: date, end: date, unit_id: int | None = None) -> list[Slot]:
    """The slots whose period overlaps [start, end], that have a date inside it, or whose
    period starts soon after it (a registration deadline comes before its period)."""
    in_range = or_(
        (Slot.period_start <= end + DEADLINE_LEAD) & (Slot.period_end >= start),
        Slot.air_date.between(start, end),
        Slot.print_date.between(start, end),
        Slot.record_date.between(start, end),
    )
    query = _for_unit(_slots_query().where(in_range), unit_id)
    return list(db.session.scalars(query.order_by(Slot.period_start, PlanColumn.position)))


def year_table(year: int, channel: Channel | None = None,
               unit_id: int | None = None) -> list[rules.YearRow]:
    """The rows of the seed's table: month, content, unit, done."""
    facts = [
        rules.SlotFacts(s.id, s.period_start, s.topic, slot_unit_label(s),
                        s.column.cadence == Cadence.WEEKLY, s.column.channel, s.status)
        for s in year_slots(year, channel, unit_id)
    ]
    return rules.year_rows(facts)


def plans_of_year(year: int) -> list[Plan]:
    """The plans of a year (usually one per province); NotFound when there is none."""
    plans = list(db.session.scalars(select(Plan).where(Plan.year == year).order_by(Plan.id)))
    if not plans:
        raise NotFound(str(_l("Chưa có kế hoạch năm %(year)s.", year=year)))
    return plans


def plan_years() -> list[int]:
    """The years that have a plan, newest first."""
    return list(db.session.scalars(select(Plan.year).distinct().order_by(Plan.year.desc())))


def check_year_free(unit_id: int, year: int) -> None:
    """Refuse a year out of range, or one the unit already has a plan for."""
    if not 2000 <= year <= 2100:
        raise RuleViolation(str(_l("Năm không hợp lệ: %(year)s.", year=year)))
    exists = db.session.scalar(select(Plan).where(Plan.unit_id == unit_id, Plan.year == year))
    if exists is not None:
        raise RuleViolation(str(_l("Đơn vị đã có kế hoạch năm %(year)s.", year=year)))


def copy_plan(plan: Plan, year: int, *, topics: Mapping[str, str] | None = None,
              units: Mapping[int, int] | None = None, title: str | None = None,
              status: PlanStatus = PlanStatus.ACTIVE) -> Plan:
    """Copy a plan into another year: title, columns, topics, assignments; statuses reset.

    `topics` rewords topics (old text → new), `units` reassigns units (old id → new id), as
    the recounted copy previewed them (`plans.copying`); without them texts stay as they are."""
    check_year_free(plan.unit_id, year)
    copy = Plan(year=year, unit_id=plan.unit_id, status=status, title=title or plan.title.replace(
        str(plan.year), str(year)))
    for column in plan.columns:
        copy.columns.append(_copy_column(column, year - plan.year, topics or {}, units or {}))
    db.session.add(copy)
    db.session.flush()
    return copy


def _copy_column(column: PlanColumn, years: int, topics: Mapping[str, str],
                 units: Mapping[int, int]) -> PlanColumn:
    """A column moved `years` on, with its slots: weekly slots realigned to the new weeks.
    Two former units of an "all units" month that became one unit share its one slot."""
    new = PlanColumn(name=column.name, channel=column.channel, cadence=column.cadence,
                     position=column.position)
    year = column.plan.year + years
    if column.cadence == Cadence.WEEKLY:
        periods = rules.weekly_periods(year)
        sources = column.slots[: len(periods)]
    else:
        months = [Month(year, s.period_start.month) for s in column.slots]
        periods = [(m.first, m.last) for m in months]
        sources = column.slots
    taken: set[tuple[date, int | None]] = set()
    for (start, end), slot in zip(periods, sources, strict=False):
        unit_id = units.get(slot.assigned_unit_id, slot.assigned_unit_id)
        if slot.all_units and (start, unit_id) in taken:
            continue
        taken.add((start, unit_id))
        new.slots.append(Slot(period_start=start, period_end=end,
                              topic=topics.get(slot.topic, slot.topic),
                              assigned_unit_id=unit_id, all_units=slot.all_units))
    return new
