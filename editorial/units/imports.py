"""Importing and exporting a province's units: the database side of `units.importing`.

Load the province's units as the pure preview sees them, add what only the database knows
(the one root, codes taken in other provinces), save a clean preview in one transaction, and
write the tree back in the same format."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace

from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from editorial.audit.services import record
from editorial.errors import Conflict, RuleViolation
from editorial.extensions import db
from editorial.units import importing, scope
from editorial.units.importing import ExistingUnit, Link, PreviewRow
from editorial.units.models import Unit
from editorial.units.rules import UnitKind
from editorial.units.services import unit_values
from editorial.units.tree import depth_first

MAX_BYTES = 300_000  # a few thousand rows; its base64 copy still fits in a form field


@dataclass(frozen=True)
class Check:
    """A file's preview against one province: every row, and whether it may be saved."""

    rows: list[PreviewRow]

    @property
    def ok(self) -> bool:
        return not importing.has_errors(self.rows)

    @property
    def changes(self) -> int:
        """How many rows would add or change a unit."""
        return sum(row.action != "unchanged" for row in self.rows)

    @property
    def fingerprint(self) -> str:
        """A digest of what saving would do, to notice a change between preview and confirm."""
        plan = [(r.line, r.action, r.existing_id, r.unit, r.errors) for r in self.rows]
        return hashlib.sha256(repr(plan).encode()).hexdigest()


def units_of(province_id: int) -> list[Unit]:
    """The province's units in tree order."""
    query = select(Unit).where(Unit.in_province(province_id)).options(
        selectinload(Unit.formed_from))
    units = db.session.scalars(query).all()
    ordered = depth_first(units, lambda u: u.id, lambda u: u.parent_id,
                          key=lambda u: (u.position, u.id))
    return [unit for unit, _depth in ordered]


def existing_units(province_id: int) -> list[ExistingUnit]:
    """The province's units as the import compares them (references by code, else name)."""
    units = units_of(province_id)
    ref = {unit.id: unit.code or unit.name for unit in units}
    return [ExistingUnit(
        unit.id, unit.name, unit.short_name, unit.kind.value, unit.code,
        ref.get(unit.parent_id) if unit.parent_id else None, unit.valid_from, unit.valid_to,
        tuple(ref.get(p.id, p.code or p.name) for p in unit.formed_from)) for unit in units]


def export_csv(province_id: int) -> bytes:
    """The province's tree as a unit file (.csv), ready to edit and import again."""
    return importing.write_csv(existing_units(province_id))


def check(data: bytes, filename: str, province: Unit) -> Check:
    """What importing the file into the province would do, row by row (ValueError when the
    file cannot be read at all)."""
    if len(data) > MAX_BYTES:
        raise ValueError(_("Tệp quá lớn (tối đa %(n)s KB).", n=MAX_BYTES // 1000))
    rows = importing.preview(importing.read_rows(data, filename), existing_units(province.id))
    if not rows:
        raise ValueError(_("Tệp không có dòng đơn vị nào."))
    taken = _codes_elsewhere(province.id, {row.unit.code for row in rows if row.unit.code})
    return Check([_with_province_rules(row, province, taken) for row in rows])


def _codes_elsewhere(province_id: int, codes: set[str]) -> set[str]:
    """The codes among `codes` that units of other provinces hold (codes are unique on the
    server, so this looks past the request's province filter, which would hide them)."""
    if not codes:
        return set()
    query = select(Unit.code).where(Unit.code.in_(codes),
                                    func.coalesce(Unit.province_id, Unit.id) != province_id)
    with scope.inside(None):
        return set(db.session.scalars(query))


def _with_province_rules(row: PreviewRow, province: Unit, taken: set[str]) -> PreviewRow:
    """The row with the errors that only the database can see."""
    errors = []
    is_root = row.existing_id == province.id
    if is_root and (row.unit.parent or row.unit.kind != UnitKind.PROVINCE):
        errors.append(_("“%(name)s” là Ủy ban MTTQ tỉnh, thành phố: loại “province”, không có "
                        "đơn vị cấp trên.", name=province.name))
    elif not is_root and not row.unit.parent:
        errors.append(_("Thiếu đơn vị cấp trên. Chỉ “%(name)s” đứng đầu cây đơn vị; nếu dòng "
                        "này là chính nó, hãy ghi đúng tên hoặc mã của nó.", name=province.name))
    if row.unit.code in taken:
        errors.append(_("Mã “%(code)s” đã được một đơn vị của tỉnh, thành phố khác dùng.",
                        code=row.unit.code))
    return replace(row, errors=row.errors + tuple(errors)) if errors else row


def confirm(actor, province: Unit, data: bytes, filename: str, fingerprint: str) -> int:
    """Save the file the admin saw in the preview; Conflict when the preview would now differ
    (someone changed the units meanwhile), RuleViolation when a row has an error."""
    try:
        found = check(data, filename, province)
    except ValueError as error:
        raise RuleViolation(str(error)) from None
    if not found.ok:
        raise RuleViolation(_("Tệp còn dòng có lỗi; chưa lưu gì."))
    if found.fingerprint != fingerprint:
        raise Conflict(_("Các đơn vị vừa thay đổi sau khi xem trước; hãy xem lại rồi xác nhận."))
    return save(actor, province, found)


def save(actor, province: Unit, found: Check) -> int:
    """Add and change the units of a clean preview, parents first, then the formed-from links
    (one flush; the caller commits once). Returns how many units were added or changed."""
    if not found.ok:
        raise RuleViolation(_("Tệp còn dòng có lỗi; chưa lưu gì."))
    by_id = {unit.id: unit for unit in units_of(province.id)}
    made: dict[int, Unit] = {}
    positions = _last_positions(province.id)
    for row in importing.save_order(found.rows):
        made[row.line] = _save_row(actor, row, by_id, made, positions)
    for row in found.rows:
        _link_predecessors(actor, made[row.line], row.formed_from_links, by_id, made)
    db.session.flush()
    return found.changes


def _target(link: Link | None, by_id: dict[int, Unit], made: dict[int, Unit]) -> Unit | None:
    """The unit a reference points to: a row saved above, or an existing unit."""
    if link is None:
        return None
    return made[link.line] if link.line is not None else by_id[link.unit_id]


def _last_positions(province_id: int) -> dict[int | None, int]:
    """The last sibling position under each parent of the province."""
    query = (select(Unit.parent_id, func.max(Unit.position))
             .where(Unit.in_province(province_id)).group_by(Unit.parent_id))
    return {parent: last for parent, last in db.session.execute(query)}


def _save_row(actor, row: PreviewRow, by_id: dict[int, Unit], made: dict[int, Unit],
              positions: dict[int | None, int]) -> Unit:
    """Create or change the unit of one row (audited); an unchanged row is left alone."""
    unit = by_id.get(row.existing_id) if row.existing_id is not None else None
    if row.action == "unchanged" and unit is not None:
        return unit
    before = unit_values(unit) if unit is not None else None
    parent = _target(row.parent_link, by_id, made)
    if unit is None:
        unit = Unit(name=row.unit.name, kind=UnitKind(row.unit.kind))
        db.session.add(unit)
    if unit.id is None or unit.parent_id != (parent.id if parent else None):
        key = parent.id if parent else None
        positions[key] = unit.position = positions.get(key, -1) + 1
    parsed = row.unit
    unit.name, unit.short_name, unit.kind = parsed.name, parsed.short_name, UnitKind(parsed.kind)
    unit.code, unit.valid_from, unit.valid_to = parsed.code, parsed.valid_from, parsed.valid_to
    unit.parent = parent
    db.session.flush()
    after = unit_values(unit)
    if before != after:
        record(actor, "unit.update" if before else "unit.create", unit, before=before,
               after=after, unit_id=unit.id, note="import")
    return unit


def _link_predecessors(actor, unit: Unit, links: tuple[Link, ...], by_id: dict[int, Unit],
                       made: dict[int, Unit]) -> None:
    """Set the units `unit` was formed from to those the row names (audited when changed)."""
    wanted = [_target(link, by_id, made) for link in links]
    before = sorted(p.id for p in unit.formed_from)
    if before != sorted(p.id for p in wanted):
        unit.formed_from = wanted
        record(actor, "unit.lineage", unit, before={"formed_from": before},
               after={"formed_from": sorted(p.id for p in wanted)}, unit_id=unit.id,
               note="import")
