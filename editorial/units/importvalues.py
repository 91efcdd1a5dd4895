"""The values of a unit file row: kinds in words or codes, dates in two spellings, lengths.

Pure: no web, no database. Kinds are the plain values of `UnitKind` (a StrEnum), so this
module need not import the models.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from editorial.text import search_key
from editorial.units.importfile import HEADERS, RawRow

KINDS = ("province", "department", "district", "commune", "member_org")
_KIND_WORDS = {
    "province": ("tỉnh", "cấp tỉnh", "thành phố trực thuộc TW", "thành phố trực thuộc trung ương",
                 "thành phố trung ương"),
    "department": ("ban", "ban chuyên môn"),
    "district": ("huyện", "cấp huyện", "quận", "thị xã", "thành phố thuộc tỉnh"),
    "commune": ("xã", "phường", "đặc khu", "thị trấn", "cấp xã"),
    "member_org": ("tổ chức thành viên",),
}  # fmt: skip
KIND_BY_WORD = {search_key(w): kind for kind in KINDS for w in (kind, *_KIND_WORDS[kind])}
# Column widths of the units table, so a long value is refused here and not by the database.
MAX_LENGTHS = {"name": 200, "short_name": 80, "code": 20}
_DMY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


@dataclass(frozen=True)
class ParsedUnit:
    """A row's values with their meaning: a kind code, dates, the formed-from references."""

    name: str
    short_name: str
    kind: str | None
    code: str | None
    parent: str | None
    valid_from: dt.date | None
    valid_to: dt.date | None
    formed_from: tuple[str, ...]


def parse_row(raw: RawRow) -> tuple[ParsedUnit, list[str]]:
    """The parsed values of one row and the errors found in the row alone."""
    errors: list[str] = []
    unit = ParsedUnit(
        name=raw.name,
        short_name=raw.short_name,
        kind=_kind(raw.kind, errors),
        code=raw.code or None,
        parent=raw.parent or None,
        valid_from=_date(raw.valid_from, "valid_from", errors),
        valid_to=_date(raw.valid_to, "valid_to", errors),
        formed_from=split_refs(raw.formed_from),
    )
    return unit, errors + _value_errors(unit)


def parse_kind(text: str) -> str | None:
    """The kind code for a code or a Vietnamese word ("xã", "cấp tỉnh" …), None if unknown."""
    return KIND_BY_WORD.get(search_key(text))


def parse_date(text: str) -> dt.date | None:
    """A date written dd/mm/yyyy or yyyy-mm-dd; ValueError for anything else."""
    if match := _DMY.fullmatch(text):
        day, month, year = (int(part) for part in match.groups())
    elif match := _ISO.fullmatch(text):
        year, month, day = (int(part) for part in match.groups())
    else:
        raise ValueError(text)
    return dt.date(year, month, day)


def split_refs(text: str) -> tuple[str, ...]:
    """The codes or names in a "Hình thành từ" cell, separated by semicolons."""
    return tuple(part.strip() for part in text.split(";") if part.strip())


def _kind(text: str, errors: list[str]) -> str | None:
    """The kind code of a cell, noting an error when it is empty or unknown."""
    if not text:
        errors.append("Thiếu loại đơn vị.")
        return None
    kind = parse_kind(text)
    if kind is None:
        errors.append(f"Loại đơn vị không rõ: “{text}”.")
    return kind


def _date(text: str, field: str, errors: list[str]) -> dt.date | None:
    """The date of a cell (empty means open), noting an error when it is not a date."""
    if not text:
        return None
    try:
        return parse_date(text)
    except ValueError:
        errors.append(f"Ngày không hợp lệ: “{text}” (cột “{HEADERS[field]}”).")
        return None


def _value_errors(unit: ParsedUnit) -> list[str]:
    """Errors in the values themselves: no name, a value too long, dates in the wrong order."""
    errors = [] if unit.name else ["Thiếu tên đơn vị."]
    for field, limit in MAX_LENGTHS.items():
        if len(getattr(unit, field) or "") > limit:
            errors.append(f"Cột “{HEADERS[field]}” dài quá {limit} ký tự.")
    if unit.valid_from and unit.valid_to and unit.valid_to < unit.valid_from:
        errors.append("“Hiệu lực đến” trước “Hiệu lực từ”.")
    return errors
