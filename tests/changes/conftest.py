"""Slots in the states change requests start from."""

from datetime import date

import pytest
from sqlalchemy import select

from editorial.changes.models import ChangeRequest
from editorial.plans.models import PlanColumn, Slot
from editorial.plans.rules import Channel, SlotStatus
from editorial.units.models import Unit


def unit_named(db, fragment: str) -> Unit:
    return db.session.scalar(select(Unit).where(Unit.name.contains(fragment)))


def slot_of(db, month: int, channel: Channel = Channel.RADIO_TV, year: int = 2023) -> Slot:
    return db.session.scalar(
        select(Slot).join(Slot.column).where(PlanColumn.channel == channel,
                                             Slot.period_start == date(year, month, 1)))


@pytest.fixture
def agreed(db, demo) -> Slot:
    """April's radio–TV column (Vĩnh Châu), agreed: air 20/4/2023."""
    slot = slot_of(db, 4)
    slot.status, slot.final_title, slot.air_date = SlotStatus.AGREED, "Tết Khmer", date(2023, 4, 20)
    db.session.commit()
    return slot


def file_request(auth, slot, **data):
    """File a change request on a slot as the logged-in officer."""
    data.setdefault("reason", "Lịch của đài thay đổi")
    return auth.post(f"/slots/{slot.id}/changes", data)


def only_request(db) -> ChangeRequest:
    """The one change request in the database, read afresh."""
    db.session.expire_all()
    return db.session.scalars(select(ChangeRequest)).one()
