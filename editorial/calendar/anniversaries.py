"""Anniversaries and yearly observances: the table, and their occurrences in a year."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from string import Formatter
from typing import Literal

from editorial.calendar.datafiles import read_toml
from editorial.calendar.dates import dm, dmy, my
from editorial.calendar.lunar import LunarDate, can_chi, format_lunar, lunar_to_solar

CalendarKind = Literal["solar", "lunar"]
PLACEHOLDERS = frozenset(
    {"ordinal", "name", "origin", "date", "year", "can_chi", "start", "end", "lunar"}
)
COUNTED = "Kỷ niệm {ordinal} năm {name} ({origin} – {date})"
PERIOD = "{name} ({start} – {end})"
PLAIN = "{name} ({date})"


@dataclass(frozen=True, slots=True)
class Anniversary:
    """A row of the table: an origin date (solar or lunar), optionally a period's end."""

    key: str
    name: str
    category: str
    month: int
    day: int | None = None  # None: only the month is known (kept as the 1st, flagged)
    year: int | None = None  # origin year; None for yearly observances with no ordinal
    calendar: CalendarKind = "solar"
    end_month: int | None = None
    end_day: int | None = None
    wording: str | None = None
    revised_at: datetime | None = None  # when an admin last edited the row (feed SEQUENCE)
    only_year: int | None = None  # a one-off campaign (an election, a congress): that year only

    def __post_init__(self) -> None:
        if self.calendar not in ("solar", "lunar"):
            raise ValueError(f"{self.key}: calendar must be solar or lunar")
        if (self.end_month is None) != (self.end_day is None):
            raise ValueError(f"{self.key}: give both end_month and end_day, or neither")
        if self.wording is not None:
            fields = {f for _, f, _, _ in Formatter().parse(self.wording) if f is not None}
            if unknown := fields - PLACEHOLDERS:
                raise ValueError(f"{self.key}: unknown placeholders {sorted(unknown)}")

    @property
    def one_off(self) -> bool:
        """True for a campaign of one given year rather than a yearly day."""
        return self.only_year is not None

    @property
    def month_only(self) -> bool:
        """True when the day of the month is unknown ("4/1992")."""
        return self.day is None

    @property
    def template(self) -> str:
        """The wording template in force (the row's own, or the default for its shape)."""
        if self.wording:
            return self.wording
        if self.year is not None:
            return COUNTED
        return PERIOD if self.end_month is not None else PLAIN


@dataclass(frozen=True, slots=True)
class Occurrence:
    """An anniversary as it falls in one year, worded as the plans write it."""

    key: str  # stable, for feed UIDs: "anniv-<slug>-<year>"
    anniversary: Anniversary
    date: date
    end: date | None
    wording: str
    ordinal: int | None
    is_round: bool  # ordinal a multiple of 5
    is_decade: bool  # ordinal a multiple of 10

    @property
    def category(self) -> str:
        """The anniversary's category (national, party, front, local, international…)."""
        return self.anniversary.category


def anniversary_from_mapping(row: Mapping[str, object]) -> Anniversary:
    """Build a table row from a mapping (a TOML table, a database row as a dict)."""
    known = Anniversary.__dataclass_fields__.keys()
    if unknown := set(row) - set(known):
        raise ValueError(f"unknown fields {sorted(unknown)}")
    return Anniversary(**row)  # type: ignore[arg-type]


@lru_cache(maxsize=4)
def load_anniversaries(path: str | Path | None = None) -> tuple[Anniversary, ...]:
    """The shipped table (`data/anniversaries.toml`), or the TOML file at `path`."""
    rows = read_toml("anniversaries.toml", path).get("anniversary", [])
    return tuple(anniversary_from_mapping(row) for row in rows)


def _lunar_in(year: int, month: int, day: int) -> tuple[date, int] | None:
    """The solar date in `year` of a lunar month/day, with its lunar year; a missing
    30th day falls back to the 29th."""
    for lunar_year in (year - 1, year):
        try:
            solar = lunar_to_solar(lunar_year, month, day)
        except ValueError:
            solar = lunar_to_solar(lunar_year, month, day - 1)
        if solar.year == year:
            return solar, lunar_year
    return None


def _dates_in(a: Anniversary, year: int) -> tuple[date, date | None, int] | None:
    """Start, end and the (lunar) year counted, or None if it does not fall in `year`."""
    day = a.day or 1
    if a.calendar == "solar":
        start, counted = date(year, a.month, day), year
        end = None
        if a.end_month is not None and a.end_day is not None:
            end_year = year if (a.end_month, a.end_day) >= (a.month, day) else year + 1
            end = date(end_year, a.end_month, a.end_day)
        return start, end, counted
    found = _lunar_in(year, a.month, day)
    if found is None:
        return None
    start, counted = found
    end = None
    if a.end_month is not None and a.end_day is not None:
        end_year = counted if (a.end_month, a.end_day) >= (a.month, day) else counted + 1
        end = lunar_to_solar(end_year, a.end_month, a.end_day)
    return start, end, counted


def occurrence(a: Anniversary, year: int) -> Occurrence | None:
    """Where and how `a` falls in `year`; None before its first anniversary, and None
    for a one-off campaign in any year but its own."""
    if a.only_year is not None and a.only_year != year:
        return None
    found = _dates_in(a, year)
    if found is None:
        return None
    start, end, counted = found
    ordinal = None if a.year is None else counted - a.year
    if ordinal is not None and ordinal <= 0:
        return None
    show = my if a.month_only else dmy
    origin = "" if a.year is None else show(date(a.year, a.month, a.day or 1))
    values = {
        "ordinal": ordinal,
        "name": a.name,
        "origin": origin,
        "date": show(start),
        "year": year,
        "can_chi": can_chi(counted),
        "start": dm(start),
        "end": dmy(end) if end else "",
        "lunar": format_lunar(LunarDate(counted, a.month, a.day or 1)),
    }
    return Occurrence(
        key=f"anniv-{a.key}-{year}",
        anniversary=a,
        date=start,
        end=end,
        wording=a.template.format_map(values),
        ordinal=ordinal,
        is_round=ordinal is not None and ordinal % 5 == 0,
        is_decade=ordinal is not None and ordinal % 10 == 0,
    )


def anniversaries_in(
    year: int,
    table: Iterable[Anniversary] | None = None,
    *,
    categories: Collection[str] | None = None,
    round_only: bool = False,
) -> list[Occurrence]:
    """Every occurrence in `year`, by date; filter by category or to round ones."""
    rows = load_anniversaries() if table is None else table
    found = [occurrence(a, year) for a in rows if categories is None or a.category in categories]
    chosen = [o for o in found if o is not None and (o.is_round or not round_only)]
    return sorted(chosen, key=lambda o: (o.date, o.key))
