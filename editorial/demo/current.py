"""Thành phố Cần Thơ today, the living demo: its 103 communes and wards, departments and member
organizations imported from the shipped file, what the city decided, the demo logins, and an
illustrative plan for the current year whose past months have run."""

from __future__ import annotations

import json
from datetime import date
from importlib import resources

from sqlalchemy import select

from editorial.auth.rules import Role
from editorial.demo import can_tho as seed
from editorial.demo import loading
from editorial.extensions import db
from editorial.plans.models import Plan
from editorial.units import imports
from editorial.units.models import ProvinceSettings, Unit
from editorial.units.rules import UnitKind


def _import_units() -> None:
    """The city's units from the shipped file, through the admins' unit import."""
    data = resources.files("editorial.demo").joinpath("data", seed.UNITS_FILE).read_bytes()
    province = Unit(name=seed.PROVINCE, kind=UnitKind.PROVINCE)
    db.session.add(province)
    db.session.flush()
    imports.save(None, province, imports.check(data, seed.UNITS_FILE, province))


def _units() -> dict[str, Unit]:
    """The city's units by official code, imported when the city is missing."""
    if db.session.scalar(select(Unit).where(Unit.code == seed.PROVINCE_CODE)) is None:
        _import_units()
    province = db.session.scalar(select(Unit).where(Unit.code == seed.PROVINCE_CODE))
    units = db.session.scalars(select(Unit).where(Unit.in_province(province.id)))
    return {u.code: u for u in units if u.code}


def _settings(units: dict[str, Unit]) -> Unit:
    """Cần Thơ's decisions: communes, departments and member organizations are given months
    and register; communes owe 2 tin + 1 bài, member organizations 1 + 1; Ban TG-CTXH is the
    focal department."""
    province = units[seed.PROVINCE_CODE]
    if db.session.get(ProvinceSettings, province.id) is None:
        db.session.add(ProvinceSettings(
            province_id=province.id, focal_unit=units[seed.FOCAL_CODE],
            assignable_kinds=seed.ASSIGNABLE, registering_kinds=seed.ASSIGNABLE,
            quota_json=json.dumps(seed.QUOTAS), all_units_label=seed.ALL_UNITS_LABEL))
    return province


def load(today: date) -> None:
    """Load Cần Thơ (idempotent) with its illustrative plan of today's year."""
    units = _units()
    province = _settings(units)
    year = today.year
    rows = [(month, topic, [units[code]], False) for month, topic, code in seed.TOPICS]
    existed = db.session.scalar(select(Plan).where(Plan.unit_id == province.id, Plan.year == year))
    plan = loading.monthly_plan(province, year, seed.PLAN_TITLE.replace("2026", str(year)),
                                seed.COLUMNS, rows)
    if existed is None:
        loading.run_past_months(plan, today)
    for login, name, role, code in seed.STAFF:
        loading.user(login, name, Role(role), units[code], loading.PASSWORD)
    db.session.flush()


def logins() -> list[str]:
    return [login for login, *_ in seed.STAFF]
