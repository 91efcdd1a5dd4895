"""Parse the plan editor's forms (plan, column, row) into values; errors in Vietnamese."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from flask_babel import gettext as _

from editorial.calendar.dates import parse_day
from editorial.errors import RuleViolation
from editorial.plans.forms import parse_year
from editorial.plans.rules import LAST_WEEK, BroadcastPattern, Cadence, Channel

EVERY_N_WEEKS = "every_n_weeks"  # the form's third cadence: weekly with every_weeks > 1
ALL_UNITS = "all"  # the unit picker's "every unit" choice


def _text(form: Mapping[str, str], name: str, limit: int, required: str | None = None) -> str:
    """A single-line text, spaces collapsed; `required` is the message when it is empty."""
    value = " ".join((form.get(name) or "").split())
    if required and not value:
        raise RuleViolation(required)
    if len(value) > limit:
        raise RuleViolation(_("Nội dung quá dài (tối đa %(n)s ký tự).", n=limit))
    return value


def _optional_int(form: Mapping[str, str], name: str, low: int, high: int,
                  message: str) -> int | None:
    raw = (form.get(name) or "").strip()
    if not raw:
        return None
    if not raw.isdecimal() or not low <= int(raw) <= high:
        raise RuleViolation(message)
    return int(raw)


def _day(raw: str | None) -> date | None:
    """A date as dd/mm/yyyy or yyyy-mm-dd (a date picker), None when empty."""
    raw = (raw or "").strip()
    if not raw:
        return None
    try:
        return parse_day(raw)
    except ValueError:
        raise RuleViolation(_("Ngày ký không hợp lệ (nhập dạng dd/mm/yyyy).")) from None


@dataclass(frozen=True)
class PlanInput:
    """A plan's header as signed: title, number/symbol, signing date, signer, focal unit."""

    title: str
    number: str
    signed_on: date | None
    signer: str
    focal_unit_id: int | None

    @classmethod
    def parse(cls, form: Mapping[str, str]) -> PlanInput:
        focal = (form.get("focal_unit") or "").strip()
        if focal and not focal.isdecimal():
            raise RuleViolation(_("Hãy chọn ban đầu mối trong danh sách."))
        return cls(_text(form, "title", 300, _("Vui lòng nhập tên kế hoạch.")),
                   _text(form, "number", 60), _day(form.get("signed_on")),
                   _text(form, "signer", 200), int(focal) if focal else None)


def plannable(year: int) -> bool:
    """Whether a plan can be made for `year` (the range the year field accepts)."""
    return 2000 <= year <= 2100


def parse_new_year(form: Mapping[str, str]) -> int:
    """The year of a new plan."""
    return parse_year(form.get("year"))


@dataclass(frozen=True)
class ColumnInput:
    """A column: an outlet × format, a cadence (every N weeks), an optional broadcast pattern."""

    name: str
    channel: Channel
    cadence: Cadence
    every_weeks: int
    pattern: BroadcastPattern | None

    @classmethod
    def parse(cls, form: Mapping[str, str]) -> ColumnInput:
        channel = form.get("channel", "")
        if channel not in Channel._value2member_map_:
            raise RuleViolation(_("Hãy chọn kênh của chuyên mục."))
        cadence, every = _cadence(form)
        return cls(_text(form, "name", 200, _("Vui lòng nhập tên chuyên mục.")),
                   Channel(channel), cadence, every, _pattern(form))


def _cadence(form: Mapping[str, str]) -> tuple[Cadence, int]:
    """The cadence chosen, and the N of "every N weeks" (1 for weekly and monthly)."""
    cadence = form.get("cadence", "")
    if cadence == EVERY_N_WEEKS:
        every = _optional_int(form, "every_weeks", 2, 12,
                              _("Số tuần phải là số từ 2 đến 12."))
        if every is None:
            raise RuleViolation(_("Vui lòng nhập số tuần (từ 2 đến 12)."))
        return Cadence.WEEKLY, every
    if cadence not in Cadence._value2member_map_:
        raise RuleViolation(_("Hãy chọn tần suất: hằng tháng, hằng tuần hoặc cách tuần."))
    return Cadence(cadence), 1


def _pattern(form: Mapping[str, str]) -> BroadcastPattern | None:
    """The broadcast pattern, None when no weekday is chosen."""
    weekday = _optional_int(form, "air_weekday", 0, 6, _("Hãy chọn thứ phát sóng."))
    week = _optional_int(form, "air_week", 1, LAST_WEEK, _("Tuần trong tháng phải từ 1 đến 5."))
    at = (form.get("air_time") or "").strip()
    if at and not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", at):
        raise RuleViolation(_("Giờ phát sóng không hợp lệ (nhập dạng HH:MM, ví dụ 19:30)."))
    if weekday is None:
        if week is not None or at:
            raise RuleViolation(_("Hãy chọn thứ phát sóng trước khi chọn tuần hoặc giờ."))
        return None
    return BroadcastPattern(weekday, week, at or None)


@dataclass(frozen=True)
class RowInput:
    """A row: its period (the first day), suggested content, units (or all units), a note."""

    period_start: date
    topic: str
    unit_ids: tuple[int, ...]
    all_units: bool
    note: str

    @classmethod
    def parse(cls, form) -> RowInput:
        try:
            period = date.fromisoformat((form.get("period") or "").strip())
        except ValueError:
            raise RuleViolation(_("Hãy chọn tháng hoặc tuần của dòng.")) from None
        units = [u.strip() for u in form.getlist("units") if u.strip()]
        if not units:
            raise RuleViolation(_("Hãy chọn đơn vị phối hợp thực hiện."))
        everyone = ALL_UNITS in units
        if not everyone and not all(u.isdecimal() for u in units):
            raise RuleViolation(_("Hãy chọn đơn vị trong danh sách."))
        ids = () if everyone else tuple(dict.fromkeys(int(u) for u in units))
        return cls(period, _text(form, "topic", 2000, _("Vui lòng nhập nội dung dự kiến.")),
                   ids, everyone, " ".join((form.get("note") or "").split())[:1000])
