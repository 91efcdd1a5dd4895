"""Parse the admin's user and unit forms into values; every error is a Vietnamese sentence."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from flask_babel import gettext as _

from editorial.auth.models import User
from editorial.auth.rules import Role
from editorial.errors import RuleViolation
from editorial.units.models import Unit
from editorial.units.rules import UnitKind

LOGIN = re.compile(r"[A-Za-z0-9._-]{2,80}")
MAX_ID = 2**31 - 1  # larger ids exist nowhere; refuse them before the database sees them


def _text(form: Mapping[str, str], name: str, label: str, limit: int,
          required: bool = True) -> str:
    value = " ".join((form.get(name) or "").split())
    if required and not value:
        raise RuleViolation(_("Vui lòng nhập %(what)s.", what=label.lower()))
    if len(value) > limit:
        raise RuleViolation(_("%(what)s quá dài (tối đa %(n)s ký tự).", what=label, n=limit))
    return value


def _id(form: Mapping[str, str], name: str, label: str, required: bool = True) -> int | None:
    raw = (form.get(name) or "").strip()
    if not raw and not required:
        return None
    if not raw.isdecimal() or not 0 < int(raw) <= MAX_ID:
        raise RuleViolation(_("Hãy chọn %(what)s.", what=label.lower()))
    return int(raw)


def _role(form: Mapping[str, str]) -> Role:
    if form.get("role") not in Role._value2member_map_:
        raise RuleViolation(_("Hãy chọn vai trò."))
    return Role(form["role"])


def _login(form: Mapping[str, str]) -> str:
    login = (form.get("login") or "").strip()
    if not LOGIN.fullmatch(login):
        raise RuleViolation(_("Tên đăng nhập gồm 2–80 ký tự: chữ không dấu, chữ số, dấu chấm, "
                              "gạch dưới hoặc gạch ngang."))
    return login


@dataclass(frozen=True)
class UserEdit:
    """What an admin changes on a user: name, role, unit, active."""

    name: str
    role: Role
    unit_id: int
    active: bool

    @classmethod
    def parse(cls, form: Mapping[str, str]) -> UserEdit:
        return cls(_text(form, "name", _("Họ tên"), 120), _role(form),
                   _id(form, "unit_id", _("Đơn vị công tác")), form.get("active") == "on")


@dataclass(frozen=True)
class NewUser:
    """A user to create; the password's length is checked by the service."""

    login: str
    name: str
    role: Role
    unit_id: int
    password: str

    @classmethod
    def parse(cls, form: Mapping[str, str]) -> NewUser:
        return cls(_login(form), _text(form, "name", _("Họ tên"), 120), _role(form),
                   _id(form, "unit_id", _("Đơn vị công tác")), form.get("password") or "")


@dataclass(frozen=True)
class UnitInput:
    """A unit's fields, for a new unit or a changed one."""

    name: str
    short_name: str
    kind: UnitKind
    parent_id: int | None
    code: str | None

    @classmethod
    def parse(cls, form: Mapping[str, str]) -> UnitInput:
        if form.get("kind") not in UnitKind._value2member_map_:
            raise RuleViolation(_("Hãy chọn loại đơn vị."))
        return cls(_text(form, "name", _("Tên đơn vị"), 200),
                   _text(form, "short_name", _("Tên viết tắt"), 80, required=False),
                   UnitKind(form["kind"]), _id(form, "parent_id", _("Đơn vị cấp trên"),
                                               required=False),
                   _text(form, "code", _("Mã đơn vị"), 20, required=False) or None)


def user_values(user: User) -> dict[str, str]:
    """A user's current values as the edit form shows them."""
    return {"name": user.name, "role": user.role.value, "unit_id": str(user.unit_id),
            "active": "on" if user.active else ""}


def unit_values(unit: Unit) -> dict[str, str]:
    """A unit's current values as the edit form shows them."""
    return {"name": unit.name, "short_name": unit.short_name, "kind": unit.kind.value,
            "parent_id": str(unit.parent_id or ""), "code": unit.code or ""}
