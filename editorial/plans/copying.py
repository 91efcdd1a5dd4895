"""Copying a plan to a new year, recounted: every year-bound text reworded for the new year
(ordinals, date ranges, the Tết year's name, "năm 2023"), units that no longer exist given
to their one successor. The preview lists each change; the copy makes exactly those."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from flask_babel import gettext as _

from editorial.errors import Conflict
from editorial.observances import services as observances
from editorial.plans import lineage, services
from editorial.plans.models import Plan
from editorial.plans.recount import Recounted, recount
from editorial.plans.rules import PlanStatus


@dataclass(frozen=True)
class Topic:
    """A distinct topic text of the plan, the months it is written in, and its recount."""

    months: tuple[int, ...]
    text: Recounted

    @property
    def changed(self) -> bool:
        return self.text.before != self.text.after


@dataclass(frozen=True)
class UnitMove:
    """A unit that does not exist in the new year, and its one successor (None: a person
    decides, and the copy keeps the former unit until then)."""

    unit_id: int
    name: str
    successor_id: int | None
    successor_name: str


@dataclass(frozen=True)
class CopyPreview:
    """Everything the copy will change, for the editor to read before confirming."""

    plan: Plan
    year: int
    title: Recounted
    topics: list[Topic]
    units: list[UnitMove]

    @property
    def changed(self) -> list[Topic]:
        return [t for t in self.topics if t.changed]

    @property
    def flagged(self) -> list[Topic]:
        return [t for t in self.topics if t.text.flags]

    @property
    def fingerprint(self) -> str:
        """A digest of the preview: the copy is refused if the plan changed since."""
        facts = [self.title.after, [(t.text.before, t.text.after) for t in self.topics],
                 [(u.unit_id, u.successor_id) for u in self.units]]
        raw = json.dumps(facts, ensure_ascii=False).encode("utf-8")
        return hashlib.sha256(raw).hexdigest()[:32]


def preview(plan: Plan, year: int) -> CopyPreview:
    """The recounted copy of `plan` for `year`, not yet made."""
    table = observances.anniversary_table()
    months: dict[str, list[int]] = {}
    unit_ids: set[int] = set()
    for column in plan.columns:
        for slot in column.slots:
            found = months.setdefault(slot.topic, [])
            if slot.period_start.month not in found:
                found.append(slot.period_start.month)
            if slot.assigned_unit_id is not None:
                unit_ids.add(slot.assigned_unit_id)
    topics = [Topic(tuple(ms), recount(text, plan.year, year, table))
              for text, ms in sorted(months.items(), key=lambda item: item[1])]
    return CopyPreview(plan, year, recount(plan.title, plan.year, year, table), topics,
                       _moves(unit_ids, year))


def _moves(unit_ids: set[int], year: int) -> list[UnitMove]:
    """The units gone by `year`, each with its successor or none."""
    names = {u.id: u.name for u in lineage.units_by_id(unit_ids)}
    return [UnitMove(uid, names.get(uid, ""), new.id if new else None, new.name if new else "")
            for uid, new in sorted(lineage.successors(unit_ids, year).items())]


def copy(plan: Plan, year: int, fingerprint: str | None = None,
         status: PlanStatus = PlanStatus.DRAFT) -> Plan:
    """Make the previewed copy (a draft); Conflict when the preview is no longer the plan's."""
    services.check_year_free(plan.unit_id, year)
    found = preview(plan, year)
    if fingerprint is not None and fingerprint != found.fingerprint:
        raise Conflict(_("Kế hoạch vừa thay đổi sau khi xem trước; hãy xem lại các thay đổi "
                         "rồi xác nhận lại."))
    return services.copy_plan(
        plan, year, topics={t.text.before: t.text.after for t in found.changed},
        units={u.unit_id: u.successor_id for u in found.units if u.successor_id is not None},
        title=found.title.after, status=status)
