"""Writing a backup: every table's rows from one consistent read, the upload folder, and a
manifest saying what the archive holds and which schema revision its rows belong to."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from datetime import datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Table, select
from sqlalchemy.engine import Connection

from editorial.clock import VN
from editorial.extensions import db
from editorial.ops import archive, schema
from editorial.ops.codec import encode_row

PACKAGE = "lich-bien-tap-mttq"


def app_version() -> str:
    """The installed version of the app ("unknown" when run from a bare checkout)."""
    try:
        return version(PACKAGE)
    except PackageNotFoundError:
        return "unknown"


@contextmanager
def snapshot() -> Iterator[Connection]:
    """A connection whose reads all see the database at one moment."""
    with db.engine.connect() as connection:
        if connection.dialect.name == "postgresql":
            connection.execution_options(isolation_level="REPEATABLE READ")
        with connection.begin():
            if connection.dialect.name == "sqlite":
                # pysqlite opens no transaction for reads: without this each SELECT would
                # see the file as it is at that statement.
                connection.exec_driver_sql("BEGIN")
            yield connection


def _dump(connection: Connection, table: Table, sink: IO[bytes]) -> int:
    """Write a table's rows as JSON lines, in primary-key order; the number written."""
    order = list(table.primary_key.columns) or list(table.columns)
    result = connection.execution_options(yield_per=1000).execute(
        select(table).order_by(*order))
    count = 0
    for row in result.mappings():
        line = json.dumps(encode_row(dict(row)), ensure_ascii=False, separators=(",", ":"))
        sink.write(line.encode("utf-8") + b"\n")
        count += 1
    return count


def write_backup(path: Path, folder: Path | None, now: datetime) -> dict[str, Any]:
    """Write the archive to `path`; the manifest it carries."""
    with ExitStack() as stack, snapshot() as connection:
        tables, spools = [], []
        for table in schema.live_tables(connection):
            spool = stack.enter_context(tempfile.TemporaryFile())
            rows = _dump(connection, table, spool)
            tables.append({"name": table.name, "rows": rows, "columns": list(table.columns.keys())})
            spools.append((table.name, spool))
        revision, dialect = schema.current_revision(connection), connection.dialect.name
        files = archive.upload_files(folder)
        manifest = {
            "format": archive.FORMAT, "format_version": archive.FORMAT_VERSION,
            "app_version": app_version(), "alembic_revision": revision,
            "created_at": now.astimezone(VN).isoformat(), "timezone": str(VN),
            "dialect": dialect, "tables": tables,
            "uploads": {"included": bool(folder and folder.is_dir()), "files": len(files),
                        "bytes": sum(f.stat().st_size for f in files)},
        }
        archive.write(path, manifest, spools, folder, files)
    return manifest
