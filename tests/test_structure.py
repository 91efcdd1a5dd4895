"""The package map holds: one event seam, identity below the features, notifications a leaf,
and no import tucked inside a function to dodge a cycle (walked from the code's imports)."""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "editorial"
FEATURES = {"plans", "registrations", "changes", "observances", "website"}
ABOVE_FEATURES = {"events", "calendar_views", "reminders", "feeds", "dashboard", "jobs"}
IDENTITY = {"auth", "units"}
# The composition root imports its blueprints and commands lazily by design, not for cycles.
COMPOSITION_ROOT = {"editorial/__init__.py", "editorial/cli.py"}


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def _modules() -> dict[str, ast.Module]:
    return {_module_name(p): ast.parse(p.read_text(encoding="utf-8"))
            for p in ROOT.rglob("*.py")}


def _imported(node: ast.AST) -> list[str]:
    """The `editorial.…` modules an import statement names (a `from X import y` may import
    the submodule X.y)."""
    if isinstance(node, ast.Import):
        return [a.name for a in node.names if a.name.startswith("editorial")]
    if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("editorial"):
        found = [node.module]
        found += [f"{node.module}.{a.name}" for a in node.names
                  if f"{node.module}.{a.name}" in _modules()]
        return found
    return []


def _top_level_imports(tree: ast.Module) -> set[str]:
    """Imports run when the module loads (not those under `if TYPE_CHECKING:`)."""
    return {name for node in tree.body for name in _imported(node)}


def _function_imports(tree: ast.Module) -> list[tuple[int, str]]:
    """Imports of our modules inside functions."""
    found = []
    for func in ast.walk(tree):
        if isinstance(func, ast.FunctionDef | ast.AsyncFunctionDef):
            found += [(node.lineno, name) for node in ast.walk(func) for name in _imported(node)]
    return found


def _package(module: str) -> str:
    """The feature package of a module; "" for the base modules (editorial/*.py)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and (ROOT / parts[1]).is_dir() else ""


def _graph() -> dict[str, set[str]]:
    return {name: {m for m in _top_level_imports(tree) if m in _modules()}
            for name, tree in _modules().items()}


def _reachable(start: set[str], graph: dict[str, set[str]]) -> set[str]:
    seen, todo = set(), list(start)
    while todo:
        module = todo.pop()
        if module not in seen:
            seen.add(module)
            todo.extend(graph.get(module, ()))
    return seen


def _package_edges() -> set[tuple[str, str]]:
    return {(_package(a), _package(b)) for a, deps in _graph().items() for b in deps
            if _package(a) != _package(b)}


def test_the_walk_sees_the_imports_it_should():
    edges = _package_edges()
    assert ("events", "plans") in edges and ("calendar_views", "events") in edges
    assert ("reminders", "events") in edges and ("feeds", "events") in edges


def test_notifications_is_a_leaf():
    edges = _package_edges()
    assert {b for a, b in edges if a == "notifications"} <= {"auth", "units", "web", "", "calendar"}
    tied = {a for a, b in edges if b == "notifications"} & {b for a, b in edges
                                                           if a == "notifications"}
    assert tied == set()


def test_no_feature_reads_the_aggregator_or_the_views_above_it():
    wrong = sorted((a, b) for a, b in _package_edges() if a in FEATURES and b in ABOVE_FEATURES)
    assert wrong == []


def test_identity_imports_no_feature():
    graph = _graph()
    identity = {m for m in _modules() if _package(m) in IDENTITY}
    reached = {m for m in _reachable(identity, graph) if _package(m) in FEATURES | ABOVE_FEATURES}
    assert reached == set()


def test_no_import_hides_inside_a_function():
    found = {}
    for path in ROOT.rglob("*.py"):
        relative = str(path.relative_to(ROOT.parent))
        if relative not in COMPOSITION_ROOT:
            if imports := _function_imports(_modules()[_module_name(path)]):
                found[relative] = imports
    assert found == {}


def test_every_dated_feature_owns_its_event_source():
    for feature in ("plans", "observances", "changes", "website"):
        tree = _modules()[f"editorial.{feature}.events"]
        functions = {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}
        assert "events_between" in functions, feature
