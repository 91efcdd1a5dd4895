"""Sóc Trăng 2023 (seed 001), the historical data set: the province, its departments and
districts (which ceased to exist on 1/7/2025), its settings of 2023, the 2023 plan word for
word and the demo logins."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import select

from editorial.auth.rules import Role
from editorial.demo import loading
from editorial.demo import soc_trang as seed
from editorial.extensions import db
from editorial.units.models import ProvinceSettings, Unit
from editorial.units.rules import UnitKind

DISSOLVED = date(2025, 6, 30)  # the last day of Sóc Trăng province and of the districts


def _unit(name: str, kind: UnitKind, parent: Unit | None, short: str, position: int) -> Unit:
    """The unit of that name, created under `parent` when missing."""
    unit = db.session.scalar(select(Unit).where(Unit.name == name))
    if unit is None:
        unit = Unit(name=name, kind=kind, parent=parent, short_name=short, position=position,
                    valid_to=DISSOLVED)
        db.session.add(unit)
        db.session.flush()
    return unit


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


def load() -> None:
    """Load Sóc Trăng 2023 (idempotent); its plan stays in 2023, with its 2023 texts."""
    province, departments, districts = _units()
    _settings(province, departments)
    rows = [(month, topic, districts if index is None else [districts[index]], done)
            for month, topic, index, done in seed.TOPICS]
    loading.monthly_plan(province, 2023, seed.PLAN_TITLE, seed.COLUMNS, rows)
    for login, name, role, where in seed.STAFF:
        unit = province if where == "province" else departments[where]
        loading.user(login, name, Role(role), unit, loading.PASSWORD)
    for (login, _name, short), unit in zip(seed.DISTRICTS, districts, strict=True):
        loading.user(login, f"Cán bộ {short}", Role.OFFICER, unit, loading.PASSWORD)
    db.session.flush()


def logins() -> list[str]:
    return [login for login, *_ in seed.STAFF] + [login for login, *_ in seed.DISTRICTS]
