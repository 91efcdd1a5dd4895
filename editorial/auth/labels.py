"""The words shown for roles."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from editorial.auth.rules import Role

ROLE_LABELS = {
    Role.OFFICER: _l("Cán bộ đơn vị"),
    Role.EDITOR: _l("Biên tập viên"),
    Role.ADMIN: _l("Quản trị"),
    Role.VIEWER: _l("Người xem"),
}
