"""Parse the negotiation's forms into values; bad input raises RuleViolation in Vietnamese."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from flask_babel import gettext as _

from editorial.calendar import dates
from editorial.errors import RuleViolation
from editorial.registrations.rules import Proposed, staff_rows

MAX_TEXT = 5000


def _field_labels() -> dict[str, str]:
    return {"record_date": _("Ngày ghi hình"), "air_date": _("Ngày phát sóng"),
            "print_date": _("Ngày đăng báo"), "done_date": _("Ngày thực hiện")}


def _text(form: Mapping[str, str], name: str, limit: int = MAX_TEXT) -> str:
    return (form.get(name) or "").strip()[:limit]


def _day(form: Mapping[str, str], name: str, errors: list[str]) -> date | None:
    """A yyyy-mm-dd date (as <input type=date> sends it), or None when left blank."""
    value = (form.get(name) or "").strip()
    if not value:
        return None
    try:
        day = dates.parse_day(value)
    except ValueError:
        errors.append(_("%(field)s không hợp lệ: %(value)s", field=_field_labels()[name],
                        value=value[:20]))
        return None
    if not 2000 <= day.year <= 2100:
        errors.append(_("%(field)s phải nằm trong khoảng năm 2000–2100.",
                        field=_field_labels()[name]))
        return None
    return day


def parse_version(form: Mapping[str, str]) -> int:
    """The slot version the form was rendered with."""
    value = (form.get("version") or "").strip()
    if not value.isdecimal():
        raise RuleViolation(_("Biểu mẫu thiếu phiên bản dữ liệu; vui lòng tải lại trang."))
    return int(value)


def _fail(errors: list[str]) -> None:
    if errors:
        raise RuleViolation(" ".join(errors))


def _proposed(form: Mapping[str, str], errors: list[str]) -> Proposed:
    return Proposed(title=_text(form, "title", 300), record_date=_day(form, "record_date", errors),
                    air_date=_day(form, "air_date", errors),
                    print_date=_day(form, "print_date", errors))


@dataclass(frozen=True)
class RegistrationInput:
    """The registration form: proposed values, outline, staff, notes; draft or submit."""

    proposed: Proposed
    outline: str
    staff: list[dict[str, str]] = field(default_factory=list)
    notes: str = ""
    submit: bool = False
    version: int = 0
    also_sibling: bool = False  # register the same month's other channel with it

    @classmethod
    def parse(cls, form) -> RegistrationInput:
        errors: list[str] = []
        proposed = _proposed(form, errors)
        staff, ok = staff_rows(form.getlist("staff_name"), form.getlist("staff_role"))
        if not ok:
            errors.append(_("Mỗi vai trò trong danh sách nhân sự cần có họ tên người thực hiện."))
        _fail(errors)
        return cls(proposed=proposed, outline=_text(form, "outline"), staff=staff,
                   notes=_text(form, "notes"), submit=form.get("action") == "submit",
                   version=parse_version(form), also_sibling=form.get("also_sibling") == "on")


@dataclass(frozen=True)
class ProposalInput:
    """A counter-proposal: other values, with a message saying why."""

    proposed: Proposed
    body: str
    version: int

    @classmethod
    def parse(cls, form) -> ProposalInput:
        errors: list[str] = []
        proposed = _proposed(form, errors)
        _fail(errors)
        return cls(proposed=proposed, body=_text(form, "body"), version=parse_version(form))


@dataclass(frozen=True)
class DoneInput:
    """Marking a slot done: the day it aired or printed, and a link or note."""

    day: date
    note: str
    version: int

    @classmethod
    def parse(cls, form) -> DoneInput:
        errors: list[str] = []
        day = _day(form, "done_date", errors)
        if day is None and not errors:
            errors.append(_("Vui lòng nhập ngày phát sóng hoặc đăng báo."))
        note = _text(form, "note", 1000)
        if not note:
            errors.append(_("Vui lòng nhập đường dẫn hoặc ghi chú về sản phẩm đã thực hiện."))
        _fail(errors)
        return cls(day=day, note=note, version=parse_version(form))  # type: ignore[arg-type]


def parse_message(form: Mapping[str, str]) -> str:
    """A plain message of the thread; an empty one is refused."""
    body = _text(form, "body")
    if not body:
        raise RuleViolation(_("Vui lòng nhập nội dung tin nhắn."))
    return body
