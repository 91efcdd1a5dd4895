"""`flask setup` (a province from zero) and `flask units list | import | export`."""

from __future__ import annotations

from pathlib import Path

import click
from flask.cli import AppGroup

from editorial.errors import DomainError
from editorial.extensions import db
from editorial.units import imports, provinces
from editorial.units.importing import PreviewRow
from editorial.units.labels import IMPORT_ACTIONS
from editorial.units.models import Unit
from editorial.units.services import unit_tree

units = AppGroup("units", help="Đơn vị.")
CREATED = {"province": "Ủy ban MTTQ", "settings": "cài đặt mặc định", "admin": "quản trị viên"}


@click.command("setup")
@click.option("--province", "name", required=True, help="Tên Ủy ban MTTQ tỉnh, thành phố.")
@click.option("--admin", "login", required=True, help="Tên đăng nhập của quản trị viên.")
@click.option("--password", default=None, help="Mật khẩu (bỏ trống: hỏi, không hiện).")
@click.option("--name", "admin_name", default="", help="Họ tên quản trị viên.")
def setup(name: str, login: str, password: str | None, admin_name: str) -> None:
    """Create a province committee, its settings and its admin (first run, or one more)."""
    def ask() -> str:
        return password or click.prompt("Mật khẩu", hide_input=True, confirmation_prompt=True)

    try:
        done = provinces.set_up(name, login, ask, admin_name)
    except DomainError as error:
        db.session.rollback()
        raise click.ClickException(str(error)) from None
    db.session.commit()
    if not done.created:
        click.echo(f"“{done.province.name}” và quản trị viên {done.admin.login} đã có; "
                   "không thay đổi gì.")
        return
    made = ", ".join(CREATED[what] for what in done.created)
    click.echo(f"Đã tạo {made}: “{done.province.name}”, quản trị viên {done.admin.login}.")
    click.echo("Tiếp theo: flask units import TỆP để nạp các đơn vị.")


@units.command("list")
def units_list() -> None:
    """List the units: id, kind, code, name, indented by depth."""
    for unit, depth in unit_tree():
        click.echo(f"{unit.id:>4}  {unit.kind.value:<11} {unit.code or '-':<8} "
                   f"{'  ' * depth}{unit.name}")


def _province(ref: str | None) -> Unit:
    """The province named by --province, or the only one there is."""
    if ref:
        found = provinces.find_province(ref)
        if found is None:
            raise click.ClickException(f"Không tìm thấy tỉnh, thành phố “{ref}”.")
        return found
    everything = provinces.provinces()
    if len(everything) == 1:
        return everything[0]
    if not everything:
        raise click.ClickException("Chưa có tỉnh, thành phố nào; hãy chạy flask setup trước.")
    names = "; ".join(unit.name for unit in everything)
    raise click.ClickException(f"Có {len(everything)} tỉnh, thành phố ({names}); "
                               "hãy chọn bằng --province.")


def _describe(row: PreviewRow) -> str:
    """One row of the preview as a line (and its errors below it)."""
    unit = row.unit
    where = f" ← {unit.parent}" if unit.parent else ""
    lines = [f"Dòng {row.line:>4}  {str(IMPORT_ACTIONS[row.action]):<10} {unit.name} "
             f"[{unit.kind or '?'}{', ' + unit.code if unit.code else ''}]{where}"]
    lines += [f"           ✗ {error}" for error in row.errors]
    return "\n".join(lines)


@units.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--province", "ref", default=None, help="Tỉnh, thành phố (tên, mã hoặc số).")
@click.option("--yes", is_flag=True, help="Lưu không hỏi lại.")
def units_import(file: Path, ref: str | None, yes: bool) -> None:
    """Import units from a .csv or .xlsx file: every row is shown, nothing is saved when a
    row has an error, and a second import of the same file changes nothing."""
    province = _province(ref)
    try:
        found = imports.check(file.read_bytes(), file.name, province)
    except ValueError as error:
        raise click.ClickException(str(error)) from None
    for row in found.rows:
        click.echo(_describe(row))
    bad = sum(bool(row.errors) for row in found.rows)
    if bad:
        raise click.ClickException(f"{bad} dòng có lỗi; không lưu gì.")
    if not found.changes:
        click.echo("Các đơn vị trong tệp đã có đúng như vậy; không thay đổi gì.")
        return
    if not yes:
        click.confirm(f"Lưu {found.changes} thay đổi vào “{province.name}”?", abort=True)
    imports.save(None, province, found)
    db.session.commit()
    click.echo(f"Đã lưu {found.changes} đơn vị vào “{province.name}”.")


@units.command("export")
@click.option("--province", "ref", default=None, help="Tỉnh, thành phố (tên, mã hoặc số).")
@click.argument("file", type=click.File("wb"))
def units_export(ref: str | None, file) -> None:
    """Write the province's unit tree to FILE (.csv, the import format; "-" for the screen)."""
    province = _province(ref)
    file.write(imports.export_csv(province.id))
    if file.name != "<stdout>":
        click.echo(f"Đã ghi các đơn vị của “{province.name}” vào {file.name}.", err=True)
