"""The year's propaganda slogans (khẩu hiệu), generated from templates."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from string import Formatter

from editorial.calendar.datafiles import read_toml
from editorial.calendar.lunar import can_chi

PLACEHOLDERS = frozenset({"year", "ordinal", "can_chi"})


@dataclass(frozen=True, slots=True)
class SloganTemplate:
    """A slogan with {year}, {can_chi} and, given an origin year, {ordinal} placeholders."""

    key: str
    text: str
    origin_year: int | None = None
    from_year: int | None = None
    until_year: int | None = None

    def __post_init__(self) -> None:
        fields = {f for _, f, _, _ in Formatter().parse(self.text) if f is not None}
        if unknown := fields - PLACEHOLDERS:
            raise ValueError(f"{self.key}: unknown placeholders {sorted(unknown)}")
        if "ordinal" in fields and self.origin_year is None:
            raise ValueError(f"{self.key}: {{ordinal}} needs an origin_year")

    def applies_to(self, year: int) -> bool:
        """True if the slogan is used in `year` (within its bounds, after its origin)."""
        if self.from_year is not None and year < self.from_year:
            return False
        if self.until_year is not None and year > self.until_year:
            return False
        return self.origin_year is None or year > self.origin_year

    def render(self, year: int) -> str:
        """The slogan's text for `year`."""
        ordinal = None if self.origin_year is None else year - self.origin_year
        return self.text.format(year=year, ordinal=ordinal, can_chi=can_chi(year))


def slogan_from_mapping(row: Mapping[str, object]) -> SloganTemplate:
    """Build a template from a mapping (a TOML table, a database row as a dict)."""
    return SloganTemplate(**row)  # type: ignore[arg-type]


@lru_cache(maxsize=4)
def load_slogans(path: str | Path | None = None) -> tuple[SloganTemplate, ...]:
    """The shipped templates (`data/slogans.toml`), or the TOML file at `path`."""
    rows = read_toml("slogans.toml", path).get("slogan", [])
    return tuple(slogan_from_mapping(row) for row in rows)


def slogans_for(year: int, templates: Iterable[SloganTemplate] | None = None) -> list[str]:
    """The year's slogans, in the templates' order."""
    chosen = load_slogans() if templates is None else templates
    return [t.render(year) for t in chosen if t.applies_to(year)]
