"""What both demo provinces are loaded with: find-or-create steps, so loading twice changes
nothing, and the history of the months that have already run."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from sqlalchemy import select

from editorial.auth.models import User
from editorial.auth.rules import Role
from editorial.extensions import db
from editorial.plans import rules
from editorial.plans.models import Plan, PlanColumn, Slot
from editorial.plans.rules import Cadence, Channel, PlanStatus, SlotStatus
from editorial.units.models import Unit

PASSWORD = "mttq2023"  # every demo login's

# (month, suggested content, the units given it, whether it has run)
Row = tuple[int, str, Sequence[Unit], bool]


def user(login: str, name: str, role: Role, unit: Unit, password: str) -> None:
    """Create the demo user when missing."""
    if db.session.scalar(select(User).where(User.login == login)) is not None:
        return
    found = User(login=login, name=name, role=role, unit=unit)
    found.set_password(password)
    db.session.add(found)


def monthly_plan(province: Unit, year: int, title: str, columns: Iterable[tuple[str, str]],
                 rows: Iterable[Row], status: PlanStatus = PlanStatus.ACTIVE) -> Plan:
    """The province's plan of that year, made when missing: monthly columns carrying the same
    rows; a row given several units ("all units") is one slot per unit."""
    plan = db.session.scalar(select(Plan).where(Plan.unit_id == province.id, Plan.year == year))
    if plan is not None:
        return plan
    plan = Plan(year=year, unit=province, title=title, status=status)
    periods = rules.monthly_periods(year)
    rows = list(rows)
    for position, (name, channel) in enumerate(columns):
        column = PlanColumn(name=name, channel=Channel(channel), cadence=Cadence.MONTHLY,
                            position=position)
        for month, topic, units, done in rows:
            start, end = periods[month - 1]
            column.slots.extend(Slot(
                period_start=start, period_end=end, topic=topic, assigned_unit=unit,
                all_units=len(units) > 1,
                status=SlotStatus.DONE if done else SlotStatus.PLANNED) for unit in units)
        plan.columns.append(column)
    db.session.add(plan)
    db.session.flush()
    return plan


def _weekday_on_or_before(day: date) -> date:
    return day - timedelta(days=max(0, day.weekday() - 4))


def run_past_months(plan: Plan, today: date) -> None:
    """The plan's months before this one have run: done, aired on the 20th and printed on the
    25th (or the Friday before), so the demo calendar has a history."""
    for column in plan.columns:
        for slot in column.slots:
            if slot.period_end >= today.replace(day=1):
                continue
            slot.status = SlotStatus.DONE
            slot.done_note = "Dữ liệu mẫu"
            if column.channel == Channel.RADIO_TV:
                slot.air_date = _weekday_on_or_before(slot.period_start.replace(day=20))
            else:
                slot.print_date = _weekday_on_or_before(slot.period_start.replace(day=25))
