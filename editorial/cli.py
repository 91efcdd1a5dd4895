"""`flask` commands for admins, tests and scripts: demo, users; the rest from the features."""

from __future__ import annotations

import click
from flask import Flask
from flask.cli import AppGroup

from editorial import clock
from editorial.auth.rules import Role
from editorial.errors import DomainError
from editorial.extensions import db

demo = AppGroup("demo", help="Dữ liệu mẫu (thành phố Cần Thơ hiện nay, tỉnh Sóc Trăng 2023).")
users = AppGroup("users", help="Người dùng.")


@demo.command("load")
def demo_load() -> None:
    """Load the demo province (idempotent: a second run changes nothing)."""
    from editorial.demo.services import load_demo

    load_demo(clock.today())
    db.session.commit()
    click.echo("Đã nạp dữ liệu mẫu: thành phố Cần Thơ và tỉnh Sóc Trăng (2023).")


@demo.command("logins")
def demo_logins() -> None:
    """Print the demo logins and their password."""
    from editorial.demo.loading import PASSWORD
    from editorial.demo.services import demo_logins as logins

    click.echo(f"Tài khoản mẫu (mật khẩu chung: {PASSWORD}):")
    for login, role, unit in logins():
        click.echo(f"  {login:<12} {role:<8} {unit}")
    click.echo("Mở http://127.0.0.1:5000 trong trình duyệt.")


@users.command("create")
@click.argument("login")
@click.option("--role", type=click.Choice([r.value for r in Role]), required=True)
@click.option("--unit", "unit_ref", required=True, help="Tên đơn vị hoặc mã số.")
@click.option("--password", required=True)
@click.option("--name", default="", help="Họ tên (mặc định: tên đăng nhập).")
def users_create(login: str, role: str, unit_ref: str, password: str, name: str) -> None:
    """Create a user (audited as user.create, by nobody: the command line)."""
    from editorial.auth.services import create_user
    from editorial.units.services import find_unit

    try:
        user = create_user(login, name or login, Role(role), find_unit(unit_ref), password,
                           note="flask users create")
    except DomainError as error:
        raise click.ClickException(str(error)) from None
    db.session.commit()
    click.echo(f"Đã tạo người dùng {user.login} ({user.role.value}, {user.unit.name}).")


def register(app: Flask) -> None:
    """Add the command groups to the app's CLI."""
    from editorial.jobs.cli import scheduler
    from editorial.observances.cli import calendar
    from editorial.ops.cli import backup, restore
    from editorial.plans.cli import plans
    from editorial.units.cli import setup, units

    for group in (setup, demo, users, units, scheduler, calendar, plans, backup, restore):
        app.cli.add_command(group)
