"""Suggestions for planning a year: what each month could centre on (anniversaries with their
ordinals, lunar festivals, periods, the province's own days), the draft plan's rows a
suggestion can become the topic of, and the clashes of the year's plans."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import contains_eager, joinedload

from editorial.calendar.suggestions import Suggestion, suggestions_for_year
from editorial.errors import RuleViolation
from editorial.extensions import db
from editorial.observances import services as observances
from editorial.plans import clashes, rules, services
from editorial.plans.labels import CHANNEL_LABELS
from editorial.plans.models import Plan, PlanColumn, Slot
from editorial.plans.rules import Channel, PlanStatus


@dataclass(frozen=True)
class PlanningMonth:
    """One month of the page: its suggestions, the draft rows to use them on, its clashes."""

    number: int
    suggestions: list[Suggestion]
    rows: list[rules.YearRow]
    clashes: list[clashes.Clash]


def suggestions(year: int) -> dict[int, list[Suggestion]]:
    """Month → suggestions, from the shipped table with the admins' rows (local days)."""
    return suggestions_for_year(year, observances.anniversary_table(),
                                khmer_new_year=observances.khmer_new_year(year))


def for_year(year: int) -> list[PlanningMonth]:
    """The twelve months of `year` with what can be planned in each."""
    found = suggestions(year)
    rows: dict[int, list[rules.YearRow]] = defaultdict(list)
    for row in draft_rows(year):
        rows[row.month].append(row)
    by_month: dict[int, list[clashes.Clash]] = defaultdict(list)
    slots = services.year_slots(year) + _draft_slots(year)  # the draft being planned too
    months = {s.id: s.period_start.month for s in slots}
    for clash in year_clashes(slots):
        by_month[months[clash.slot_ids[0]]].append(clash)
    return [PlanningMonth(m, found[m], rows[m], by_month[m]) for m in range(1, 13)]


def _draft_slots(year: int) -> list[Slot]:
    """The slots of the year's draft plans (one query)."""
    query = (select(Slot).join(Slot.column).join(PlanColumn.plan)
             .options(contains_eager(Slot.column).contains_eager(PlanColumn.plan),
                      joinedload(Slot.assigned_unit))
             .where(Plan.year == year, Plan.status == PlanStatus.DRAFT)
             .order_by(Slot.period_start, PlanColumn.position, Slot.id))
    return list(db.session.scalars(query))


def draft_rows(year: int) -> list[rules.YearRow]:
    """The draft plan's rows (a topic of a month, its channels' slots together)."""
    return rules.year_rows(
        rules.SlotFacts(s.id, s.period_start, s.topic, services.slot_unit_label(s),
                        False, s.column.channel, s.status)
        for s in _draft_slots(year))


def year_clashes(slots: list[Slot]) -> list[clashes.Clash]:
    """A unit given two slots in a month, an air date on a day off, two radio–TV columns
    on the same day (the province's station is one outlet)."""
    outlet = str(CHANNEL_LABELS[Channel.RADIO_TV])
    rows = [clashes.PlanRow(
        slot_id=s.id, plan_id=s.column.plan_id, column_id=s.column_id,
        column_name=s.column.name, period_start=s.period_start, topic=s.topic,
        unit_id=s.assigned_unit_id, unit_label=services.slot_unit_name(s),
        all_units=s.all_units, air_date=s.air_date,
        outlet=outlet if s.column.channel == Channel.RADIO_TV else None) for s in slots]
    return clashes.clashes(rows, observances.work_calendar().is_working_day)


def use(year: int, month: int, key: str, slot_id: int) -> tuple[Slot, str, list[Slot]]:
    """Make suggestion `key` the topic of the draft row of `slot_id` in `month`: every slot
    of that row (each channel, each unit of an "all units" month). Returns the chosen slot,
    the topic it had, and the slots changed."""
    offered = suggestions(year).get(month, [])
    suggestion = next((s for s in offered if s.key == key), None)
    if suggestion is None:
        raise RuleViolation(_("Không có gợi ý này trong tháng %(m)s/%(y)s.", m=month, y=year))
    slot = next((s for s in _draft_slots(year) if s.id == slot_id), None)
    if slot is None or slot.period_start.month != month:
        raise RuleViolation(_("Chưa có dòng nào của kế hoạch nháp năm %(y)s trong tháng "
                              "%(m)s để dùng gợi ý này.", y=year, m=month))
    before = slot.topic
    row = [s for c in slot.column.plan.columns for s in c.slots
           if s.period_start == slot.period_start and s.topic == before]
    for s in row:
        s.topic = suggestion.wording
    db.session.flush()
    return slot, before, row
