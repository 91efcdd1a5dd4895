"""Search the folded copies of names and titles: one query per kind, each bounded."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import or_, select
from sqlalchemy.orm import joinedload

from editorial.auth.models import User
from editorial.extensions import db
from editorial.plans.models import PlanColumn, Slot
from editorial.plans.rules import SlotStatus
from editorial.registrations.models import Registration
from editorial.text import fold, search_key
from editorial.units.models import Unit

LIMIT = 20
MIN_LENGTH = 2


@dataclass
class Results:
    query: str
    slots: list[Slot] = field(default_factory=list)
    units: list[Unit] = field(default_factory=list)
    people: list[User] = field(default_factory=list)
    staffed: list[tuple[Registration, Slot]] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.slots or self.units or self.people or self.staffed)


def search(text: str, user) -> Results:
    """What matches `text` (diacritics and case ignored); nothing for fewer than 2 letters."""
    key, words = fold(text)[:100], search_key(text)[:100]
    results = Results(text.strip())
    if len(key) < MIN_LENGTH or len(words) < MIN_LENGTH:
        return results
    results.slots = list(db.session.scalars(
        select(Slot).where(Slot.search_folded.contains(words, autoescape=True),
                           Slot.status != SlotStatus.CANCELLED)
        .options(joinedload(Slot.column).joinedload(PlanColumn.plan),
                 joinedload(Slot.assigned_unit))
        .order_by(Slot.period_start.desc(), Slot.id).limit(LIMIT)))
    results.units = list(db.session.scalars(
        select(Unit).where(Unit.name_folded.contains(key, autoescape=True))
        .order_by(Unit.position, Unit.id).limit(LIMIT)))
    results.people = list(db.session.scalars(
        select(User).where(User.name_folded.contains(key, autoescape=True), User.active.is_(True))
        .order_by(User.name, User.id).limit(LIMIT)))
    staffed = (select(Registration, Slot).join(Slot, Slot.id == Registration.slot_id)
               .where(Registration.staff_folded.contains(words, autoescape=True),
                      Registration.submitted_at.is_not(None)))
    if user.is_officer:  # another unit's team is the two parties' business
        staffed = staffed.where(or_(Slot.assigned_unit_id == user.unit_id,
                                    Slot.all_units.is_(True)))
    results.staffed = list(db.session.execute(
        staffed.order_by(Slot.period_start.desc()).limit(LIMIT)))
    return results
