"""The calendar package stays pure: no web, no database, no app, no clock."""

import ast
from pathlib import Path

import editorial.calendar

PACKAGE = Path(editorial.calendar.__file__).resolve().parent
FORBIDDEN_ROOTS = ("flask", "sqlalchemy", "flask_sqlalchemy", "werkzeug")
CLOCK = {("datetime", "now"), ("datetime", "utcnow"), ("date", "today"), ("datetime", "today")}


def _forbidden_module(name: str) -> bool:
    root = name.split(".")[0]
    if root in FORBIDDEN_ROOTS or root.startswith("flask_"):
        return True
    return root == "editorial" and not (
        name == "editorial.calendar" or name.startswith("editorial.calendar.")
    )


def impurities(source: str) -> list[str]:
    """What a module's source does that the calendar package must not."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names if _forbidden_module(a.name)]
        elif isinstance(node, ast.ImportFrom):
            if node.level > 1:
                found.append("." * node.level + (node.module or ""))
            elif node.level == 0 and _forbidden_module(node.module or ""):
                found.append(node.module or "")
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            if (node.value.id, node.attr) in CLOCK:
                found.append(f"{node.value.id}.{node.attr}()")
    return found


def test_the_checker_catches_what_it_should() -> None:
    bad = (
        "import flask\nimport flask_login\nfrom sqlalchemy.orm import Session\n"
        "from editorial.plans import models\nimport editorial.web\nfrom .. import x\n"
        "from datetime import date\ntoday = date.today()\n"
    )
    assert impurities(bad) == [
        "flask", "flask_login", "sqlalchemy.orm", "editorial.plans", "editorial.web", "..",
        "date.today()",
    ]  # fmt: skip
    good = (
        "import calendar\nfrom editorial.calendar.lunar import tet\nimport editorial.calendar\n"
        "from . import lunar\nimport holidays\n"
    )
    assert impurities(good) == []


def test_every_module_is_pure() -> None:
    modules = sorted(PACKAGE.rglob("*.py"))
    assert len(modules) >= 8
    found = {
        str(p.relative_to(PACKAGE)): bad
        for p in modules
        if (bad := impurities(p.read_text(encoding="utf-8")))
    }
    assert found == {}
