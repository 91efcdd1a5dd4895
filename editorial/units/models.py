"""The unit tree of each province: any depth, each unit with a kind, an optional official
code, the dates it exists between and the units it was formed from; and what the province
decided about who owes what."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import Column, Date, ForeignKey, String, Table, Text, or_
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from editorial.extensions import db
from editorial.models_base import enum_column
from editorial.text import fold
from editorial.units.rules import DutyTable, UnitKind

lineage = Table(  # "formed from": a unit and each unit it replaced (merged 2025 communes)
    "unit_lineage", db.metadata,
    Column("unit_id", ForeignKey("units.id", ondelete="CASCADE"), primary_key=True),
    Column("predecessor_id", ForeignKey("units.id", ondelete="CASCADE"), primary_key=True),
)


class Unit(db.Model):
    """A body in the Front's tree that owns plans, is assigned slots, or employs users.

    A province committee is a root (`province_id` empty); every unit below it carries the
    root's id in `province_id`, so one indexed column tells which province a row is of."""

    __tablename__ = "units"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    short_name: Mapped[str] = mapped_column(String(80), default="")
    name_folded: Mapped[str] = mapped_column(String(200), index=True)
    kind: Mapped[UnitKind] = mapped_column(enum_column(UnitKind))
    code: Mapped[str | None] = mapped_column(String(20), unique=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)
    province_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)

    parent: Mapped[Unit | None] = relationship(remote_side=[id], back_populates="children",
                                               foreign_keys=[parent_id])
    children: Mapped[list[Unit]] = relationship(back_populates="parent", order_by="Unit.position",
                                                foreign_keys=[parent_id])
    province: Mapped[Unit | None] = relationship(remote_side=[id], foreign_keys=[province_id])
    formed_from: Mapped[list[Unit]] = relationship(
        secondary=lineage, primaryjoin=lambda: Unit.id == lineage.c.unit_id,
        secondaryjoin=lambda: Unit.id == lineage.c.predecessor_id, order_by="Unit.id")

    @validates("name")
    def _fold_name(self, _key: str, value: str) -> str:
        """Keep the diacritic-free copy used by search in step with the name."""
        self.name_folded = fold(value)
        return value

    @validates("parent")
    def _follow_parent(self, _key: str, parent: Unit | None) -> Unit | None:
        """A unit belongs to its parent's province (a root is a province of its own)."""
        self.province = None if parent is None else (parent.province or parent)
        return parent

    @classmethod
    def in_province(cls, province_id: int):
        """The SQL condition "this unit is of that province" (the root or below it)."""
        return or_(cls.id == province_id, cls.province_id == province_id)

    @property
    def root_id(self) -> int:
        """The id of the province this unit is of."""
        return self.province_id or self.id

    @property
    def label(self) -> str:
        """The short name where there is one, else the full name."""
        return self.short_name or self.name

    def exists_in(self, year: int) -> bool:
        """Whether the unit exists on some day of `year` (open dates: always)."""
        return ((self.valid_from is None or self.valid_from <= date(year, 12, 31))
                and (self.valid_to is None or self.valid_to >= date(year, 1, 1)))

    @classmethod
    def existing_in(cls, year: int | None) -> tuple:
        """The same as SQL conditions (none without a year), for the pickers and the quota."""
        if year is None:
            return ()
        return (or_(cls.valid_from.is_(None), cls.valid_from <= date(year, 12, 31)),
                or_(cls.valid_to.is_(None), cls.valid_to >= date(year, 1, 1)))

    def __repr__(self) -> str:
        return f"<Unit {self.id} {self.name!r} {self.kind}>"


class ProvinceSettings(db.Model):
    """What one province decided: its focal department, who is given plan slots, who owes
    registrations by the deadline and the website quota (news + articles a month, per kind)."""

    __tablename__ = "province_settings"

    province_id: Mapped[int] = mapped_column(ForeignKey("units.id"), primary_key=True)
    focal_unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))
    assignable_kinds: Mapped[str] = mapped_column(String(200), default="")
    registering_kinds: Mapped[str] = mapped_column(String(200), default="")
    quota_json: Mapped[str] = mapped_column(Text, default="{}")
    all_units_label: Mapped[str] = mapped_column(String(200), default="")

    focal_unit: Mapped[Unit | None] = relationship(foreign_keys=[focal_unit_id])

    @property
    def duties(self) -> DutyTable:
        """The settings as the pure rules read them."""
        return DutyTable.of(self.assignable_kinds, self.registering_kinds,
                            json.loads(self.quota_json or "{}"), self.all_units_label)

    def __repr__(self) -> str:
        return f"<ProvinceSettings {self.province_id}>"
