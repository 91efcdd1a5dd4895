"""Parse the website forms (a tin or bài, an event, a decision) into values; bad input raises
RuleViolation in Vietnamese."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from flask_babel import gettext as _

from editorial.calendar import dates
from editorial.calendar.grid import SHOWN_YEARS
from editorial.errors import RuleViolation
from editorial.website.rules import ItemKind

MAX_TITLE, MAX_TEXT, MAX_LINK = 300, 5000, 500


def _text(form: Mapping[str, str], name: str) -> str:
    """A field with its runs of spaces folded (titles are one line)."""
    return " ".join((form.get(name) or "").split())


def _title(form: Mapping[str, str]) -> str:
    title = _text(form, "title")
    if not title:
        raise RuleViolation(_("Vui lòng nhập tiêu đề."))
    if len(title) > MAX_TITLE:
        raise RuleViolation(_("Tiêu đề quá dài (tối đa 300 ký tự)."))
    return title


def _optional_id(form: Mapping[str, str], name: str) -> int | None:
    raw = (form.get(name) or "").strip()
    if not raw:
        return None
    if not raw.isdecimal() or len(raw) > 9:
        raise RuleViolation(_("Lựa chọn không hợp lệ."))
    return int(raw)


def parse_day(raw: str | None) -> date:
    """A yyyy-mm-dd date (as <input type=date> sends it) within the years the app shows."""
    try:
        day = dates.parse_day((raw or "").strip())
    except ValueError:
        raise RuleViolation(_("Vui lòng chọn một ngày hợp lệ.")) from None
    if day.year not in SHOWN_YEARS:
        raise RuleViolation(_("Vui lòng chọn một ngày hợp lệ."))
    return day


def _link(form: Mapping[str, str]) -> str | None:
    link = (form.get("link") or "").strip()
    if not link:
        return None
    if not link.startswith(("http://", "https://")) or len(link) > MAX_LINK or " " in link:
        raise RuleViolation(_("Đường dẫn phải bắt đầu bằng http:// hoặc https:// "
                              "(tối đa 500 ký tự)."))
    return link


@dataclass(frozen=True)
class ItemInput:
    """A tin or bài as sent; `unit_id` is the editor's choice (officers send for their own)."""

    kind: ItemKind
    title: str
    summary: str
    link: str | None = None
    event_id: int | None = None
    unit_id: int | None = None

    @classmethod
    def parse(cls, form: Mapping[str, str]) -> ItemInput:
        try:
            kind = ItemKind(form.get("kind", ""))
        except ValueError:
            raise RuleViolation(_("Hãy chọn tin hoặc bài.")) from None
        title = _title(form)
        summary = (form.get("summary") or "").strip()
        if not summary:
            raise RuleViolation(_("Vui lòng nhập tóm tắt nội dung."))
        if len(summary) > MAX_TEXT:
            raise RuleViolation(_("Tóm tắt quá dài (tối đa 5000 ký tự)."))
        return cls(kind, title, summary, _link(form), _optional_id(form, "event_id"),
                   _optional_id(form, "unit_id"))


@dataclass(frozen=True)
class EventInput:
    """An event the unit will send news about."""

    title: str
    event_date: date
    unit_id: int | None = None

    @classmethod
    def parse(cls, form: Mapping[str, str]) -> EventInput:
        return cls(_title(form), parse_day(form.get("event_date")),
                   _optional_id(form, "unit_id"))


@dataclass(frozen=True)
class DecisionInput:
    """An editor's decision: publish on a day, or reject with a reason."""

    publish: bool
    published_on: date | None
    note: str
    version: int

    @classmethod
    def parse(cls, form: Mapping[str, str]) -> DecisionInput:
        version = (form.get("version") or "").strip()
        if not version.isdecimal() or len(version) > 9:
            raise RuleViolation(_("Biểu mẫu thiếu phiên bản dữ liệu; vui lòng tải lại trang."))
        note = _text(form, "note")[:1000]
        if form.get("decision") == "publish":
            return cls(True, parse_day(form.get("published_on")), note, int(version))
        if form.get("decision") != "reject":
            raise RuleViolation(_("Hãy chọn đăng hoặc không đăng."))
        if not note:
            raise RuleViolation(_("Vui lòng nêu lý do không đăng."))
        return cls(False, None, note, int(version))
