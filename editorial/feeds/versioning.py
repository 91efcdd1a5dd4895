"""The calendar data version: one counter bumped in the same transaction as any write.

Feeds are cached in memory under this version, so a poll costs one small read instead of
a rebuild, and every web process sees a change as soon as it commits. The bump is
automatic for every ORM write (flushes and ORM bulk statements), so a new event source
needs no code here; a model whose writes never change a calendar (logins, leases, the
outbox, last-use stamps) may say so with a class attribute ``feed_neutral = True``.
Raw SQL on the engine bypasses it: call :func:`bump` after such a write.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import event, insert, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.orm import ORMExecuteState, Session

from editorial.extensions import db
from editorial.feeds.models import CalendarVersion
from editorial.models_base import utcnow

_ROW = 1
_table = CalendarVersion.__table__
_CURRENT = select(_table.c.counter, _table.c.changed_at).where(_table.c.id == _ROW)


def current() -> tuple[int, datetime | None]:
    """The version counter and when it last moved; (0, None) before the first write."""
    row = db.session.connection().execute(_CURRENT).first()
    return (row.counter, row.changed_at) if row else (0, None)


def bump(connection: Connection) -> None:
    """Move the version on, inside the caller's transaction."""
    now = utcnow()
    moved = connection.execute(
        update(_table).where(_table.c.id == _ROW)
        .values(counter=_table.c.counter + 1, changed_at=now)
    )
    if moved.rowcount == 0:
        connection.execute(insert(_table).values(id=_ROW, counter=1, changed_at=now))


def _neutral(instance: object) -> bool:
    return bool(getattr(type(instance), "feed_neutral", False))


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, _context) -> None:
    """Bump when the flush wrote anything that is not feed-neutral."""
    changed = [*session.new, *session.deleted,
               *(o for o in session.dirty if session.is_modified(o, include_collections=False))]
    if any(not _neutral(instance) for instance in changed):
        bump(session.connection())


@event.listens_for(Session, "do_orm_execute")
def _bulk_statement(state: ORMExecuteState) -> None:
    """Bump on ORM bulk INSERT/UPDATE/DELETE statements, which skip the flush."""
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    mapper = state.bind_mapper
    if mapper is not None and _neutral(mapper.class_):
        return
    bump(state.session.connection())
