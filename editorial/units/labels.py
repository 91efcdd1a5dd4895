"""The words shown for unit kinds."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from editorial.units.rules import UnitKind

KIND_LABELS = {
    UnitKind.PROVINCE: _l("Cấp tỉnh"),
    UnitKind.DEPARTMENT: _l("Ban chuyên môn"),
    UnitKind.DISTRICT: _l("Cấp huyện"),
    UnitKind.COMMUNE: _l("Cấp xã"),
    UnitKind.MEMBER_ORG: _l("Tổ chức thành viên"),
}

IMPORT_ACTIONS = {
    "new": _l("Thêm mới"),
    "update": _l("Cập nhật"),
    "unchanged": _l("Không đổi"),
}
