"""Working days of Vietnamese government offices: Monday–Friday minus days off.

The base is the `holidays` library (country "VN"), which knows the Labour Code's
public holidays; the shipped `data/holiday_corrections.toml` adds what it misses
(the Saturdays worked in exchange for a day off, late decisions), and the app passes
the exceptions an admin stored. Later sources win: library < corrections < extra.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Literal

import holidays

from editorial.calendar.datafiles import read_toml

DayKind = Literal["off", "work"]


@dataclass(frozen=True, slots=True)
class DayException:
    """A day that breaks the Monday–Friday pattern: a day off, or a worked weekend day."""

    day: date
    kind: DayKind
    name: str
    basis: str = ""

    def __post_init__(self) -> None:
        if self.kind not in ("off", "work"):
            raise ValueError(f"kind must be 'off' or 'work', not {self.kind!r}")


@dataclass(frozen=True, slots=True)
class _Day:
    off: bool
    name: str


def parse_exceptions(rows: Iterable[Mapping[str, object]]) -> tuple[DayException, ...]:
    """Build exceptions from mappings with day, kind, name and basis (TOML rows, DB rows)."""
    return tuple(
        DayException(
            day=_as_date(row["day"]),
            kind=row["kind"],  # type: ignore[arg-type]  # checked in __post_init__
            name=str(row["name"]),
            basis=str(row.get("basis", "")),
        )
        for row in rows
    )


def _as_date(value: object) -> date:
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


@lru_cache(maxsize=1)
def shipped_corrections() -> tuple[tuple[DayException, ...], tuple[tuple[str, str], ...]]:
    """The shipped corrections and the holiday renames, read once."""
    data = read_toml("holiday_corrections.toml")
    return parse_exceptions(data.get("exception", [])), tuple(data.get("rename", {}).items())


@lru_cache(maxsize=64)
def library_holidays(year: int) -> tuple[tuple[date, str], ...]:
    """The `holidays` library's Vietnamese days off of a year (computed once per process:
    the library is slow to build a year and its answer never changes)."""
    found = holidays.country_holidays("VN", years=year, language="vi")
    return tuple(sorted(found.items()))


class WorkCalendar:
    """Answers "is this a working day?" for government offices; caches one year at a time."""

    def __init__(
        self,
        exceptions: Iterable[DayException] = (),
        *,
        corrections: Iterable[DayException] | None = None,
        use_library: bool = True,
    ) -> None:
        shipped, renames = shipped_corrections()
        self._corrections = tuple(shipped if corrections is None else corrections)
        self._extra = tuple(exceptions)
        self._renames = renames
        self._use_library = use_library
        self._years: dict[int, dict[date, _Day]] = {}

    def _library_days(self, year: int) -> dict[date, _Day]:
        if not self._use_library:
            return {}
        return {d: _Day(True, self._rename(name)) for d, name in library_holidays(year)}

    def _rename(self, name: str) -> str:
        for old, new in self._renames:
            name = name.replace(old, new)
        return name

    def _year(self, year: int) -> dict[date, _Day]:
        days = self._years.get(year)
        if days is None:
            days = self._library_days(year)
            for exc in self._corrections + self._extra:
                if exc.day.year == year:
                    days[exc.day] = _Day(exc.kind == "off", exc.name)
            self._years[year] = days
        return days

    def is_working_day(self, d: date) -> bool:
        """True if offices work on `d` (a weekday not off, or a make-up weekend day)."""
        entry = self._year(d.year).get(d)
        if entry is not None:
            return not entry.off
        return d.weekday() < 5

    def holiday_name(self, d: date) -> str | None:
        """The Vietnamese name of the holiday or day off on `d`, else None."""
        entry = self._year(d.year).get(d)
        return entry.name if entry is not None and entry.off else None

    def holidays_in(self, year: int) -> list[tuple[date, str]]:
        """Every holiday and day off of `year`, sorted, with its Vietnamese name."""
        return sorted((d, e.name) for d, e in self._year(year).items() if e.off)

    def make_up_days_in(self, year: int) -> list[tuple[date, str]]:
        """The weekend days worked in exchange for a day off in `year`, sorted."""
        return sorted(
            (d, e.name) for d, e in self._year(year).items() if not e.off and d.weekday() >= 5
        )

    def exceptions_in(self, year: int) -> list[DayException]:
        """The corrections and extra exceptions that apply in `year` (extra ones win)."""
        chosen = {e.day: e for e in self._corrections + self._extra if e.day.year == year}
        return sorted(chosen.values(), key=lambda e: e.day)

    def working_days(self, start: date, end: date) -> list[date]:
        """The working days from `start` to `end`, both included."""
        span = (end - start).days + 1
        days = (start + timedelta(n) for n in range(max(span, 0)))
        return [d for d in days if self.is_working_day(d)]
