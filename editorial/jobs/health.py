"""What a load balancer asks: does the database answer, is its schema at the migrations' head,
and how old is the scheduler's lease (reported, never a reason to leave service: a web
instance without a scheduler beside it serves pages all the same)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import select, text
from sqlalchemy.exc import SQLAlchemyError

from editorial import clock
from editorial.extensions import db
from editorial.jobs.lease import NAME
from editorial.jobs.models import SchedulerLease

MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations"


@cache
def head_revisions() -> frozenset[str]:
    """The heads of the shipped migrations (read once per process)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return frozenset(ScriptDirectory.from_config(config).get_heads())


def report() -> tuple[bool, dict]:
    """(healthy, the body): healthy when the database answers at the migrations' head."""
    body: dict = {"database": "ok", "migrations": {"head": sorted(head_revisions())}}
    try:
        connection = db.session.connection()
        connection.execute(text("SELECT 1"))
        current = MigrationContext.configure(connection).get_current_heads()
        body["migrations"]["current"] = sorted(current)
        body["scheduler"] = _lease()
    except SQLAlchemyError as error:
        db.session.rollback()
        body["database"] = f"failed: {type(error).__name__}"
        return False, body
    at_head = set(current) == head_revisions()
    body["migrations"]["at_head"] = at_head
    return at_head, body


def _lease() -> dict:
    lease = db.session.scalar(select(SchedulerLease).where(SchedulerLease.name == NAME))
    if lease is None:
        return {"lease": "none"}
    now = clock.now()
    return {"holder": lease.holder, "age_seconds": round((now - lease.renewed_at).total_seconds()),
            "stale": lease.expires_at < now}
