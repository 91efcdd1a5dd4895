"""Slot values as people read them: field names in words, unit names, status labels, dates."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from flask_babel import lazy_gettext as _l

from editorial.plans.labels import STATUS_LABELS
from editorial.plans.rules import SlotStatus

FIELD_LABELS = {
    "topic": _l("Nội dung dự kiến"),
    "final_title": _l("Tên chính thức"),
    "assigned_unit_id": _l("Đơn vị thực hiện"),
    "unit_id": _l("Đơn vị"),
    "status": _l("Trạng thái"),
    "state": _l("Trạng thái"),
    "record_date": _l("Ngày ghi hình"),
    "air_date": _l("Ngày phát sóng"),
    "print_date": _l("Ngày đăng báo"),
}
_UNIT_FIELDS = ("assigned_unit_id", "unit_id")


def field_label(field: str) -> str:
    return str(FIELD_LABELS.get(field, field))


def readable(field: str, value: object, unit_names: Mapping[int, str]) -> str:
    """One value of `field` for people: a unit's name, a status label, a d/m/Y date."""
    if value is None or value == "":
        return ""
    if field in _UNIT_FIELDS and str(value).isdecimal():
        return unit_names.get(int(str(value)), str(value))
    if field == "status" and str(value) in SlotStatus.__members__.values():
        return str(STATUS_LABELS[SlotStatus(str(value))])
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    text = str(value)
    try:
        return date.fromisoformat(text).strftime("%d/%m/%Y") if len(text) == 10 else text
    except ValueError:
        return text

