"""Clashes in a plan's rows, found without the database: a unit given two slots in one
month, an air date on a day off, two columns of one press agency on the same evening."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Literal

from editorial.calendar.dates import dmy, weekday_name
from editorial.text import search_key

ClashKind = Literal["unit_twice", "day_off", "same_evening"]


@dataclass(frozen=True, slots=True)
class PlanRow:
    """What the clash finder needs of a slot, independent of the ORM."""

    slot_id: int
    plan_id: int
    column_id: int
    column_name: str
    period_start: date
    topic: str = ""
    unit_id: int | None = None
    unit_label: str = ""
    all_units: bool = False  # "các huyện, thị xã, thành phố": no single unit to clash
    air_date: date | None = None
    outlet: str | None = None  # the agency the column runs on; None: not known


@dataclass(frozen=True, slots=True)
class Clash:
    """One clash: its kind, the slots involved, and a sentence for the editor."""

    kind: ClashKind
    slot_ids: tuple[int, ...]
    message: str


def clashes(
    rows: Iterable[PlanRow], is_working_day: Callable[[date], bool] | None = None
) -> list[Clash]:
    """Every clash among `rows`; air dates are checked only when `is_working_day` is given."""
    rows = list(rows)
    found = unit_twice(rows) + same_evening(rows)
    if is_working_day is not None:
        found += days_off(rows, is_working_day)
    return found


def unit_twice(rows: Iterable[PlanRow]) -> list[Clash]:
    """A unit with two slots in one month of one plan.

    The radio–TV slot and the newspaper slot of one topic are one row of the plan's table,
    so slots of different columns with the same topic do not clash; a second slot in the
    same column, or a second topic, does."""
    groups: dict[tuple, list[PlanRow]] = defaultdict(list)
    for r in rows:
        if r.unit_id is not None and not r.all_units:
            start = r.period_start
            groups[(r.plan_id, start.year, start.month, r.unit_id)].append(r)
    found = []
    for (_, year, month, _), group in groups.items():
        columns = [r.column_id for r in group]
        topics = {search_key(r.topic) for r in group}
        if len(set(columns)) < len(columns) or len(topics) > 1:
            label = group[0].unit_label or f"Đơn vị {group[0].unit_id}"
            found.append(Clash("unit_twice", _ids(group),
                               f"{label} được giao {len(group)} lượt trong tháng "
                               f"{month}/{year} của cùng một kế hoạch."))
    return found


def days_off(rows: Iterable[PlanRow], is_working_day: Callable[[date], bool]) -> list[Clash]:
    """Slots whose air date is not a working day."""
    return [
        Clash("day_off", (r.slot_id,),
              f"Ngày phát sóng {weekday_name(r.air_date)}, {dmy(r.air_date)} của "
              f"“{r.column_name}” là ngày nghỉ.")
        for r in rows
        if r.air_date is not None and not is_working_day(r.air_date)
    ]


def same_evening(rows: Iterable[PlanRow]) -> list[Clash]:
    """Two columns of one agency airing on the same day."""
    groups: dict[tuple, list[PlanRow]] = defaultdict(list)
    for r in rows:
        if r.outlet and r.air_date is not None:
            groups[(search_key(r.outlet), r.air_date)].append(r)
    found = []
    for (_, day), group in groups.items():
        names = list(dict.fromkeys(r.column_name for r in group))
        if len({r.column_id for r in group}) > 1:
            found.append(Clash("same_evening", _ids(group),
                               f"{group[0].outlet}: {' và '.join(names)} cùng phát "
                               f"ngày {dmy(day)}."))
    return found


def _ids(group: Iterable[PlanRow]) -> tuple[int, ...]:
    return tuple(sorted(r.slot_id for r in group))
