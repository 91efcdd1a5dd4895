"""Shared steps of the registration tests: find a demo slot, read its version as a page does."""

from __future__ import annotations

import re
from datetime import date

from sqlalchemy import select

from editorial.extensions import db
from editorial.plans.models import PlanColumn, Slot
from editorial.plans.rules import Channel


def demo_slot(month: int, channel: Channel = Channel.RADIO_TV, year: int = 2023) -> Slot:
    """The demo plan's slot of a month on one channel."""
    query = (select(Slot).join(Slot.column)
             .where(Slot.period_start == date(year, month, 1), PlanColumn.channel == channel))
    return db.session.scalar(query)


def version_on_page(client, slot_id: int) -> str:
    """The version the slot's page was rendered with (its forms carry the same)."""
    html = client.get(f"/registrations/slots/{slot_id}").get_data(as_text=True)
    match = re.search(r'data-version="(\d+)"', html)
    assert match, "no version on the slot's page"
    return match.group(1)


def fresh(slot_id: int) -> Slot:
    """The slot as the database has it now."""
    db.session.expire_all()
    return db.session.get(Slot, slot_id)


REGISTRATION = {
    "title": "MTTQ Vĩnh Châu chăm lo Tết Chôl Chnăm Thmây cho đồng bào Khmer",
    "outline": "Phóng sự về các hoạt động thăm, tặng quà tại các phum sóc.",
    "staff_name": ["Thạch Thị Sa Rinh", "Lâm Văn Đức", ""],
    "staff_role": ["Biên tập", "Quay phim", ""],
    "record_date": "2023-04-10", "air_date": "2023-04-14", "notes": "Ghi hình tại phường 1.",
}
