"""Load the demo: Cần Thơ today (the living demo) beside Sóc Trăng 2023 (the historical data
set). Every step finds what exists before it creates, so loading twice changes nothing."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from editorial.auth.models import User
from editorial.demo import current, historical
from editorial.extensions import db


def load_demo(today: date) -> None:
    """Load both demo provinces."""
    historical.load()
    current.load(today)


def demo_logins() -> list[tuple[str, str, str]]:
    """(login, role, unit) of every demo user, Cần Thơ's first, for `make run` to print."""
    order = {login: i for i, login in enumerate(current.logins() + historical.logins())}
    users = db.session.scalars(select(User).where(User.login.in_(order)))
    return [(u.login, u.role.value, u.unit.name)
            for u in sorted(users, key=lambda u: order[u.login])]
