"""`flask calendar show YEAR [--province P] [--json]`: the year's key dates as the app computes
them (with a province, with that province's own calendar data)."""

from __future__ import annotations

import json
from datetime import date

import click
from flask.cli import AppGroup

from editorial.calendar.dates import dmy
from editorial.errors import DomainError
from editorial.observances.services import key_dates
from editorial.units import scope
from editorial.units.services import find_unit

calendar = AppGroup("calendar", help="Lịch: các ngày then chốt của một năm.")


def _iso(value: object) -> object:
    """Dates as ISO text, everything else as is (for the JSON output)."""
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {value!r}")


@calendar.command("show")
@click.argument("year", type=click.IntRange(1900, 2199))
@click.option("--json", "as_json", is_flag=True, help="In dạng JSON (ngày theo ISO 8601).")
@click.option("--province", "province_ref", default="",
              help="Tỉnh, thành phố (tên hoặc mã số): áp dụng dữ liệu lịch riêng của tỉnh.")
def show(year: int, as_json: bool, province_ref: str) -> None:
    """The deadlines, Tết, Giỗ Tổ, Khmer New Year, days off, working weekends and
    anniversaries of YEAR, with the admins' exceptions applied (and, with --province, that
    province's own anniversaries, report rules and deadline rule)."""
    try:
        province = find_unit(province_ref).root_id if province_ref else None
    except DomainError as error:
        raise click.ClickException(str(error)) from None
    with scope.inside(province):
        dates = key_dates(year)
    if as_json:
        click.echo(json.dumps(dates, default=_iso, ensure_ascii=False, indent=2))
        return
    click.echo(f"Năm {year}: Tết {dmy(dates['tet'])}, Giỗ Tổ Hùng Vương {dmy(dates['gio_to'])}, "
               f"Tết Chôl Chnăm Thmây {', '.join(dmy(d) for d in dates['khmer_new_year'])}")
    click.echo("Hạn đăng ký chủ đề:")
    for month, due in dates["deadlines"].items():
        click.echo(f"  {month}: {dmy(due)}")
    click.echo("Ngày nghỉ (thứ Hai – thứ Sáu):")
    for row in dates["days_off"]:
        click.echo(f"  {dmy(row['date'])}  {row['reason']}")
    click.echo("Ngày làm việc cuối tuần:")
    for row in dates["working_weekends"]:
        click.echo(f"  {dmy(row['date'])}  {row['reason']}")
    click.echo("Ngày kỷ niệm:")
    for row in dates["anniversaries"]:
        click.echo(f"  {dmy(row['date'])}  {row['title']}")
