"""Row locks on slots, always taken first and lowest id first: two writers of the same slots
(a counter-proposal and an agreement, two approvals of a swap) then queue instead of
deadlocking. PostgreSQL takes row locks (SELECT … FOR UPDATE); SQLite has one lock for the
whole file, which a no-op write takes (so the reads after it see one state, not two)."""

from __future__ import annotations

from sqlalchemy import select, update

from editorial.extensions import db
from editorial.plans.models import Slot


def lock_slots(*slot_ids: int | None) -> None:
    """Wait for and hold the row locks of these slots until the transaction ends, and make
    the session read their current values (what a writer before us committed)."""
    ids = sorted({i for i in slot_ids if i is not None})
    if not ids:
        return
    if db.engine.dialect.name == "sqlite":
        db.session.execute(update(Slot).where(Slot.id.in_(ids)).values(id=Slot.id)
                           .execution_options(synchronize_session=False))
    db.session.scalars(select(Slot).where(Slot.id.in_(ids)).order_by(Slot.id)
                       .with_for_update().execution_options(populate_existing=True)).all()
