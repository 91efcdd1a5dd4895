"""Parse the plans' query strings and forms into values, with Vietnamese errors."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from flask_babel import gettext as _

from editorial.calendar import dates
from editorial.errors import RuleViolation
from editorial.plans.rules import Channel


@dataclass(frozen=True)
class PlanFilter:
    """The year table's and the calendar's filters: a channel and a unit, both optional;
    `unit=all` asks for every unit where the default is one's own (an officer's calendar)."""

    channel: Channel | None = None
    unit_id: int | None = None
    all_units: bool = False

    @classmethod
    def parse(cls, args: Mapping[str, str]) -> PlanFilter:
        """Unknown values are ignored rather than refused: a filter is a view, not a change."""
        channel = args.get("channel", "")
        unit = args.get("unit", "")
        return cls(
            channel=Channel(channel) if channel in Channel._value2member_map_ else None,
            unit_id=int(unit) if unit.isdecimal() and len(unit) <= 12 else None,
            all_units=unit == "all",
        )

    def query(self) -> dict[str, str | int]:
        """The filter as query-string arguments for links."""
        args: dict[str, str | int] = {}
        if self.channel:
            args["channel"] = self.channel.value
        if self.unit_id:
            args["unit"] = self.unit_id
        elif self.all_units:
            args["unit"] = "all"
        return args


def parse_day(value: str | None, default: date) -> date:
    """A yyyy-mm-dd date from a query string, or the default when missing."""
    if not value:
        return default
    try:
        day = dates.parse_day(value)
    except ValueError:
        day = None
    if day is None or not 2000 <= day.year <= 2100:
        raise RuleViolation(_("Ngày không hợp lệ: %(value)s", value=value[:20]))
    return day


def parse_year(value: str | None) -> int:
    """The target year of a plan copy."""
    try:
        year = int((value or "").strip())
    except ValueError:
        raise RuleViolation(_("Vui lòng nhập năm (ví dụ 2027).")) from None
    if not 2000 <= year <= 2100:
        raise RuleViolation(_("Năm phải nằm trong khoảng 2000–2100."))
    return year
