"""A lease row with an expiry: one scheduler holds it and renews it; when it stops renewing,
another takes it. Plain UPDATE/INSERT, so it works on SQLite and PostgreSQL alike."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import case, func, or_, select, update
from sqlalchemy.exc import IntegrityError

from editorial import clock
from editorial.extensions import db
from editorial.jobs.models import SchedulerLease

NAME = "scheduler"


def database_now() -> datetime:
    """The time by which leases are compared: the database server's clock on PostgreSQL, so
    schedulers on machines whose clocks drift apart still agree; this machine's on SQLite
    (an embedded database has no other machine to disagree with)."""
    if db.engine.dialect.name == "postgresql":
        return db.session.scalar(select(func.clock_timestamp())).astimezone(UTC)
    return clock.now()


def acquire(holder: str, now: datetime, seconds: float, name: str = NAME) -> bool:
    """Take or renew the lease for `seconds`; True when `holder` holds it afterwards.

    The UPDATE only matches a row we hold or one that has expired; the database serialises
    concurrent UPDATEs of the row, so two candidates can never both succeed."""
    expires = now + timedelta(seconds=seconds)
    taken = db.session.execute(
        update(SchedulerLease)
        .where(SchedulerLease.name == name,
               or_(SchedulerLease.holder == holder, SchedulerLease.expires_at < now))
        # SET sees the old row: acquired_at changes only when the holder does.
        .values(holder=holder, renewed_at=now, expires_at=expires,
                acquired_at=case((SchedulerLease.holder == holder, SchedulerLease.acquired_at),
                                 else_=now))
        .execution_options(synchronize_session=False))
    renewed = taken.rowcount == 1
    db.session.commit()
    return renewed or _insert(name, holder, now, expires)


def _insert(name: str, holder: str, now: datetime, expires: datetime) -> bool:
    """The very first lease: whoever inserts the row holds it."""
    if db.session.get(SchedulerLease, name) is not None:
        db.session.rollback()
        return False
    db.session.add(SchedulerLease(name=name, holder=holder, acquired_at=now, renewed_at=now,
                                  expires_at=expires))
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        return False
    return True


def holds(holder: str, now: datetime, name: str = NAME) -> bool:
    """True when `holder` holds an unexpired lease."""
    lease = db.session.get(SchedulerLease, name)
    return lease is not None and lease.holder == holder and lease.expires_at > now


def release(holder: str, now: datetime, name: str = NAME) -> None:
    """Give the lease up at once (a clean stop), so a standby need not wait for the expiry."""
    db.session.execute(
        update(SchedulerLease).where(SchedulerLease.name == name, SchedulerLease.holder == holder)
        .values(expires_at=now).execution_options(synchronize_session=False))
    db.session.commit()


def current(name: str = NAME) -> SchedulerLease | None:
    return db.session.get(SchedulerLease, name)
