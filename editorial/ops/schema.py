"""The database as it is: its migration revision, its tables in dependency order with the
column types the models declare (so instants read back aware, booleans as booleans)."""

from __future__ import annotations

from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Enum, MetaData, Table, func, select
from sqlalchemy.engine import Connection

from editorial.extensions import db
from editorial.jobs.health import MIGRATIONS

VERSION_TABLE = "alembic_version"
# Rows that say nothing about the province's data: the feed counter the migrations seed, and
# what a scheduler writes as soon as it starts. A database holding only these is empty.
BOOKKEEPING = frozenset({"calendar_versions", "scheduler_leases", "job_runs", "apscheduler_jobs"})


def current_revision(connection: Connection) -> str:
    """The database's migration revision ("" before the first migration; heads joined by ",")."""
    return ",".join(sorted(MigrationContext.configure(connection).get_current_heads()))


def scripts() -> ScriptDirectory:
    """The shipped migrations."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return ScriptDirectory.from_config(config)


def head_revision() -> str:
    """The revision this code's models describe."""
    return ",".join(sorted(scripts().get_heads()))


def live_tables(connection: Connection) -> list[Table]:
    """The database's own tables (not Alembic's), parents before children. Columns the models
    know take the models' types; an enum is kept as its stored text."""
    reflected = MetaData()
    reflected.reflect(bind=connection, only=lambda name, _meta: name != VERSION_TABLE)
    for table in reflected.tables.values():
        declared = db.metadata.tables.get(table.name)
        for column in table.columns:
            model_column = declared.columns.get(column.name) if declared is not None else None
            if model_column is not None and not isinstance(model_column.type, Enum):
                column.type = model_column.type
    return list(reflected.sorted_tables)


def is_empty(connection: Connection, tables: list[Table]) -> bool:
    """Whether no table holds a row of data (bookkeeping aside)."""
    return all(connection.scalar(select(func.count()).select_from(t)) == 0
               for t in tables if t.name not in BOOKKEEPING)
