"""Parse the admin's form of a province's settings; every error is a Vietnamese sentence."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict

from editorial.calendar.reports import Quota
from editorial.errors import RuleViolation
from editorial.units.rules import DutyTable, UnitKind

OWING_KINDS = (UnitKind.DEPARTMENT, UnitKind.DISTRICT, UnitKind.COMMUNE, UnitKind.MEMBER_ORG)
MAX_QUOTA = 50  # items a month; more is a typing error


@dataclass(frozen=True)
class SettingsInput:
    """What the admin decided, as the settings row stores it."""

    focal_unit_id: int | None
    duties: DutyTable


def _kinds(form: MultiDict, name: str) -> tuple[UnitKind, ...]:
    chosen = set(form.getlist(name))
    return tuple(kind for kind in OWING_KINDS if kind.value in chosen)


def _count(form: Mapping[str, str], name: str) -> int:
    raw = (form.get(name) or "0").strip() or "0"
    if not raw.isdecimal() or int(raw) > MAX_QUOTA:
        raise RuleViolation(_("Chỉ tiêu là số nguyên từ 0 đến %(n)s.", n=MAX_QUOTA))
    return int(raw)


def _quotas(form: MultiDict) -> dict[UnitKind, Quota]:
    quotas = {}
    for kind in OWING_KINDS:
        quota = Quota(_count(form, f"news_{kind.value}"), _count(form, f"articles_{kind.value}"))
        if quota.news or quota.articles:
            quotas[kind] = quota
    return quotas


def parse(form: MultiDict) -> SettingsInput:
    """The settings of the form, or RuleViolation naming the first mistake."""
    assignable = _kinds(form, "assignable")
    if not assignable:
        raise RuleViolation(_("Hãy chọn ít nhất một loại đơn vị được giao chuyên mục."))
    raw_focal = (form.get("focal_unit_id") or "").strip()
    if raw_focal and not raw_focal.isdecimal():
        raise RuleViolation(_("Hãy chọn ban đầu mối."))
    label = " ".join((form.get("all_units_label") or "").split())
    if len(label) > 200:
        raise RuleViolation(_("%(what)s quá dài (tối đa %(n)s ký tự).",
                              what=_("Cách gọi “tất cả các đơn vị”"), n=200))
    duties = DutyTable(assignable, _kinds(form, "registering") or assignable, _quotas(form),
                       label or DutyTable().all_units_label)
    return SettingsInput(int(raw_focal) if raw_focal else None, duties)


def values_of(focal_unit_id: int | None, duties: DutyTable) -> MultiDict:
    """The form's values for stored settings (to show them, or the input again)."""
    values = MultiDict({"focal_unit_id": str(focal_unit_id or ""),
                        "all_units_label": duties.all_units_label})
    for kind in duties.assignable:
        values.add("assignable", kind.value)
    for kind in duties.registering:
        values.add("registering", kind.value)
    for kind, quota in duties.quotas.items():
        values[f"news_{kind.value}"], values[f"articles_{kind.value}"] = (
            str(quota.news), str(quota.articles))
    return values
