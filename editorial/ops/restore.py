"""Restoring a backup: check the schema revision, then in one transaction delete every row
(children first), insert the archive's rows (parents first), move PostgreSQL's sequences past
the restored ids and the calendar version past any a web process has cached; then swap the
upload folder for the archive's."""

from __future__ import annotations

import shutil
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

from flask_migrate import downgrade, upgrade
from sqlalchemy import Table, func, insert, select, text, update
from sqlalchemy.engine import Connection

from editorial.extensions import db
from editorial.feeds.models import CalendarVersion
from editorial.models_base import utcnow
from editorial.ops import schema
from editorial.ops.archive import Archive, ArchiveError
from editorial.ops.codec import parents_first

BATCH = 1000


class RestoreRefused(Exception):
    """The archive cannot go into this database as it stands."""


@dataclass(frozen=True)
class Check:
    """What a restore will do before replacing the data."""

    database: str  # the revision the database is at ("" when never migrated)
    archive: str  # the revision of the archive's rows
    migrate: bool  # the database is empty and will first be migrated to the archive's revision


def check(backup: Archive) -> Check:
    """Refuse an archive of another schema revision, unless the database is empty: it is then
    migrated to the archive's revision (up, or down for an older backup)."""
    wanted = backup.manifest.get("alembic_revision") or ""
    with db.engine.connect() as connection:
        current = schema.current_revision(connection)
        empty = schema.is_empty(connection, schema.live_tables(connection))
    if wanted == current:
        return Check(current, wanted, migrate=False)
    shown = current or "(chưa có)"
    if not empty:
        raise RestoreRefused(
            f"Bản sao lưu thuộc phiên bản lược đồ (alembic) {wanted or '(không rõ)'}, cơ sở dữ "
            f"liệu đang ở {shown}: không khôi phục. Dùng phiên bản phần mềm đã tạo bản sao lưu, "
            "hoặc khôi phục vào một cơ sở dữ liệu trống.")
    known = {script.revision for script in schema.scripts().walk_revisions()}
    if not wanted or "," in wanted or wanted not in known:
        raise RestoreRefused(
            f"Bản sao lưu thuộc phiên bản lược đồ {wanted or '(không rõ)'}, không có trong các "
            f"migration của phần mềm này (cơ sở dữ liệu đang ở {shown}): không khôi phục.")
    return Check(current, wanted, migrate=True)


def migrate(plan: Check) -> None:
    """Bring the empty database to the archive's revision."""
    older = plan.database and plan.archive in {
        s.revision for s in schema.scripts().iterate_revisions(plan.database, "base")}
    (downgrade if older else upgrade)(revision=plan.archive)
    db.engine.dispose()


def stage_uploads(backup: Archive, folder: Path) -> Path | None:
    """Unpack the archive's uploads beside the upload folder (the swap is then a rename)."""
    if not backup.has_uploads:
        return None
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.restore-", dir=folder.parent))
    staging.chmod(0o755)
    try:
        backup.extract_uploads(staging)
    except BaseException:
        shutil.rmtree(staging)
        raise
    return staging


def swap_uploads(staging: Path, folder: Path) -> None:
    """Put the unpacked folder in place of the current one, then drop the current one."""
    old = folder.with_name(f".{folder.name}.old-{uuid.uuid4().hex[:8]}")
    if folder.exists():
        folder.rename(old)
    staging.rename(folder)
    if old.exists():
        shutil.rmtree(old)


def replace_data(backup: Archive) -> int:
    """Every row of the database replaced by the archive's, in one transaction; rows written."""
    with db.engine.begin() as connection:
        tables = schema.live_tables(connection)
        _match(backup, tables)
        version = _calendar_version(connection, tables)
        for table in reversed(tables):
            connection.execute(table.delete())
        wanted = {entry["name"]: entry["rows"] for entry in backup.tables}
        written = sum(_load(connection, backup, t, wanted[t.name]) for t in tables)
        if connection.dialect.name == "postgresql":
            _reset_sequences(connection, tables)
        _move_calendar_version(connection, tables, version)
    return written


def _match(backup: Archive, tables: list[Table]) -> None:
    """The archive must hold exactly the database's tables and columns."""
    live = {t.name: set(t.columns.keys()) for t in tables}
    held = {e["name"]: set(e["columns"]) for e in backup.tables}
    if live != held:
        differ = sorted(set(live) ^ set(held) | {n for n in live.keys() & held.keys()
                                                 if live[n] != held[n]})
        raise ArchiveError("các bảng của bản sao lưu không khớp cơ sở dữ liệu: "
                           + ", ".join(differ))


def _load(connection: Connection, backup: Archive, table: Table, expected: int) -> int:
    """Insert one table's rows (a self-referencing table parents first); the count checked."""
    rows = list(backup.rows(table.name))
    if len(rows) != expected:
        raise ArchiveError(f"bảng {table.name}: {len(rows)} dòng, bản kê ghi {expected}")
    references = [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]
    key = [c.name for c in table.primary_key.columns]
    if references and len(key) == 1:
        rows = parents_first(rows, key[0], references)
    for start in range(0, len(rows), BATCH):
        connection.execute(insert(table), rows[start:start + BATCH])
    return len(rows)


def _reset_sequences(connection: Connection, tables: list[Table]) -> None:
    """Move each serial/identity sequence past the largest restored id."""
    quote = connection.dialect.identifier_preparer.quote
    for table in tables:
        key = list(table.primary_key.columns)
        if len(key) != 1:
            continue
        sequence = connection.scalar(text("SELECT pg_get_serial_sequence(:t, :c)"),
                                     {"t": quote(table.name), "c": key[0].name})
        if sequence:
            connection.execute(
                text(f"SELECT setval(:s, COALESCE((SELECT MAX({quote(key[0].name)}) "
                     f"FROM {quote(table.name)}), 0) + 1, false)"), {"s": sequence})


_VERSIONS = CalendarVersion.__table__


def _calendar_version(connection: Connection, tables: list[Table]) -> int:
    """The calendar version before the restore (0 when the table is missing or empty)."""
    if _VERSIONS.name not in {t.name for t in tables}:
        return 0
    return connection.scalar(select(func.max(_VERSIONS.c.counter))) or 0


def _move_calendar_version(connection: Connection, tables: list[Table], before: int) -> None:
    """Set the version past both the old and the restored one: a web process that cached feeds
    under either number rebuilds them."""
    if _VERSIONS.name not in {t.name for t in tables}:
        return
    restored = connection.scalar(select(func.max(_VERSIONS.c.counter))) or 0
    values = {"counter": max(before, restored) + 1, "changed_at": utcnow()}
    moved = connection.execute(update(_VERSIONS).where(_VERSIONS.c.id == 1).values(**values))
    if moved.rowcount == 0:
        connection.execute(insert(_VERSIONS).values(id=1, **values))
