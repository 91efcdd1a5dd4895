"""Parse the change-request, decision and direct-edit forms into values."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from flask_babel import gettext as _

from editorial.calendar import dates
from editorial.changes.rules import DATE_FIELDS, ChangeKind
from editorial.errors import RuleViolation


def _date(raw: str | None) -> date:
    try:
        return dates.parse_day((raw or "").strip())
    except ValueError:
        raise RuleViolation(_("Vui lòng chọn một ngày hợp lệ.")) from None


def parse_version(raw: str | None) -> int:
    """The version the form was rendered with (optimistic locking)."""
    if not (raw or "").strip().isdecimal():
        raise RuleViolation(_("Biểu mẫu thiếu phiên bản dữ liệu; hãy tải lại trang."))
    return int(raw)


def chosen_kind(form: Mapping[str, str]) -> ChangeKind:
    """The kind whose fields the request form shows: the one asked for, else a date move."""
    try:
        return ChangeKind(form.get("kind", ""))
    except ValueError:
        return ChangeKind.MOVE_DATE


@dataclass(frozen=True)
class ChangeInput:
    """What an officer asks to change, and why; only the chosen kind's fields are read."""

    kind: ChangeKind
    reason: str
    field: str | None = None
    new_date: date | None = None
    new_topic: str | None = None
    other_slot_id: int | None = None

    @classmethod
    def parse(cls, form: Mapping[str, str]) -> ChangeInput:
        try:
            kind = ChangeKind(form.get("kind", ""))
        except ValueError:
            raise RuleViolation(_("Hãy chọn loại thay đổi.")) from None
        reason = " ".join((form.get("reason") or "").split())
        if not reason:
            raise RuleViolation(_("Vui lòng nêu lý do thay đổi."))
        if len(reason) > 1000:
            raise RuleViolation(_("Lý do quá dài (tối đa 1000 ký tự)."))
        if kind == ChangeKind.MOVE_DATE:
            if form.get("field") not in DATE_FIELDS:
                raise RuleViolation(_("Hãy chọn ngày cần dời (ghi hình, phát sóng, đăng báo)."))
            return cls(kind, reason, field=form["field"], new_date=_date(form.get("new_date")))
        if kind == ChangeKind.TOPIC:
            topic = " ".join((form.get("new_topic") or "").split())
            if not topic:
                raise RuleViolation(_("Vui lòng nhập nội dung mới."))
            return cls(kind, reason, new_topic=topic[:1000])
        if kind == ChangeKind.SWAP:
            other = (form.get("other_slot_id") or "").strip()
            if not other.isdecimal():
                raise RuleViolation(_("Hãy chọn tháng của đơn vị muốn đổi."))
            return cls(kind, reason, other_slot_id=int(other))
        return cls(kind, reason)


@dataclass(frozen=True)
class EditInput:
    """An editor's direct edit of a slot: suggested topic, assigned unit, dates."""

    topic: str
    assigned_unit_id: int | None
    dates: dict[str, date | None]

    @classmethod
    def parse(cls, form: Mapping[str, str]) -> EditInput:
        topic = " ".join((form.get("topic") or "").split())
        if not topic:
            raise RuleViolation(_("Vui lòng nhập nội dung dự kiến."))
        unit = (form.get("assigned_unit_id") or "").strip()
        dates = {f: (_date(form[f]) if (form.get(f) or "").strip() else None)
                 for f in DATE_FIELDS}
        return cls(topic[:1000], int(unit) if unit.isdecimal() else None, dates)
