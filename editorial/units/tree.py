"""The unit tree drawn by parent: depth-first order with each unit's depth.

Pure: no web, no database. Works on anything with an id, a parent id and a sort key, so the
same order serves the unit list, the admin pickers, the feed scope picker and the CLI."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import TypeVar

T = TypeVar("T")


def depth_first(items: Iterable[T], id_of: Callable[[T], Hashable],
                parent_of: Callable[[T], Hashable | None],
                key: Callable[[T], object] = lambda _item: 0) -> list[tuple[T, int]]:
    """Each item followed by its children (siblings by `key`), with its depth (roots: 0).

    An item whose parent is not among the items (outside the province shown) counts as a
    root; an item caught in a cycle of parents is still listed once, after the others."""
    items = list(items)
    ids = {id_of(item) for item in items}
    children: dict[Hashable | None, list[T]] = {}
    for item in items:
        parent = parent_of(item)
        children.setdefault(parent if parent in ids else None, []).append(item)
    for siblings in children.values():
        siblings.sort(key=key)
    ordered: list[tuple[T, int]] = []
    seen: set[Hashable] = set()
    stack = [(item, 0) for item in reversed(children.get(None, []))]
    while stack:  # iterative, so a deep tree cannot exhaust the recursion limit
        item, depth = stack.pop()
        if id_of(item) in seen:
            continue
        seen.add(id_of(item))
        ordered.append((item, depth))
        stack += [(child, depth + 1) for child in reversed(children.get(id_of(item), []))]
    ordered += [(item, 0) for item in items if id_of(item) not in seen]
    return ordered

