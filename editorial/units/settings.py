"""What a province decided, read once per request: its focal department, who is given plan
slots, who owes registrations and the website quota; and the units those decisions select."""

from __future__ import annotations

import json

from flask import g, has_app_context
from flask_babel import gettext as _
from sqlalchemy import inspect, select

from editorial.audit import services as audit
from editorial.calendar.reports import Quota
from editorial.errors import RuleViolation
from editorial.extensions import db
from editorial.units import scope
from editorial.units.models import ProvinceSettings, Unit
from editorial.units.rules import DutyTable, UnitKind

FOCAL_FALLBACK = "ban đầu mối"  # until the admin names the province's focal department


def settings_of(province_id: int | None) -> ProvinceSettings | None:
    """The stored settings of a province (cached for the request), None when it has none."""
    if province_id is None:
        return None
    cache = g.setdefault("province_settings", {}) if has_app_context() else {}
    if province_id not in cache:
        cache[province_id] = db.session.get(ProvinceSettings, province_id)
    return cache[province_id]


def duties(province_id: int | None = None) -> DutyTable:
    """Who owes what in a province (the request's when not given); defaults when unset."""
    row = settings_of(province_id if province_id is not None else scope.current_province())
    return row.duties if row is not None else DutyTable()


def focal_name(province_id: int | None = None) -> str:
    """The name of the department that negotiates and approves (Ban PT-TG in 2023)."""
    row = settings_of(province_id if province_id is not None else scope.current_province())
    unit = row.focal_unit if row is not None else None
    return unit.label if unit is not None else FOCAL_FALLBACK


def assignable_units(year: int | None = None) -> list[Unit]:
    """The units that can be given plan slots in the request's province, in tree order; with
    a year, only those that exist in some part of it (a 2023 plan's districts, a 2027 plan's
    communes)."""
    query = select(Unit).where(Unit.kind.in_(duties().assignable), *Unit.existing_in(year))
    return list(db.session.scalars(query.order_by(Unit.position, Unit.id)))


def registering_units(province_id: int) -> list[Unit]:
    """The units of a province that register an "all units" month, each its own."""
    kinds = duties(province_id).registering
    query = (select(Unit).where(Unit.in_province(province_id), Unit.kind.in_(kinds))
             .order_by(Unit.position, Unit.id))
    return list(db.session.scalars(query))


def quota_units(year: int | None = None) -> list[tuple[Unit, Quota]]:
    """The units that owe the website a quota (in that year, when given), each with its kind's
    quota in its province (the request's province; every province's for the scheduler)."""
    query = (select(Unit).where(Unit.kind.in_(quota_kinds()), *Unit.existing_in(year))
             .order_by(Unit.position, Unit.id))
    return [(unit, quota) for unit in db.session.scalars(query)
            if (quota := duties(unit.root_id).quota_of(unit.kind)) is not None]


def quota_kinds() -> tuple[UnitKind, ...]:
    """The kinds of unit that owe a quota: in the request's province, or in any province."""
    province = scope.current_province()
    if province is not None:
        return tuple(duties(province).quotas)
    if has_app_context() and "quota_kinds" in g:
        return g.quota_kinds
    rows = db.session.scalars(select(ProvinceSettings)).all()
    kinds = {k for row in rows for k in row.duties.quotas} if rows else set(DutyTable().quotas)
    found = tuple(sorted(kinds))
    if has_app_context():
        g.quota_kinds = found
    return found


def save(actor, province_id: int, focal_unit_id: int | None, table: DutyTable) -> None:
    """Store what a province decided (audited as province.settings, before → after)."""
    focal = db.session.get(Unit, focal_unit_id) if focal_unit_id is not None else None
    if focal_unit_id is not None and (focal is None or focal.root_id != province_id):
        raise RuleViolation(_("Ban đầu mối phải là một đơn vị của tỉnh, thành phố này."))
    row = db.session.get(ProvinceSettings, province_id) or ProvinceSettings(province_id=province_id)
    before = _stored(row) if row.province_id and inspect(row).persistent else None
    row.focal_unit = focal
    row.assignable_kinds = ",".join(table.assignable)
    row.registering_kinds = ",".join(table.registering)
    row.quota_json = json.dumps(table.stored_quotas())
    row.all_units_label = table.all_units_label
    db.session.add(row)
    db.session.flush()
    g.pop("province_settings", None)
    g.pop("quota_kinds", None)
    audit.record(actor, "province.settings", ("province_settings", province_id), before=before,
                 after=_stored(row), unit_id=province_id)


def _stored(row: ProvinceSettings) -> dict:
    return {"focal_unit_id": row.focal_unit_id, "assignable": row.assignable_kinds,
            "registering": row.registering_kinds, "quotas": json.loads(row.quota_json or "{}"),
            "all_units_label": row.all_units_label}
