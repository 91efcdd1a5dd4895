"""A province from zero: its committee (a root unit), its settings and its first admin.

Run again with the same province and admin it changes nothing; a province that already has
another admin is refused, so nobody takes a running province over from the command line."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy import func, select

from editorial.auth.models import User
from editorial.auth.rules import Role
from editorial.auth.services import create_user
from editorial.errors import RuleViolation
from editorial.extensions import db
from editorial.text import fold
from editorial.units import settings
from editorial.units.models import Unit
from editorial.units.rules import DutyTable, UnitKind
from editorial.units.services import save_unit

NOTE = "flask setup"


@dataclass(frozen=True)
class Setup:
    """What `set_up` found or made; `created` names what is new ("province", "settings",
    "admin"), empty when nothing changed."""

    province: Unit
    admin: User
    created: tuple[str, ...]


def provinces() -> list[Unit]:
    """Every province committee (the roots of the tree), by name."""
    query = select(Unit).where(Unit.parent_id.is_(None), Unit.kind == UnitKind.PROVINCE)
    return sorted(db.session.scalars(query), key=lambda unit: fold(unit.name))


def find_province(ref: str, fuzzy: bool = True) -> Unit | None:
    """The province committee with this name, short name, official code or id, else (when
    `fuzzy`) the one whose name contains `ref`, without diacritics; None when none or several."""
    key, roots = fold(ref.strip()), provinces()
    if not key:
        return None
    exact = [unit for unit in roots if key in {
        fold(unit.name), fold(unit.short_name), fold(unit.code or ""), str(unit.id)}]
    near = exact or [unit for unit in roots if fuzzy and key in fold(unit.name)]
    return near[0] if len(near) == 1 else None


def set_up(name: str, login: str, password: Callable[[], str], name_of_admin: str = "") -> Setup:
    """Create the province `name` with default settings and its admin `login`, or find them.

    `password` is asked for only when the admin is created. Refused (RuleViolation) when the
    province already has admins and `login` is not one of them, or the login is taken."""
    name, login = " ".join(name.split()), login.strip()
    if not name or not login:
        raise RuleViolation(_("Hãy ghi tên tỉnh, thành phố và tên đăng nhập của quản trị viên."))
    created: list[str] = []
    province = find_province(name, fuzzy=False)  # a new province's name may contain another's
    if province is None:
        _check_login_free(login)
        province = save_unit(None, None, name=name, short_name="", kind=UnitKind.PROVINCE,
                             parent_id=None, code=None)
        created.append("province")
    if settings.settings_of(province.id) is None:
        settings.save(None, province.id, None, DutyTable())
        created.append("settings")
    admin = _admin(province, login)
    if admin is None:
        admin = create_user(login, name_of_admin or login, Role.ADMIN, province, password(),
                            note=NOTE)
        created.append("admin")
    return Setup(province, admin, tuple(created))


def _admin(province: Unit, login: str) -> User | None:
    """The province's admin with this login; None when the province has no admin yet.
    Refused when it has others: the first admin adds the next ones in the browser."""
    query = select(User).join(User.unit).where(
        User.role == Role.ADMIN, Unit.in_province(province.id))
    admins = list(db.session.scalars(query.order_by(User.login)))
    mine = [user for user in admins if user.login.lower() == login.lower()]
    if mine or not admins:
        return mine[0] if mine else _check_login_free(login)
    raise RuleViolation(_(
        "“%(province)s” đã có quản trị viên: %(logins)s. Lệnh này không tạo thêm quản trị "
        "viên “%(login)s”; hãy đăng nhập bằng tài khoản quản trị đã có và thêm người dùng ở "
        "trang Quản trị.", province=province.name, logins=", ".join(u.login for u in admins),
        login=login))


def _check_login_free(login: str) -> None:
    """Refuse a login that somebody (of any province) already has, before asking a password."""
    if db.session.scalar(select(User.id).where(func.lower(User.login) == login.lower())):
        raise RuleViolation(_("Tên đăng nhập “%(login)s” đã được dùng.", login=login))
