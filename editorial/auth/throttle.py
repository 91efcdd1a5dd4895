"""Failed logins, counted per login and per address in the database (so every worker and host
shares them), and the temporary locks they earn (`rules.ACCOUNT_THROTTLE`, `ADDRESS_THROTTLE`)."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import case, delete, select, update

from editorial import clock
from editorial.audit.services import record
from editorial.auth.models import LoginThrottle, User
from editorial.auth.rules import ACCOUNT_THROTTLE, ADDRESS_THROTTLE, ThrottlePolicy
from editorial.extensions import db
from editorial.upsert import insert_on_conflict


def account_key(login: str) -> str:
    """The counter of one login, whether or not such a user exists (so a lock says nothing)."""
    return "login:" + login.strip().lower()[:150]


def address_key(address: str | None) -> str:
    return "addr:" + (address or "-")[:150]


def locked_until(login: str, address: str | None) -> datetime | None:
    """When the later of the login's and the address's locks ends, None when neither holds."""
    now = clock.now()
    ends = db.session.scalars(select(LoginThrottle.locked_until).where(
        LoginThrottle.key.in_([account_key(login), address_key(address)]),
        LoginThrottle.locked_until > now)).all()
    return max(ends, default=None)


def failed(login: str, address: str | None) -> None:
    """Count one failed login against the login and the address, and lock what has had too
    many. The count is one atomic upsert, so parallel failures are all counted."""
    now = clock.now()
    for key, policy in ((account_key(login), ACCOUNT_THROTTLE),
                        (address_key(address), ADDRESS_THROTTLE)):
        _count(key, policy, now)
    db.session.execute(delete(LoginThrottle).where(
        LoginThrottle.last_failure_at < now - timedelta(seconds=ACCOUNT_THROTTLE.forget_seconds),
        LoginThrottle.locked_until.is_(None) | (LoginThrottle.locked_until < now)))


def _count(key: str, policy: ThrottlePolicy, now: datetime) -> None:
    forgotten = now - timedelta(seconds=policy.forget_seconds)
    table = LoginThrottle.__table__
    failures = db.session.execute(insert_on_conflict(
        LoginThrottle, {"key": key, "failures": 1, "last_failure_at": now}, ["key"],
        {"failures": case((table.c.last_failure_at < forgotten, 1),
                          else_=table.c.failures + 1),
         "last_failure_at": now}).returning(table.c.failures)).scalar_one()
    seconds = policy.lock_seconds(failures)
    if seconds:
        db.session.execute(update(LoginThrottle).where(LoginThrottle.key == key).values(
            locked_until=now + timedelta(seconds=seconds)))


def succeeded(login: str) -> None:
    """The right password, outside any lock: the login's count starts again."""
    db.session.execute(delete(LoginThrottle).where(LoginThrottle.key == account_key(login)))


def lock_of(user: User) -> datetime | None:
    """When the lock of this user's login ends, None when it is not locked."""
    return db.session.scalar(select(LoginThrottle.locked_until).where(
        LoginThrottle.key == account_key(user.login), LoginThrottle.locked_until > clock.now()))


def locked_logins() -> set[str]:
    """The keys of every login locked now (one query, for the admin's list of users)."""
    return set(db.session.scalars(select(LoginThrottle.key).where(
        LoginThrottle.key.startswith("login:"), LoginThrottle.locked_until > clock.now())))


def unlock(actor: User, user: User) -> None:
    """An admin lifts the lock of a user's login (and forgets its failures), audited."""
    db.session.execute(delete(LoginThrottle).where(
        LoginThrottle.key == account_key(user.login)))
    record(actor, "user.unlock", user, after={"login": user.login})
