"""The unit tree: any depth, each unit with a kind and an optional official code."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from editorial.extensions import db
from editorial.models_base import enum_column
from editorial.text import fold
from editorial.units.rules import UnitKind


class Unit(db.Model):
    """A body in the Front's tree that owns plans, is assigned slots, or employs users."""

    __tablename__ = "units"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    short_name: Mapped[str] = mapped_column(String(80), default="")
    name_folded: Mapped[str] = mapped_column(String(200), index=True)
    kind: Mapped[UnitKind] = mapped_column(enum_column(UnitKind))
    code: Mapped[str | None] = mapped_column(String(20), unique=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)
    position: Mapped[int] = mapped_column(default=0)

    parent: Mapped[Unit | None] = relationship(remote_side=[id], back_populates="children")
    children: Mapped[list[Unit]] = relationship(back_populates="parent", order_by="Unit.position")

    @validates("name")
    def _fold_name(self, _key: str, value: str) -> str:
        """Keep the diacritic-free copy used by search in step with the name."""
        self.name_folded = fold(value)
        return value

    @property
    def label(self) -> str:
        """The short name where there is one, else the full name."""
        return self.short_name or self.name

    def __repr__(self) -> str:
        return f"<Unit {self.id} {self.name!r} {self.kind}>"
