"""Chôl Chnăm Thmây, the Khmer New Year: shipped dates, an estimate, admin overrides."""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from editorial.calendar.datafiles import read_toml
from editorial.calendar.dates import dm, dmy

NAME = "Tết Chôl Chnăm Thmây"


@dataclass(frozen=True, slots=True)
class KhmerNewYear:
    """The days of Chôl Chnăm Thmây in one year; `estimated` when no source fixed them."""

    year: int
    start: date
    end: date
    estimated: bool = False
    source: str = ""

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("end before start")

    @property
    def days(self) -> list[date]:
        """Every day of the festival."""
        return [self.start + timedelta(n) for n in range((self.end - self.start).days + 1)]

    @property
    def wording(self) -> str:
        """E.g. "Tết Chôl Chnăm Thmây năm 2023 (14/4 – 16/4/2023)"."""
        return f"{NAME} năm {self.year} ({dm(self.start)} – {dmy(self.end)})"


@lru_cache(maxsize=1)
def shipped_dates() -> dict[int, KhmerNewYear]:
    """The dates shipped in `data/khmer_new_year.toml`, by year."""
    rows = read_toml("khmer_new_year.toml").get("year", [])
    return {
        row["year"]: KhmerNewYear(row["year"], row["start"], row["end"], False, row["source"])
        for row in rows
    }


def estimate(year: int) -> KhmerNewYear:
    """The usual pattern: 13–15 April in Gregorian leap years, 14–16 April otherwise."""
    first = 13 if calendar.isleap(year) else 14
    start = date(year, 4, first)
    return KhmerNewYear(year, start, start + timedelta(2), True, "ước tính")


def khmer_new_year(
    year: int, overrides: Mapping[int, tuple[date, date]] | None = None
) -> KhmerNewYear:
    """The Khmer New Year of `year`: an admin override, else shipped data, else the estimate."""
    if overrides and year in overrides:
        start, end = overrides[year]
        return KhmerNewYear(year, start, end, False, "quản trị viên")
    return shipped_dates().get(year) or estimate(year)
