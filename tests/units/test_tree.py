"""The unit tree drawn by parent: depth-first, siblings by position, whatever the rows' order."""

from __future__ import annotations

from dataclasses import dataclass

from editorial.units.tree import depth_first


@dataclass(frozen=True)
class Node:
    id: int
    parent_id: int | None
    position: int = 0


def _order(nodes: list[Node]) -> list[tuple[int, int]]:
    tree = depth_first(nodes, lambda n: n.id, lambda n: n.parent_id,
                       key=lambda n: (n.position, n.id))
    return [(node.id, depth) for node, depth in tree]


def test_children_come_right_after_their_parent_whatever_the_positions() -> None:
    # Positions count among siblings only: a flat sort by position would interleave them.
    nodes = [Node(4, 2, 0), Node(1, None, 0), Node(3, 1, 1), Node(2, 1, 0), Node(5, 3, 0)]
    assert _order(nodes) == [(1, 0), (2, 1), (4, 2), (3, 1), (5, 2)]


def test_several_roots_and_units_whose_parent_is_not_shown() -> None:
    nodes = [Node(10, None, 1), Node(11, 10), Node(20, None, 0), Node(30, 99)]
    assert _order(nodes) == [(20, 0), (30, 0), (10, 0), (11, 1)]


def test_a_cycle_of_parents_lists_each_unit_once() -> None:
    nodes = [Node(1, None), Node(2, 3), Node(3, 2)]
    assert sorted(_order(nodes)) == [(1, 0), (2, 0), (3, 0)]


def test_a_deep_tree_needs_no_recursion() -> None:
    nodes = [Node(1, None)] + [Node(i, i - 1) for i in range(2, 3000)]
    assert _order(nodes)[-1] == (2999, 2998)
