"""Parse the calendar admin forms into values; every error is a Vietnamese sentence."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, time

from editorial.calendar.dates import parse_day
from editorial.errors import RuleViolation
from editorial.text import fold
from editorial.units.rules import UnitKind

UNIT_KINDS = tuple(k.value for k in UnitKind)


def _text(form: Mapping[str, str], name: str, label: str, limit: int = 200) -> str:
    value = " ".join((form.get(name) or "").split())
    if not value:
        raise RuleViolation(f"Vui lòng nhập {label}.")
    if len(value) > limit:
        raise RuleViolation(f"{label.capitalize()} quá dài (tối đa {limit} ký tự).")
    return value


def _int(form: Mapping[str, str], name: str, label: str, low: int, high: int,
         required: bool = True) -> int | None:
    raw = (form.get(name) or "").strip()
    if not raw and not required:
        return None
    if not raw.isdecimal() or not low <= int(raw) <= high:
        raise RuleViolation(f"{label.capitalize()} phải là số từ {low} đến {high}.")
    return int(raw)


def parse_date(raw: str | None, label: str) -> date:
    """A date typed as dd/mm/yyyy (or yyyy-mm-dd from a date picker)."""
    raw = (raw or "").strip()
    try:
        return parse_day(raw)
    except ValueError:
        pass
    raise RuleViolation(f"{label.capitalize()} không hợp lệ: “{raw}” (nhập dạng dd/mm/yyyy).")


@dataclass(frozen=True)
class ExceptionInput:
    day: date
    kind: str
    name: str
    basis: str

    @classmethod
    def parse(cls, form: Mapping[str, str]) -> ExceptionInput:
        kind = form.get("kind", "")
        if kind not in ("off", "work"):
            raise RuleViolation("Hãy chọn loại ngày: nghỉ hoặc làm việc bù.")
        return cls(parse_date(form.get("day"), "ngày"), kind, _text(form, "name", "tên ngày"),
                   " ".join((form.get("basis") or "").split())[:300])


@dataclass(frozen=True)
class AnniversaryInput:
    key: str
    name: str
    category: str
    calendar: str
    year: int | None
    month: int
    day: int | None
    end_month: int | None = None  # a period's last day (Tháng cao điểm 17/10 – 18/11)
    end_day: int | None = None
    wording: str | None = None  # the row's own wording, with {ordinal}, {name}, …

    @classmethod
    def parse(cls, form: Mapping[str, str]) -> AnniversaryInput:
        name = _text(form, "name", "tên ngày kỷ niệm", 300)
        calendar = "lunar" if form.get("calendar") == "lunar" else "solar"
        category = form.get("category") or "local"
        if category not in ("national", "party", "front", "local", "international"):
            category = "local"
        key = (form.get("key") or "").strip() or "local-" + re.sub(r"[^a-z0-9]+", "-",
                                                                    fold(name)).strip("-")[:60]
        end_day = _int(form, "end_day", "ngày kết thúc", 1, 31, required=False)
        end_month = _int(form, "end_month", "tháng kết thúc", 1, 12, required=False)
        if (end_day is None) != (end_month is None):
            raise RuleViolation("Một đợt cần cả ngày và tháng kết thúc (hoặc để trống cả hai).")
        wording = " ".join((form.get("wording") or "").split())[:300] or None
        return cls(key, name, category, calendar, _int(form, "origin_year", "năm gốc", 1000, 2100,
                                                       required=False),
                   _int(form, "month", "tháng", 1, 12), _int(form, "day", "ngày", 1, 31,
                                                              required=False),
                   end_month, end_day, wording)


@dataclass(frozen=True)
class ReportRuleInput:
    day: int
    wording: str
    active: bool
    unit_kinds: tuple[str, ...] | None = None  # None: keep the rule's
    times: tuple[time | None, time | None] | None = None  # a meeting's hours; None: keep

    @classmethod
    def parse(cls, form: Mapping[str, str]) -> ReportRuleInput:
        kinds = None
        if form.get("unit_kinds_shown"):  # the form lists the kinds: read the ticked ones
            ticked = form.getlist("unit_kinds") if hasattr(form, "getlist") else []
            kinds = tuple(k for k in UNIT_KINDS if k in ticked)
            if not kinds:
                raise RuleViolation("Chọn ít nhất một loại đơn vị phải thực hiện.")
        times = _meeting_times(form) if form.get("times_shown") else None
        return cls(_int(form, "day", "ngày", 1, 31), _text(form, "wording", "cách ghi hạn"),
                   form.get("active") == "on", kinds, times)


def _clock(form: Mapping[str, str], name: str, label: str) -> time | None:
    """An hour typed as HH:MM (a time picker's value), or None when left empty."""
    raw = (form.get(name) or "").strip()
    if not raw:
        return None
    match = re.fullmatch(r"([01]?\d|2[0-3])[:hg]([0-5]\d)", raw)
    if match is None:
        raise RuleViolation(f"{label.capitalize()} không hợp lệ: “{raw[:10]}” (nhập dạng 14:00).")
    return time(int(match[1]), int(match[2]))


def _meeting_times(form: Mapping[str, str]) -> tuple[time | None, time | None]:
    """A meeting's start and end (both empty: a whole-day event)."""
    start = _clock(form, "start_time", "giờ bắt đầu")
    end = _clock(form, "end_time", "giờ kết thúc")
    if end is not None and (start is None or end <= start):
        raise RuleViolation("Giờ kết thúc phải sau giờ bắt đầu.")
    return start, end


@dataclass(frozen=True)
class KhmerInput:
    year: int
    start: date
    end: date

    @classmethod
    def parse(cls, form: Mapping[str, str]) -> KhmerInput:
        start, end = parse_date(form.get("start"), "ngày bắt đầu"), parse_date(
            form.get("end"), "ngày kết thúc")
        if not 0 <= (end - start).days <= 6 or start.month != 4 or end.month != 4:
            raise RuleViolation("Tết Chôl Chnăm Thmây phải rơi vào tháng 4 và kéo dài 1–7 ngày.")
        return cls(start.year, start, end)


@dataclass(frozen=True)
class DeadlineInput:
    day_of_month: int
    direction: str
    skip_holidays: bool
    weekdays_only: bool = True

    @classmethod
    def parse(cls, form: Mapping[str, str]) -> DeadlineInput:
        direction = form.get("direction", "before")
        if direction not in ("before", "after"):
            raise RuleViolation("Hướng dời hạn không hợp lệ.")
        return cls(_int(form, "day_of_month", "ngày trong tháng", 1, 28), direction,
                   form.get("skip_holidays") == "on", form.get("weekdays_only") == "on")
