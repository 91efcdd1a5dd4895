"""Recurring report deadlines and meetings, as data rules and their dates in a year."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Literal

from editorial.calendar.datafiles import read_toml
from editorial.calendar.dates import VN_TZ, dmy
from editorial.calendar.deadlines import DeadlineRule, WorkingDays, apply_rule, nominal_day

Frequency = Literal["monthly", "quarterly", "half_year", "annual"]
RuleKind = Literal["report", "meeting", "quota"]
FREQUENCIES = ("monthly", "quarterly", "half_year", "annual")
_EARLIER_WORKDAY = DeadlineRule(day_of_month=1, direction="before", label="")


@dataclass(frozen=True, slots=True)
class ReportRule:
    """A recurring deadline: "trước ngày 16 tháng cuối quý" is quarterly, day 16, month 3."""

    key: str
    name: str
    frequency: Frequency
    day: int
    month: int | None = None
    wording: str = "trước ngày 16"
    unit_kinds: tuple[str, ...] = ()
    kind: RuleKind = "report"
    before: bool = True  # "trước ngày X": due the day before X
    configurable: bool = False
    basis: str = ""
    revised_at: datetime | None = None  # when an admin last edited the rule (feed SEQUENCE)
    # A meeting held at a time (Viet Nam time); without one it is a whole-day event.
    start_time: time | None = None
    end_time: time | None = None

    def __post_init__(self) -> None:
        if self.end_time is not None and (self.start_time is None
                                          or self.end_time <= self.start_time):
            raise ValueError(f"{self.key}: end_time needs a start_time before it")
        if self.frequency not in FREQUENCIES:
            raise ValueError(f"{self.key}: frequency must be one of {FREQUENCIES}")
        if not 1 <= self.day <= 31:
            raise ValueError(f"{self.key}: day must be 1-31")
        if self.frequency in ("half_year", "annual") and self.month is None:
            raise ValueError(f"{self.key}: a {self.frequency} rule needs a month")
        limit = {"monthly": 0, "quarterly": 3}.get(self.frequency, 12)
        if self.month is not None and not 1 <= self.month <= limit:
            raise ValueError(f"{self.key}: month {self.month} invalid for {self.frequency}")

    def nominal_months(self) -> tuple[int, ...]:
        """The months (1-12) in which the rule's day X falls each year."""
        if self.frequency == "monthly":
            return tuple(range(1, 13))
        if self.frequency == "quarterly":
            return tuple(q * 3 + (self.month or 3) for q in range(4))
        return (self.month,)  # type: ignore[return-value]  # checked in __post_init__


@dataclass(frozen=True, slots=True)
class ReportDeadline:
    """One occurrence of a rule: when it is due, and the words it was given in."""

    key: str  # stable, for feed UIDs: "report-<rule key>-<yyyy>-<mm>"
    rule: ReportRule
    date: date
    nominal: date  # the X of "trước ngày X" (or the meeting day before any move)
    label: str  # e.g. "trước ngày 16/6/2023"
    moved: bool  # moved earlier off a weekend or a day off

    @property
    def times(self) -> tuple[datetime, datetime] | None:
        """When a timed meeting starts and ends (Viet Nam time; an hour when no end is
        given), or None for a whole-day deadline."""
        start, end = self.rule.start_time, self.rule.end_time
        if start is None:
            return None
        begins = datetime.combine(self.date, start, tzinfo=VN_TZ)
        return begins, (datetime.combine(self.date, end, tzinfo=VN_TZ) if end
                        else begins + timedelta(hours=1))


def rule_from_mapping(row: Mapping[str, object]) -> ReportRule:
    """Build a rule from a mapping (a TOML table, a database row as a dict)."""
    values = dict(row)
    values["unit_kinds"] = tuple(values.get("unit_kinds", ()))  # type: ignore[arg-type]
    return ReportRule(**values)  # type: ignore[arg-type]


@lru_cache(maxsize=4)
@dataclass(frozen=True, slots=True)
class Quota:
    """The least a unit publishes on the provincial website per month (seed 001, II.1)."""

    news: int
    articles: int

    def words(self) -> str:
        """"ít nhất 2 tin, 1 bài": how the plan states it."""
        return f"ít nhất {self.news} tin, {self.articles} bài"


WEBSITE_QUOTA = Quota(news=2, articles=1)


def quota_words(quota: Quota = WEBSITE_QUOTA) -> str:
    """The quota in the plan's words, for texts that state it."""
    return quota.words()


def load_report_rules(path: str | Path | None = None) -> tuple[ReportRule, ...]:
    """The shipped default rules (`data/report_rules.toml`), or the TOML file at `path`; a
    text's `{quota}` is the website quota in words (one source for the number)."""
    rows = read_toml("report_rules.toml", path)["rule"]
    return tuple(rule_from_mapping(_with_quota(r)) for r in rows)


def _with_quota(row: Mapping) -> dict:
    """The row with `{quota}` in its name and wording spelled out."""
    words = quota_words()
    return {**row, **{k: row[k].replace("{quota}", words) for k in ("name", "wording") if k in row}}


def _occurrence(rule: ReportRule, nominal: date, cal: WorkingDays | None) -> ReportDeadline:
    due = nominal - timedelta(days=1) if rule.before else nominal
    moved = apply_rule(due, cal, _EARLIER_WORKDAY) if cal is not None else due
    if rule.kind == "quota":  # a month's tally, closed on its last working day
        label = f"tháng {nominal.month}/{nominal.year}"
    elif rule.before:
        label = f"trước ngày {dmy(nominal)}"
    else:  # a meeting day: the day it is held, and the usual day when it moved
        label = f"ngày {dmy(moved)}" + (f", thay cho ngày {dmy(nominal)}" if moved != due else "")
    key = f"report-{rule.key}-{nominal.year}-{nominal.month:02d}"
    return ReportDeadline(key, rule, moved, nominal, label, moved != due)


def report_deadlines(
    rules: Iterable[ReportRule] | None,
    year: int,
    month: int | None = None,
    cal: WorkingDays | None = None,
) -> list[ReportDeadline]:
    """Every due date falling in `year` (and `month`), by date; with `cal`, a due date on
    a weekend or day off moves to the nearest earlier Monday–Friday working day."""
    chosen = load_report_rules() if rules is None else tuple(rules)
    found = [
        _occurrence(rule, nominal_day(y, m, rule.day), cal)
        for rule in chosen
        for y in (year, year + 1)  # "trước ngày 1/1" of next year is due in this one
        for m in rule.nominal_months()
    ]
    return sorted(
        (o for o in found if o.date.year == year and month in (None, o.date.month)),
        key=lambda o: (o.date, o.key),
    )
