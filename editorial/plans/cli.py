"""`flask plans import FILE --year Y [--province P] [--yes]`: the web import's preview, printed,
then saved on --yes or a confirmed prompt."""

from __future__ import annotations

from pathlib import Path

import click
from flask.cli import AppGroup
from sqlalchemy import select

from editorial.audit import services as audit
from editorial.errors import DomainError
from editorial.extensions import db
from editorial.plans import import_form, imports
from editorial.text import fold
from editorial.units import scope
from editorial.units.models import Unit
from editorial.units.services import find_unit

plans = AppGroup("plans", help="Kế hoạch năm.")


def _province(ref: str | None) -> Unit:
    """The province named (id, or a unique part of a province's name), or the only one."""
    roots = db.session.scalars(select(Unit).where(Unit.province_id.is_(None))).all()
    if ref:
        named = [u for u in roots if ref.strip() == str(u.id) or fold(ref) in u.name_folded]
        roots = named or [db.session.get(Unit, find_unit(ref).root_id)]
    if len(roots) != 1:
        raise click.ClickException("Không rõ tỉnh nào: hãy ghi --province (tên hoặc mã số).")
    return roots[0]


def preview_lines(found: imports.ImportPreview) -> list[str]:
    """The preview as text, a row a line, its problems under it."""
    lines = [f"Kế hoạch năm {found.request.year}: {found.title}"]
    lines += [f"  ! {p}" for p in found.problems]
    for r in found.rows:
        done = " (Đã thực hiện)" if r.row.done else ""
        month = r.row.month if r.row.month is not None else r.row.month_text
        unit = found.unit_label(r) or r.row.unit_text
        channels = ", ".join(c.value for c in found.channels_of(r))
        lines.append(f"{r.row.number:>3}. Tháng {month} · {r.row.content} · {unit}{done}"
                     f" [{channels}]")
        lines += [f"     ! {p}" for p in r.problems]
    return lines


@plans.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--year", type=click.IntRange(2000, 2100), required=True)
@click.option("--province", "province_ref", help="Tỉnh (tên hoặc mã số); mặc định: tỉnh duy nhất.")
@click.option("--channel", "channels", multiple=True,
              default=[c.value for c in import_form.DEFAULT_CHANNELS], show_default=True,
              help="Kênh (radio_tv, newspaper, website); ghi nhiều lần cho nhiều kênh.")
@click.option("--title", default="", help="Tên kế hoạch (mặc định: tiêu đề trong tệp).")
@click.option("--yes", is_flag=True, help="Lưu ngay, không hỏi lại.")
def import_plan(file: Path, year: int, province_ref: str | None, channels: tuple[str, ...],
                title: str, yes: bool) -> None:
    """Import the plan table of a .docx or .xlsx FILE as a draft plan of YEAR."""
    try:
        province = _province(province_ref)
        scope.enter(province.id)
        request = imports.ImportRequest(file.read_bytes(), file.name, year,
                                        import_form.parse_channels(channels), title)
        found = imports.preview(request, province.id)
    except DomainError as error:
        raise click.ClickException(str(error)) from None
    click.echo("\n".join(preview_lines(found)))
    if not found.ok:
        raise click.ClickException("Tệp còn lỗi; chưa lưu gì.")
    if not yes and not click.confirm(f"Lưu {len(found.rows)} dòng thành kế hoạch nháp?"):
        click.echo("Chưa lưu gì.")
        return
    plan = imports.save(found)
    audit.record(None, "plan.import", plan, unit_id=plan.unit_id, note="flask plans import",
                 after={"year": year, "rows": len(found.rows), "file": file.name})
    db.session.commit()
    click.echo(f"Đã lưu kế hoạch nháp năm {year} ({len(found.rows)} dòng).")
