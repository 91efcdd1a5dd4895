"""Pure rules of the unit tree: the kinds of unit."""

from __future__ import annotations

import enum


class UnitKind(enum.StrEnum):
    """What kind of body a unit is; the hierarchy itself is data."""

    PROVINCE = "province"  # Ủy ban MTTQ tỉnh / thành phố
    DEPARTMENT = "department"  # ban chuyên môn, e.g. Ban PT-TG
    DISTRICT = "district"  # huyện, thị xã, thành phố thuộc tỉnh
    COMMUNE = "commune"  # xã, phường, thị trấn
    MEMBER_ORG = "member_org"  # tổ chức thành viên
