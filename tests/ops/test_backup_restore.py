"""`flask backup` and `flask restore` through the real CLI: the demo's every row (all columns)
comes back after a wipe, into a fresh database, and across SQLite and PostgreSQL; another
schema revision and a missing confirmation are refused; new rows get fresh ids (the
sequences move); the upload folder comes back file for file."""

from __future__ import annotations

import io
import json
import tarfile
from datetime import UTC, date, datetime, time, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from flask import Flask
from flask_migrate import upgrade
from sqlalchemy import func, insert, inspect, select, text

from editorial.demo import historical
from editorial.extensions import db as _db
from editorial.feeds.models import CalendarVersion
from editorial.jobs.models import JobRun, apscheduler_jobs
from editorial.ops import codec, schema
from editorial.units.models import Unit
from editorial.units.rules import UnitKind
from tests.conftest import _empty_tables, make_app

VERSIONS = CalendarVersion.__tablename__


def _tables() -> dict[str, list[tuple]]:
    """Every row of every table, all columns, in primary-key order."""
    _db.session.remove()
    found = {}
    for table in _db.metadata.sorted_tables:
        rows = _db.session.execute(select(table).order_by(*table.primary_key.columns))
        found[table.name] = [tuple(row) for row in rows]
    _db.session.remove()
    return found


def _wipe() -> None:
    """Delete every row; on PostgreSQL also restart every sequence at 1, as in a new database."""
    _db.session.remove()  # an open read would hold TRUNCATE back on PostgreSQL
    _empty_tables()


def _without_versions(tables: dict[str, list[tuple]]) -> dict[str, list[tuple]]:
    return {name: rows for name, rows in tables.items() if name != VERSIONS}


def _counter() -> int:
    return _db.session.scalar(select(func.max(CalendarVersion.counter))) or 0


def _invoke(app: Flask, *args: str, input: str | None = None):
    """Run a `flask` command of `app` in its own app context, as the shell would."""
    _db.session.remove()
    with app.app_context():
        result = app.test_cli_runner().invoke(args=list(args), input=input)
        _db.session.remove()
    return result


def _awkward_rows() -> None:
    """Rows whose types JSON does not carry as such: bytes, floats, instants, booleans, None."""
    _db.session.execute(insert(apscheduler_jobs).values(
        id="nhắc-việc", next_run_time=1700000000.123456, job_state=bytes(range(256))))
    started = datetime(2023, 3, 14, 23, 59, 58, 123456, tzinfo=UTC)
    _db.session.add_all([
        JobRun(job_id="reminders", holder="máy-1", started_at=started, ok=None),
        JobRun(job_id="mail", holder="máy-1", started_at=started, ok=False, error="lỗi\nSMTP",
               finished_at=started.astimezone(timezone(timedelta(hours=7)))),
    ])
    _db.session.commit()


def _backup(app: Flask, path: Path) -> dict:
    result = _invoke(app, "backup", str(path))
    assert result.exit_code == 0, result.output
    with tarfile.open(path) as tar:
        return json.load(tar.extractfile("manifest.json"))


def _restore(app: Flask, path: Path) -> None:
    result = _invoke(app, "restore", str(path), "--yes")
    assert result.exit_code == 0, result.output


def _fresh_app(tmp_path: Path, name: str, **settings) -> Flask:
    """An app on a new, never migrated SQLite file."""
    return make_app(f"sqlite:///{tmp_path / name}.sqlite3",
                    UPLOAD_FOLDER=str(tmp_path / f"{name}-uploads"), **settings)


@pytest.fixture
def uploads(app: Flask, tmp_path: Path) -> Path:
    folder = tmp_path / "uploads"
    app.config["UPLOAD_FOLDER"] = str(folder)
    return folder


def test_backup_wipe_restore_gives_back_every_row(app, demo, uploads, tmp_path):
    _awkward_rows()
    before, counter = _tables(), _counter()
    manifest = _backup(app, tmp_path / "lich.tar.gz")
    assert manifest["alembic_revision"] == schema.head_revision()
    assert manifest["dialect"] == _db.engine.dialect.name
    assert manifest["created_at"].endswith("+07:00")
    assert {t["name"]: t["rows"] for t in manifest["tables"]} == {
        name: len(rows) for name, rows in before.items()}
    assert before["units"] and before["slots"] and before["users"]

    _wipe()
    assert not any(_tables().values())
    _restore(app, tmp_path / "lich.tar.gz")

    after = _tables()
    assert _without_versions(after) == _without_versions(before)
    assert _counter() > counter  # web processes drop the feeds they cached before the restore


def test_new_rows_after_a_restore_get_fresh_ids(app, demo, tmp_path):
    _awkward_rows()
    _backup(app, tmp_path / "lich.tar.gz")
    biggest = {t.name: _db.session.scalar(select(func.max(t.c.id))) or 0
               for t in _db.metadata.sorted_tables if "id" in t.c and t.name != "apscheduler_jobs"}
    _wipe()
    _restore(app, tmp_path / "lich.tar.gz")

    province = _db.session.scalar(select(Unit).where(Unit.kind == UnitKind.PROVINCE).limit(1))
    unit = Unit(name="Ủy ban MTTQ xã Mới", kind=UnitKind.COMMUNE, parent=province)
    run = JobRun(job_id="mail", holder="máy-2")
    _db.session.add_all([unit, run])
    _db.session.commit()
    assert unit.id > biggest["units"] and run.id > biggest["job_runs"]
    if _db.engine.dialect.name == "postgresql":
        for name, largest in biggest.items():
            following = _db.session.scalar(text(f"SELECT nextval(pg_get_serial_sequence('{name}',"
                                                " 'id'))"))
            assert following > largest, name
    _db.session.rollback()


def test_restore_into_a_fresh_database_migrates_it_first(app, demo, tmp_path):
    """Backup here (SQLite or PostgreSQL), restore into a new SQLite file never migrated."""
    _awkward_rows()
    before = _tables()
    _backup(app, tmp_path / "lich.tar.gz")
    fresh = _fresh_app(tmp_path, "fresh")
    result = _invoke(fresh, "restore", str(tmp_path / "lich.tar.gz"), "--yes")
    assert result.exit_code == 0, result.output
    assert "chuyển sang lược đồ" in result.output
    with fresh.app_context():
        assert _without_versions(_tables()) == _without_versions(before)
        assert schema.current_revision(_db.session.connection()) == schema.head_revision()
        _db.session.remove()
        _db.engine.dispose()


def test_a_sqlite_backup_restores_into_this_database(app, tmp_path):
    """Backup from SQLite, restore here: SQLite to PostgreSQL when TEST_DATABASE_URL is set."""
    source = _fresh_app(tmp_path, "source")
    with source.app_context():
        upgrade()
        historical.load()
        _db.session.commit()
        _awkward_rows()
        expected = _tables()
        _db.engine.dispose()
    _backup(source, tmp_path / "lich.tar.gz")
    _restore(app, tmp_path / "lich.tar.gz")
    assert _without_versions(_tables()) == _without_versions(expected)
    with source.app_context():
        _db.engine.dispose()


def _with_revision(source: Path, target: Path, revision: str) -> Path:
    """A copy of an archive whose manifest claims another schema revision."""
    with tarfile.open(source) as old, tarfile.open(target, "w:gz") as new:
        for member in old.getmembers():
            data = old.extractfile(member).read()
            if member.name == "manifest.json":
                manifest = json.loads(data)
                manifest["alembic_revision"] = revision
                data = json.dumps(manifest).encode()
                member.size = len(data)
            new.addfile(member, io.BytesIO(data))
    return target


def test_restore_refuses_another_revision(app, demo, tmp_path):
    _backup(app, tmp_path / "lich.tar.gz")
    before = _tables()
    older = _with_revision(tmp_path / "lich.tar.gz", tmp_path / "old.tar.gz", "0012")
    result = _invoke(app, "restore", str(older), "--yes")
    assert result.exit_code == 1
    assert "0012" in result.output and schema.head_revision() in result.output
    assert "không khôi phục" in result.output
    assert _tables() == before

    unknown = _with_revision(tmp_path / "lich.tar.gz", tmp_path / "bad.tar.gz", "ffff0000")
    fresh = _fresh_app(tmp_path, "fresh")
    result = _invoke(fresh, "restore", str(unknown), "--yes")
    assert result.exit_code == 1 and "ffff0000" in result.output, result.output
    with fresh.app_context():
        assert inspect(_db.engine).get_table_names() == []  # nothing migrated, nothing written
        _db.engine.dispose()


def test_an_older_backup_goes_into_an_empty_database_at_its_revision(app, tmp_path):
    """An empty database is migrated down to an older archive's revision, then told to
    upgrade."""
    old = _fresh_app(tmp_path, "old")
    with old.app_context():
        upgrade(revision="0012")
        _db.session.execute(text("INSERT INTO units (id, name, short_name, name_folded, kind, "
                                 "position) VALUES (7, 'Tỉnh Cũ', 'Cũ', 'tinh cu', 'province', 0)"))
        _db.session.commit()
        _db.engine.dispose()
    manifest = _backup(old, tmp_path / "old.tar.gz")
    assert manifest["alembic_revision"] == "0012"

    target = _fresh_app(tmp_path, "target")
    with target.app_context():
        upgrade()
        _db.engine.dispose()
    result = _invoke(target, "restore", str(tmp_path / "old.tar.gz"), "--yes")
    assert result.exit_code == 0, result.output
    assert "flask db upgrade" in result.output
    with target.app_context():
        connection = _db.session.connection()
        assert schema.current_revision(connection) == "0012"
        assert connection.execute(text("SELECT id, name FROM units")).all() == [(7, "Tỉnh Cũ")]
        _db.session.remove()
        upgrade()
        assert _db.session.get(Unit, 7).name == "Tỉnh Cũ"
        _db.session.remove()
        _db.engine.dispose()


def test_restore_asks_first(app, demo, tmp_path):
    _backup(app, tmp_path / "lich.tar.gz")
    _db.session.execute(text("DELETE FROM thread_reads"))
    _db.session.add(JobRun(job_id="mail", holder="sau-sao-luu"))
    _db.session.commit()
    before = _tables()

    refused = _invoke(app, "restore", str(tmp_path / "lich.tar.gz"), input="n\n")
    assert refused.exit_code == 1 and "Tiếp tục?" in refused.output
    assert _tables() == before
    silent = _invoke(app, "restore", str(tmp_path / "lich.tar.gz"))  # no terminal to answer
    assert silent.exit_code == 1 and _tables() == before

    agreed = _invoke(app, "restore", str(tmp_path / "lich.tar.gz"), input="y\n")
    assert agreed.exit_code == 0, agreed.output
    assert _db.session.scalar(select(func.count()).select_from(JobRun)) == 0


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in folder.rglob("*") if p.is_file()}


def test_uploaded_files_come_back(app, demo, uploads, tmp_path):
    (uploads / "2023" / "03").mkdir(parents=True)
    (uploads / "2023" / "03" / "ảnh-hội-nghị.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(5000))
    (uploads / "2023" / "03" / "tin 1.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (uploads / "readme.txt").write_text("Ảnh của các đơn vị", encoding="utf-8")
    original = _files(uploads)
    manifest = _backup(app, tmp_path / "lich.tar.gz")
    assert manifest["uploads"] == {"included": True, "files": 3,
                                   "bytes": sum(len(b) for b in original.values())}

    (uploads / "readme.txt").unlink()
    (uploads / "2023" / "03" / "tin 1.png").write_bytes(b"changed")
    (uploads / "later.jpg").write_bytes(b"added after the backup")
    result = _invoke(app, "restore", str(tmp_path / "lich.tar.gz"), "--yes")
    assert result.exit_code == 0, result.output
    assert "3 tệp tải lên" in result.output
    assert _files(uploads) == original
    assert [p.name for p in uploads.parent.iterdir() if p.name.startswith(".uploads")] == []


def test_an_archive_with_an_unsafe_path_is_refused(app, demo, uploads, tmp_path):
    uploads.mkdir()
    (uploads / "a.jpg").write_bytes(b"jpg")
    _backup(app, tmp_path / "lich.tar.gz")
    with tarfile.open(tmp_path / "lich.tar.gz") as old, \
            tarfile.open(tmp_path / "evil.tar.gz", "w:gz") as new:
        for member in old.getmembers():
            data = old.extractfile(member).read()
            if member.name == "uploads/a.jpg":
                member.name = "uploads/../../evil.jpg"
            new.addfile(member, io.BytesIO(data))
    before = _tables()
    result = _invoke(app, "restore", str(tmp_path / "evil.tar.gz"), "--yes")
    assert result.exit_code == 1 and "không an toàn" in result.output
    assert not (tmp_path / "evil.jpg").exists() and _tables() == before


def test_not_a_backup_is_refused(app, tmp_path):
    (tmp_path / "x.tar.gz").write_bytes(b"not a tar")
    result = _invoke(app, "restore", str(tmp_path / "x.tar.gz"), "--yes")
    assert result.exit_code == 1 and "không đọc được bản sao lưu" in result.output


@pytest.mark.parametrize("value", [
    None, True, False, 0, -7, 2**62, 1.5, float("inf"), "", "Sóc Trăng", date(2023, 2, 5),
    datetime(2023, 3, 15, 1, 2, 3, 456789, tzinfo=UTC), datetime(2023, 3, 15, 8, 0),
    time(7, 30), b"", bytes(range(256)), Decimal("12.50"), timedelta(days=1, seconds=3),
    {"a": [1, {"b": None}]}, [1, "x"],
])
def test_values_round_trip_through_json(value):
    written = json.loads(json.dumps(codec.encode(value)))
    assert codec.decode(written) == value
    assert type(codec.decode(written)) is type(value)


def test_instants_are_written_in_utc():
    vietnam = datetime(2023, 3, 15, 7, 30, tzinfo=timezone(timedelta(hours=7)))
    assert codec.encode(vietnam) == {"$datetime": "2023-03-15T00:30:00+00:00"}
    with pytest.raises(ValueError):
        codec.decode({"$evil": "x"})


def test_a_self_referencing_table_is_written_parents_first():
    rows = [{"id": 3, "parent": 5}, {"id": 1, "parent": None}, {"id": 5, "parent": 1},
            {"id": 4, "parent": 99}, {"id": 6, "parent": 6}]
    assert [r["id"] for r in codec.parents_first(rows, "id", ["parent"])] == [1, 4, 6, 5, 3]
    cycle = [{"id": 1, "parent": 2}, {"id": 2, "parent": 1}]
    assert codec.parents_first(cycle, "id", ["parent"]) == cycle
