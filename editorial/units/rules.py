"""Pure rules of the unit tree: the kinds of unit, and who owes what in a province."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from editorial.calendar.reports import WEBSITE_QUOTA, Quota


class UnitKind(enum.StrEnum):
    """What kind of body a unit is; the hierarchy itself is data."""

    PROVINCE = "province"  # Ủy ban MTTQ tỉnh / thành phố
    DEPARTMENT = "department"  # ban chuyên môn, e.g. Ban PT-TG
    DISTRICT = "district"  # huyện, thị xã, thành phố thuộc tỉnh (until 30/6/2025)
    COMMUNE = "commune"  # xã, phường, đặc khu (thị trấn until 2025)
    MEMBER_ORG = "member_org"  # tổ chức thành viên: Hội LHPN, Đoàn TN, Hội ND, Hội CCB, Công đoàn


# A province that decided nothing yet: today's structure (communes, departments and member
# organizations take plan slots and register; communes owe the seed's website quota).
TODAY_ASSIGNABLE = (UnitKind.COMMUNE, UnitKind.DEPARTMENT, UnitKind.MEMBER_ORG)
TODAY_QUOTAS = {UnitKind.COMMUNE: WEBSITE_QUOTA}
ALL_UNITS_WORDS = "Tất cả các đơn vị"


def parse_kinds(text: str | Iterable[str]) -> tuple[UnitKind, ...]:
    """"commune,member_org" (or a list) → the kinds, unknown words dropped, order kept."""
    words = text.split(",") if isinstance(text, str) else text
    known = [UnitKind(w.strip()) for w in words if w.strip() in UnitKind._value2member_map_]
    return tuple(dict.fromkeys(known))


@dataclass(frozen=True, slots=True)
class DutyTable:
    """Who owes what in one province: which kinds of unit are given plan slots, which owe a
    registration by the deadline, and each kind's monthly website quota."""

    assignable: tuple[UnitKind, ...] = TODAY_ASSIGNABLE
    registering: tuple[UnitKind, ...] = TODAY_ASSIGNABLE
    quotas: Mapping[UnitKind, Quota] = field(default_factory=lambda: dict(TODAY_QUOTAS))
    all_units_label: str = ALL_UNITS_WORDS

    @classmethod
    def of(cls, assignable: str, registering: str, quotas: Mapping[str, list[int]],
           all_units_label: str = "") -> DutyTable:
        """The table from stored settings; empty settings keep today's defaults."""
        parsed = {UnitKind(k): Quota(int(v[0]), int(v[1])) for k, v in quotas.items()
                  if k in UnitKind._value2member_map_ and len(v) == 2}
        return cls(parse_kinds(assignable) or TODAY_ASSIGNABLE,
                   parse_kinds(registering) or parse_kinds(assignable) or TODAY_ASSIGNABLE,
                   parsed, all_units_label or ALL_UNITS_WORDS)

    def quota_of(self, kind: str) -> Quota | None:
        """The monthly quota a kind of unit owes, None when it owes none."""
        return self.quotas.get(UnitKind(kind)) if kind in UnitKind._value2member_map_ else None

    def owes_quota(self, kind: str) -> bool:
        return self.quota_of(kind) is not None

    def registers(self, kind: str) -> bool:
        return kind in self.registering

    def stored_quotas(self) -> dict[str, list[int]]:
        """The quotas as the settings row stores them (JSON)."""
        return {k.value: [q.news, q.articles] for k, q in self.quotas.items()}
