"""Small factories for units, users and plans, for tests that need more than the demo."""

from __future__ import annotations

from itertools import count

from sqlalchemy import select

from editorial.auth.models import User
from editorial.auth.rules import Role
from editorial.extensions import db
from editorial.plans import rules
from editorial.plans.models import Plan, PlanColumn, Slot
from editorial.plans.rules import Cadence, Channel
from editorial.units.models import Unit
from editorial.units.rules import UnitKind

_seq = count(1)


def make_unit(name: str | None = None, kind: UnitKind = UnitKind.DISTRICT,
              parent: Unit | None = None) -> Unit:
    """A unit under `parent`, by default under the first province (a province: a new root)."""
    if parent is None and kind != UnitKind.PROVINCE:
        parent = db.session.scalar(select(Unit).where(Unit.kind == UnitKind.PROVINCE)
                                   .order_by(Unit.id).limit(1))
    unit = Unit(name=name or f"Ủy ban MTTQ huyện Thử {next(_seq)}", kind=kind, parent=parent)
    db.session.add(unit)
    db.session.flush()
    return unit


def make_user(login: str, role: Role, unit: Unit, password: str = "mttq2023") -> User:
    user = User(login=login, name=login, role=role, unit=unit)
    user.set_password(password)
    db.session.add(user)
    db.session.flush()
    return user


def make_plan(year: int, owner: Unit, units: list[Unit],
              channels: tuple[Channel, ...] = (Channel.RADIO_TV,)) -> Plan:
    """A monthly plan whose month m goes to units[(m - 1) % len(units)]."""
    plan = Plan(year=year, unit=owner, title=f"Kế hoạch năm {year}")
    for position, channel in enumerate(channels):
        column = PlanColumn(name=str(channel), channel=channel, cadence=Cadence.MONTHLY,
                            position=position)
        for month, (start, end) in enumerate(rules.monthly_periods(year), start=1):
            column.slots.append(Slot(period_start=start, period_end=end, topic=f"Chủ đề {month}",
                                     assigned_unit=units[(month - 1) % len(units)]))
        plan.columns.append(column)
    db.session.add(plan)
    db.session.flush()
    return plan
