"""`flask backup FILE` and `flask restore FILE [--yes]`."""

from __future__ import annotations

import shutil
from pathlib import Path

import click
from flask import current_app

from editorial import clock
from editorial.extensions import db
from editorial.ops import restore as restoring
from editorial.ops import schema
from editorial.ops.archive import Archive, ArchiveError
from editorial.ops.backup import write_backup


def upload_folder() -> Path:
    """The folder of uploaded files (the UPLOAD_FOLDER setting)."""
    return Path(current_app.config["UPLOAD_FOLDER"])


def _database() -> str:
    return db.engine.url.render_as_string(hide_password=True)


@click.command("backup")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
def backup(file: Path) -> None:
    """Write every table and the upload folder to FILE (a .tar.gz archive)."""
    manifest = write_backup(file, upload_folder(), clock.now())
    rows = sum(t["rows"] for t in manifest["tables"])
    click.echo(f"Đã sao lưu {rows} dòng của {len(manifest['tables'])} bảng và "
               f"{manifest['uploads']['files']} tệp tải lên vào {file} "
               f"(lược đồ {manifest['alembic_revision']}, {manifest['dialect']}).")


@click.command("restore")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="Không hỏi lại (mọi dữ liệu hiện có bị thay thế).")
def restore(file: Path, yes: bool) -> None:
    """Replace every row of the database (and the upload folder) with FILE's."""
    try:
        with Archive(file) as backup:
            plan = restoring.check(backup)
            _confirm(backup.manifest, plan, yes, backup.has_uploads)
            written, files = _run(backup, plan)
    except (ArchiveError, restoring.RestoreRefused) as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Đã khôi phục {written} dòng và {files} tệp tải lên từ {file}.")
    if plan.archive != schema.head_revision():
        click.echo(f"Cơ sở dữ liệu ở phiên bản lược đồ {plan.archive}: chạy `flask db upgrade` "
                   "trước khi mở lại trang.")


def _confirm(manifest: dict, plan: restoring.Check, yes: bool, backup_uploads: bool) -> None:
    """Say what will be replaced and ask, unless --yes."""
    rows = sum(t["rows"] for t in manifest["tables"])
    click.echo(f"Bản sao lưu: {manifest['created_at']}, {rows} dòng, lược đồ {plan.archive}, "
               f"từ {manifest['dialect']}, phần mềm {manifest['app_version']}.")
    if plan.migrate:
        click.echo(f"Cơ sở dữ liệu trống sẽ được chuyển sang lược đồ {plan.archive} trước.")
    if not backup_uploads:
        click.echo(f"Bản sao lưu không có thư mục tải lên: {upload_folder()} giữ nguyên.")
    if not yes:
        also = f" (và thư mục {upload_folder()})" if backup_uploads else ""
        click.confirm(f"Mọi dữ liệu trong {_database()}{also} sẽ bị xóa và thay bằng dữ liệu "
                      "của bản sao lưu. Tiếp tục?", abort=True)


def _run(backup: Archive, plan: restoring.Check) -> tuple[int, int]:
    """Migrate if needed, unpack the uploads, replace the data, then swap the uploads in."""
    if plan.migrate:
        restoring.migrate(plan)
    folder = upload_folder()
    staging = restoring.stage_uploads(backup, folder)
    try:
        written = restoring.replace_data(backup)
    except BaseException:
        if staging is not None:
            shutil.rmtree(staging)
        raise
    if staging is None:
        return written, 0
    restoring.swap_uploads(staging, folder)
    return written, backup.manifest["uploads"]["files"]
