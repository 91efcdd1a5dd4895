"""Importing units from a file: what each row would do (new, update, unchanged) and its errors.

Pure: the caller loads the province's units as `ExistingUnit`s, calls `preview`, shows it, and
saves the rows of `save_order` (then their formed-from links) only when `has_errors` is false.
Nothing is ever deleted by an import. The file format lives in `importfile`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field

from editorial.text import fold
from editorial.units.importfile import RawRow, read_rows
from editorial.units.importfile import write_csv as _write_records
from editorial.units.importlinks import Link, Resolver, Target, cycle_errors
from editorial.units.importvalues import ParsedUnit, parse_row

__all__ = [
    "ExistingUnit", "Link", "ParsedUnit", "PreviewRow", "RawRow",
    "has_errors", "preview", "read_rows", "save_order", "write_csv",
]  # fmt: skip


@dataclass(frozen=True)
class ExistingUnit:
    """A unit already in the database, as the import compares it (references are codes)."""

    id: int
    name: str
    short_name: str
    kind: str
    code: str | None
    parent_code: str | None  # the parent's official code, or its name when it has none
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    formed_from: tuple[str, ...] = ()  # codes (or names) of the units it replaced


@dataclass(frozen=True)
class PreviewRow:
    """What one row of the file would do: its values, action, links and errors."""

    line: int
    unit: ParsedUnit
    action: str  # "new", "update" or "unchanged"
    errors: tuple[str, ...]
    existing_id: int | None = None
    parent_link: Link | None = None
    formed_from_links: tuple[Link, ...] = ()


@dataclass
class _Draft:
    """A row while the preview is being worked out."""

    line: int
    unit: ParsedUnit
    errors: list[str]
    existing_id: int | None = None
    parent_link: Link | None = None
    formed_from_links: list[Link] = field(default_factory=list)


def preview(rows: list[RawRow], existing: list[ExistingUnit]) -> list[PreviewRow]:
    """What importing these rows would do to the province's existing units."""
    drafts = [_Draft(raw.line, *parse_row(raw)) for raw in rows]
    _match_existing(drafts, existing)
    _flag_duplicates(drafts)
    resolver = _resolver(drafts, existing)
    for draft in drafts:
        _link(draft, resolver)
    _flag_cycles(drafts, existing, resolver)
    _flag_broken_links(drafts)
    by_id = {unit.id: unit for unit in existing}
    return [_freeze(draft, by_id, resolver) for draft in drafts]


def has_errors(rows: Iterable[PreviewRow]) -> bool:
    """Whether any row has an error, so nothing may be saved."""
    return any(row.errors for row in rows)


def save_order(rows: list[PreviewRow]) -> list[PreviewRow]:
    """The rows without errors, parents first, otherwise in the file's order."""
    by_line = {row.line: row for row in rows if not row.errors}

    def depth(row: PreviewRow) -> int:
        steps, line = 0, _parent_line(row)
        while line in by_line and steps <= len(by_line):  # rows in a cycle have errors
            steps, line = steps + 1, _parent_line(by_line[line])
        return steps

    return sorted(by_line.values(), key=lambda row: (depth(row), row.line))


def write_csv(units: Iterable[ExistingUnit]) -> bytes:
    """The units as a .csv file in the import format, for Excel and for re-import."""
    return _write_records(
        (
            unit.name, unit.short_name, str(unit.kind), unit.parent_code or "", unit.code or "",
            _iso(unit.valid_from), _iso(unit.valid_to), "; ".join(unit.formed_from),
        )
        for unit in units
    )  # fmt: skip


def _parent_line(row: PreviewRow) -> int | None:
    """The line of the row's parent when the parent is in the file."""
    return row.parent_link.line if row.parent_link else None


def _iso(day: dt.date | None) -> str:
    """A date as yyyy-mm-dd, empty when open."""
    return day.isoformat() if day else ""


def _match_existing(drafts: list[_Draft], existing: list[ExistingUnit]) -> None:
    """Pair rows with existing units: by code, else by folded name and kind."""
    by_code = {fold(unit.code): unit.id for unit in existing if unit.code}
    by_name: dict[tuple[str, str], list[ExistingUnit]] = {}
    for unit in existing:
        by_name.setdefault((fold(unit.name), str(unit.kind)), []).append(unit)
    for draft in drafts:
        code, key = draft.unit.code, (fold(draft.unit.name), draft.unit.kind or "")
        if code and fold(code) in by_code:
            draft.existing_id = by_code[fold(code)]
            continue
        # A row with a code may give one to a unit that had none; never take another's.
        same = [unit for unit in by_name.get(key, []) if not (code and unit.code)]
        if same:
            draft.existing_id = same[0].id


def _flag_duplicates(drafts: list[_Draft]) -> None:
    """Flag the second and later rows with the same code, or naming the same unit."""
    seen: dict[object, int] = {}
    for draft in drafts:
        unit = draft.unit
        key = ("code", fold(unit.code)) if unit.code else ("name", fold(unit.name), unit.kind)
        if key in seen:
            draft.errors.append(_duplicate_message(unit, seen[key]))
        elif draft.existing_id is not None and ("id", draft.existing_id) in seen:
            line = seen[("id", draft.existing_id)]
            draft.errors.append(f"Dòng {line} đã cập nhật đơn vị này.")
        seen.setdefault(key, draft.line)
        if draft.existing_id is not None:
            seen.setdefault(("id", draft.existing_id), draft.line)


def _duplicate_message(unit: ParsedUnit, line: int) -> str:
    """The error for a row that repeats the unit of an earlier row."""
    if unit.code:
        return f"Mã “{unit.code}” trùng với dòng {line}."
    return f"Đơn vị “{unit.name}” trùng với dòng {line}; hãy ghi mã để phân biệt."


def _resolver(drafts: list[_Draft], existing: list[ExistingUnit]) -> Resolver:
    """References resolve to rows of the file first, then to existing units not in it."""
    claimed = {draft.existing_id for draft in drafts}
    targets = [
        Target(d.unit.name, d.unit.short_name, d.unit.code, d.line, d.existing_id) for d in drafts
    ]
    targets += [
        Target(unit.name, unit.short_name, unit.code, None, unit.id)
        for unit in existing
        if unit.id not in claimed
    ]
    return Resolver(targets)


def _link(draft: _Draft, resolver: Resolver) -> None:
    """Resolve the row's parent and formed-from references, noting what is not found."""
    me = (draft.line, draft.existing_id)
    if ref := draft.unit.parent:
        draft.parent_link = resolver.find(ref, "parent", draft.errors)
        if draft.parent_link and draft.parent_link.key == me:
            draft.errors.append("Đơn vị không thể là cấp trên của chính nó.")
    for ref in draft.unit.formed_from:
        link = resolver.find(ref, "formed_from", draft.errors)
        if link and link.key == me:
            draft.errors.append("Đơn vị không thể hình thành từ chính nó.")
        elif link:
            draft.formed_from_links.append(link)


def _flag_cycles(drafts: list[_Draft], existing: list[ExistingUnit], resolver: Resolver) -> None:
    """Flag every row whose chain of parents, in the file and the database, comes back to it."""
    errors = cycle_errors(*_combined_tree(drafts, existing, resolver))
    for draft in drafts:
        if message := errors.get(("line", draft.line)):
            draft.errors.append(message)


def _combined_tree(
    drafts: list[_Draft], existing: list[ExistingUnit], resolver: Resolver
) -> tuple[dict[Hashable, Hashable | None], dict[Hashable, str]]:
    """Each unit's parent and name, the file's rows standing in for the units they update."""
    in_file = {draft.existing_id for draft in drafts}
    parents: dict[Hashable, Hashable | None] = {}
    names: dict[Hashable, str] = {}
    for unit in (unit for unit in existing if unit.id not in in_file):
        link = resolver.find_quietly(unit.parent_code)
        parents[("id", unit.id)], names[("id", unit.id)] = (link.node if link else None), unit.name
    for draft in drafts:
        link = draft.parent_link
        parents[("line", draft.line)] = link.node if link else None
        names[("line", draft.line)] = draft.unit.name
    return parents, names


def _flag_broken_links(drafts: list[_Draft]) -> None:
    """Flag rows whose parent or predecessor is a row with errors, since it will not be saved."""
    by_line = {draft.line: draft for draft in drafts}
    changed = True
    while changed:
        changed = False
        for draft in drafts:
            links = [draft.parent_link, *draft.formed_from_links]
            broken = [by_line[link.line] for link in links if link and link.line in by_line]
            broken = [d for d in broken if d.errors and d is not draft]
            if broken and not draft.errors:
                draft.errors.append(f"Dòng {broken[0].line} (“{broken[0].unit.name}”) có lỗi.")
                changed = True


def _freeze(draft: _Draft, by_id: dict[int, ExistingUnit], resolver: Resolver) -> PreviewRow:
    """The finished preview row, with its action."""
    current = by_id.get(draft.existing_id) if draft.existing_id is not None else None
    if current is None:
        action = "new"
    else:
        action = "unchanged" if _same(draft, current, resolver) else "update"
    return PreviewRow(
        draft.line, draft.unit, action, tuple(draft.errors), draft.existing_id,
        draft.parent_link, tuple(draft.formed_from_links),
    )  # fmt: skip


def _same(draft: _Draft, current: ExistingUnit, resolver: Resolver) -> bool:
    """Whether saving the row would change nothing in the existing unit."""
    unit = draft.unit
    values = (unit.name, unit.short_name, unit.kind, unit.code, unit.valid_from, unit.valid_to)
    was = (current.name, current.short_name, str(current.kind), current.code,
           current.valid_from, current.valid_to)  # fmt: skip
    parent = resolver.find_quietly(current.parent_code)
    before = {_unit_id(resolver.find_quietly(ref)) for ref in current.formed_from}
    after = {_unit_id(link) for link in draft.formed_from_links}
    return values == was and _unit_id(draft.parent_link) == _unit_id(parent) and after == before


def _unit_id(link: Link | None) -> object:
    """The existing unit a link points to; a new row of the file is never equal to anything."""
    if link is None:
        return None
    return link.unit_id if link.unit_id is not None else ("new", link.line)
