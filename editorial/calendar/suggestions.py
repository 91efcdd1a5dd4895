"""What a year's plan could be built around, month by month: the anniversaries of the year
with their ordinals, lunar festivals on their solar dates, periods such as the Tháng cao
điểm "Vì người nghèo", a province's own days and the one-off campaigns of that year."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Literal

from editorial.calendar.anniversaries import Anniversary, Occurrence, load_anniversaries, occurrence
from editorial.calendar.khmer import KhmerNewYear

SourceKind = Literal["anniversary", "lunar", "period", "local", "campaign"]


@dataclass(frozen=True, slots=True)
class Suggestion:
    """One thing a month's topic could centre on, worded as the plans write it."""

    key: str
    month: int
    date: date | None  # None when only the month is known (the Party congress "1/2026")
    wording: str
    round: bool  # the ordinal is a multiple of 5 (so also of 10): a larger celebration
    category: str
    source: SourceKind
    ordinal: int | None = None


def source_of(a: Anniversary, *, local: bool = False) -> SourceKind:
    """How a row came to be suggested: a campaign, a period, a lunar day, a local day…"""
    if a.one_off:
        return "campaign"
    if local or a.category == "local":
        return "local"
    if a.end_month is not None:
        return "period"
    return "lunar" if a.calendar == "lunar" else "anniversary"


def from_occurrence(o: Occurrence, source: SourceKind) -> Suggestion:
    """The suggestion for an occurrence of a table row."""
    return Suggestion(
        key=o.key,
        month=o.date.month,
        date=None if o.anniversary.month_only else o.date,
        wording=o.wording,
        round=o.is_round,
        category=o.category,
        source=source,
        ordinal=o.ordinal,
    )


def from_khmer_new_year(k: KhmerNewYear) -> Suggestion:
    """Chôl Chnăm Thmây as a local suggestion (the province passes it in where it matters)."""
    return Suggestion(
        key=f"khmer-new-year-{k.year}",
        month=k.start.month,
        date=k.start,
        wording=k.wording,
        round=False,
        category="local",
        source="local",
    )


def _order(s: Suggestion) -> tuple:
    """Round anniversaries first, decades before fives, then by day, month-only rows first."""
    decade = s.ordinal is not None and s.ordinal % 10 == 0
    return (not s.round, not decade, s.date or date.min, s.key)


def suggestions_for_year(
    year: int,
    anniversaries: Iterable[Anniversary] | None = None,
    *,
    local: Iterable[Anniversary] = (),
    khmer_new_year: KhmerNewYear | None = None,
) -> dict[int, list[Suggestion]]:
    """Month (1–12, every month present) → its suggestions, round anniversaries first.

    `anniversaries` defaults to the shipped table; `local` adds a province's own rows
    (marked "local" whatever their category); one-off rows appear only in their year."""
    table = load_anniversaries() if anniversaries is None else anniversaries
    rows = [(a, False) for a in table] + [(a, True) for a in local]
    found, seen = [], set()
    for a, is_local in rows:
        if a.key not in seen and (o := occurrence(a, year)) is not None:
            seen.add(a.key)  # a local row repeating a shipped key is listed once
            found.append(from_occurrence(o, source_of(a, local=is_local)))
    if khmer_new_year is not None and khmer_new_year.year == year:
        found.append(from_khmer_new_year(khmer_new_year))
    by_month: dict[int, list[Suggestion]] = {m: [] for m in range(1, 13)}
    for s in sorted(found, key=_order):
        by_month[s.month].append(s)
    return by_month
