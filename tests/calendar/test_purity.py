"""The pure rules stay pure: no web, no database, no app, no clock. That is the calendar package
(the event value included), every feature's `rules.py`, the iCal serializer and the readers of
imported files."""

import ast
from pathlib import Path

import editorial.calendar

PACKAGE = Path(editorial.calendar.__file__).resolve().parent
EDITORIAL = PACKAGE.parent
# Besides the calendar package: modules of ours a pure module may import.
PURE_OURS = ("editorial.text", "editorial.sheets")
OTHER_PURE = ("feeds/ical.py", "plans/recount.py", "plans/importing.py", "plans/clashes.py",
              "ops/codec.py", "units/importing.py", "units/importfile.py", "units/importlinks.py",
              "units/importvalues.py")
FORBIDDEN_ROOTS = ("flask", "sqlalchemy", "flask_sqlalchemy", "werkzeug")
CLOCK = {("datetime", "now"), ("datetime", "utcnow"), ("date", "today"), ("datetime", "today")}


def _forbidden_module(name: str) -> bool:
    root = name.split(".")[0]
    if root in FORBIDDEN_ROOTS or root.startswith("flask_"):
        return True
    return root == "editorial" and not (
        name == "editorial.calendar" or name.startswith("editorial.calendar.")
        or name in PURE_OURS or name.endswith(".rules") or _pure_path(name)
    )


def _pure_path(name: str) -> bool:
    """Whether an `editorial.…` module is one of the other pure modules."""
    return name.removeprefix("editorial.").replace(".", "/") + ".py" in OTHER_PURE


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


def test_every_rules_module_and_the_serializer_are_pure() -> None:
    modules = [*sorted(EDITORIAL.glob("*/rules.py")), *(EDITORIAL / m for m in OTHER_PURE)]
    assert len(modules) >= 15 and (EDITORIAL / "calendar/event.py").exists()
    found = {
        str(p.relative_to(EDITORIAL)): bad
        for p in modules
        if (bad := impurities(p.read_text(encoding="utf-8")))
    }
    assert found == {}
