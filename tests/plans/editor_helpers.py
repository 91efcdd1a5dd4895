"""A province of today's structure (communes and member organizations given slots) for the
plan editor's tests, and the editor's form posts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from editorial.auth.rules import Role
from editorial.extensions import db
from editorial.units.models import ProvinceSettings, Unit
from editorial.units.rules import UnitKind
from tests.factories import make_unit, make_user

DECEMBER = date(2027, 12, 20)  # when the 2028 plan is written and published


@dataclass
class Province:
    root: Unit
    focal: Unit
    communes: list[Unit]
    members: list[Unit]


def make_province() -> Province:
    """A province, its focal department, four communes and two member organizations, an
    editor ("bientap") and an officer of the first commune ("xa1"); committed."""
    root = make_unit("Ủy ban MTTQ Việt Nam thành phố Thử", kind=UnitKind.PROVINCE)
    focal = make_unit("Ban Tuyên giáo, Công tác xã hội", kind=UnitKind.DEPARTMENT, parent=root)
    communes = [make_unit(f"Ủy ban MTTQ Việt Nam xã Thử {n}", kind=UnitKind.COMMUNE, parent=root)
                for n in range(1, 5)]
    members = [make_unit(name, kind=UnitKind.MEMBER_ORG, parent=root)
               for name in ("Hội Liên hiệp Phụ nữ thành phố", "Đoàn Thanh niên thành phố")]
    db.session.add(ProvinceSettings(province_id=root.id, focal_unit_id=focal.id,
                                    assignable_kinds="commune,member_org",
                                    registering_kinds="commune,member_org", quota_json="{}"))
    make_user("bientap", Role.EDITOR, focal)
    make_user("xa1", Role.OFFICER, communes[0])
    db.session.commit()
    return Province(root, focal, communes, members)


def new_plan(auth, year: int = 2028, **changes):
    """Post the "create a plan" form."""
    data = {"year": str(year), "title": f"Kế hoạch thông tin, tuyên truyền năm {year}",
            "number": "45/KH-MTTQ-BTT", "signed_on": "15/12/2027", "signer": "Nguyễn Văn Ký",
            "focal_unit": ""}
    return auth.post("/plans/new", dict(data, **changes))


def plan_id_of(response) -> int:
    """The plan id of the editor a creation redirected to."""
    return int(re.search(r"/plans/(\d+)/edit", response.headers["Location"]).group(1))


def add_column(auth, plan_id: int, headers: dict | None = None, **changes):
    data = {"name": "Chuyên trang Mặt trận", "channel": "newspaper", "cadence": "monthly",
            "every_weeks": "", "air_weekday": "", "air_week": "", "air_time": ""}
    return auth.post(f"/plans/{plan_id}/columns", dict(data, **changes), headers=headers)


def add_row(auth, column_id: int, period: date, units: list[str], topic: str = "", **kw):
    data = {"period": period.isoformat(), "topic": topic or f"Chủ đề {period:%m/%Y}",
            "units": units, "note": ""}
    return auth.post(f"/plan-columns/{column_id}/rows", dict(data, **kw))
