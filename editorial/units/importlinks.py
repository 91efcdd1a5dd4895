"""References between units in an import: a parent or predecessor named by code or by name.

Pure: no web, no database. A reference is looked up by official code first, then by name or
short name without diacritics; rows of the file come before existing units.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass

from editorial.text import fold

NOT_FOUND = {
    "parent": "Không tìm thấy đơn vị cấp trên “{ref}” (trong tệp hay đã có).",
    "formed_from": "Không tìm thấy đơn vị “{ref}” ở cột “Hình thành từ” (trong tệp hay đã có).",
}
AMBIGUOUS = "“{ref}” khớp với {count} đơn vị; hãy ghi mã thay cho tên."


@dataclass(frozen=True)
class Link:
    """Where a reference points: a row of the file (`line`), an existing unit (`unit_id`), or both.

    A row that updates an existing unit has both; a new row only a line; an existing unit that
    is not in the file only an id.
    """

    ref: str
    line: int | None
    unit_id: int | None

    @property
    def key(self) -> tuple[int | None, int | None]:
        """The row and unit pointed to, to compare with a row's own."""
        return (self.line, self.unit_id)

    @property
    def node(self) -> tuple[str, int | None]:
        """The unit as a node of the combined file-and-database tree."""
        return ("line", self.line) if self.line is not None else ("id", self.unit_id)


@dataclass(frozen=True)
class Target:
    """Something a reference may point to."""

    name: str
    short_name: str
    code: str | None
    line: int | None
    unit_id: int | None


class Resolver:
    """Looks references up among the targets, in their order."""

    def __init__(self, targets: list[Target]) -> None:
        self.by_code: dict[str, Target] = {}
        self.by_name: dict[str, list[Target]] = {}
        for target in targets:
            if target.code:
                self.by_code.setdefault(fold(target.code), target)
            for name in {fold(target.name), fold(target.short_name)} - {""}:
                self.by_name.setdefault(name, []).append(target)

    def candidates(self, ref: str) -> list[Target]:
        """The target with this code, else every target with this name or short name."""
        key = fold(ref)
        if key in self.by_code:
            return [self.by_code[key]]
        return self.by_name.get(key, [])

    def find(self, ref: str, role: str, errors: list[str]) -> Link | None:
        """The one target of a reference, noting an error when there is none or several."""
        found = self.candidates(ref)
        if len(found) == 1:
            return Link(ref, found[0].line, found[0].unit_id)
        message = AMBIGUOUS if found else NOT_FOUND[role]
        errors.append(message.format(ref=ref, count=len(found)))
        return None

    def find_quietly(self, ref: str | None) -> Link | None:
        """The one target of a reference, or None."""
        found = self.candidates(ref) if ref else []
        return Link(ref or "", found[0].line, found[0].unit_id) if len(found) == 1 else None


def cycle_errors(
    parents: Mapping[Hashable, Hashable | None], names: Mapping[Hashable, str]
) -> dict[Hashable, str]:
    """An error for each node whose chain of parents leads back to it (not to itself alone)."""
    errors = {}
    for start in parents:
        path, node = [start], parents[start]
        while node is not None and node != start and node not in path:
            path.append(node)
            node = parents.get(node)
        if node == start and len(path) > 1:
            chain = " → ".join(names.get(n, "?") for n in [*path, start])
            errors[start] = f"Cấp trên tạo thành vòng lặp: {chain}."
    return errors
