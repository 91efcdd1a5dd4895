"""Load the demo province; every step finds what exists before it creates, so loading twice
changes nothing."""

from __future__ import annotations

import json
from datetime import date, timedelta

from sqlalchemy import select

from editorial.auth.models import User
from editorial.auth.rules import Role
from editorial.demo import soc_trang as seed
from editorial.extensions import db
from editorial.plans import copying, rules
from editorial.plans.models import Plan, PlanColumn, Slot
from editorial.plans.rules import Cadence, Channel, PlanStatus, SlotStatus
from editorial.units.models import ProvinceSettings, Unit
from editorial.units.rules import UnitKind


def _unit(name: str, kind: UnitKind, parent: Unit | None, short: str, position: int) -> Unit:
    """The unit of that name, created under `parent` when missing."""
    unit = db.session.scalar(select(Unit).where(Unit.name == name))
    if unit is None:
        unit = Unit(name=name, kind=kind, parent=parent, short_name=short, position=position)
        db.session.add(unit)
        db.session.flush()
    return unit


def _user(login: str, name: str, role: Role, unit: Unit) -> None:
    """Create the demo user when missing."""
    if db.session.scalar(select(User).where(User.login == login)) is not None:
        return
    user = User(login=login, name=name, role=role, unit=unit)
    user.set_password(seed.DEMO_PASSWORD)
    db.session.add(user)


def _units() -> tuple[Unit, dict[str, Unit], list[Unit]]:
    """The province, its departments (by short name) and the districts, in plan order."""
    province = _unit(seed.PROVINCE, UnitKind.PROVINCE, None, "MTTQ tỉnh Sóc Trăng", 0)
    departments = {short: _unit(name, UnitKind.DEPARTMENT, province, short, i)
                   for i, (name, short) in enumerate(seed.DEPARTMENTS, start=1)}
    districts = [_unit(name, UnitKind.DISTRICT, province, short, 10 + i)
                 for i, (_login, name, short) in enumerate(seed.DISTRICTS)]
    return province, departments, districts


def _settings(province: Unit, departments: dict[str, Unit]) -> None:
    """Sóc Trăng in 2023: the districts are given the months, register and owe 2 tin + 1 bài;
    Ban PT-TG is the focal department."""
    if db.session.get(ProvinceSettings, province.id) is not None:
        return
    db.session.add(ProvinceSettings(
        province_id=province.id, focal_unit=departments["Ban PT-TG"],
        assignable_kinds=UnitKind.DISTRICT.value, registering_kinds=UnitKind.DISTRICT.value,
        quota_json=json.dumps({UnitKind.DISTRICT.value: [2, 1]}),
        all_units_label=seed.ALL_UNITS_LABEL))


def _plan_2023(province: Unit, districts: list[Unit]) -> Plan:
    """The 2023 plan of seed 001: two monthly columns carrying the same twelve topics."""
    plan = db.session.scalar(select(Plan).where(Plan.unit_id == province.id, Plan.year == 2023))
    if plan is not None:
        return plan
    plan = Plan(year=2023, unit=province, title=seed.PLAN_TITLE)
    periods = rules.monthly_periods(2023)
    for position, (name, channel) in enumerate(seed.COLUMNS):
        column = PlanColumn(name=name, channel=Channel(channel), cadence=Cadence.MONTHLY,
                            position=position)
        for month, topic, unit_index, done in seed.TOPICS:
            start, end = periods[month - 1]
            owners = districts if unit_index is None else [districts[unit_index]]
            column.slots.extend(Slot(  # an "all units" month: each district its own slot
                period_start=start, period_end=end, topic=topic, assigned_unit=unit,
                all_units=unit_index is None,
                status=SlotStatus.DONE if done else SlotStatus.PLANNED) for unit in owners)
        plan.columns.append(column)
    db.session.add(plan)
    db.session.flush()
    return plan


def _weekday_on_or_before(day: date) -> date:
    return day - timedelta(days=max(0, day.weekday() - 4))


def _run_past_months(plan: Plan, today: date) -> None:
    """The carried plan's months before this one have run: done, aired on the 20th and
    printed on the 25th (or the Friday before), so the demo calendar has a history."""
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


def load_demo(today: date) -> None:
    """Load the demo province and carry its 2023 plan, recounted, into today's year
    (idempotent)."""
    province, departments, districts = _units()
    _settings(province, departments)
    plan = _plan_2023(province, districts)
    carried = select(Plan).where(Plan.unit_id == province.id, Plan.year == today.year)
    if db.session.scalar(carried) is None:
        _run_past_months(copying.copy(plan, today.year, status=PlanStatus.ACTIVE), today)
    for login, name, role, where in seed.STAFF:
        unit = province if where == "province" else departments[where]
        _user(login, name, Role(role), unit)
    for (login, _name, short), unit in zip(seed.DISTRICTS, districts, strict=True):
        _user(login, f"Cán bộ {short}", Role.OFFICER, unit)
    db.session.flush()


def demo_logins() -> list[tuple[str, str, str]]:
    """(login, role, unit) of every demo user, for `make run` to print."""
    logins = [login for login, *_ in seed.STAFF] + [login for login, *_ in seed.DISTRICTS]
    users = db.session.scalars(select(User).where(User.login.in_(logins)).order_by(User.id))
    return [(u.login, u.role.value, u.unit.name) for u in users]
