"""The busiest pages against a bare Flask endpoint returning the same bytes, in one run, and
the month page of Cần Thơ (the demo: 113 units, 12 of them given months) against the same city
with 300 more communes each given a slot every month (it should not grow with them).

Flask's test client on a throw-away SQLite database (or BENCH_DATABASE_URL); ~20 seconds.
"""

from __future__ import annotations

import re
import tempfile
from datetime import date
from pathlib import Path

from flask import Flask, Response

from bench.feeds import _app, _interleaved

GROWN = 300  # communes added to the city, each with a slot every month
PAGES = {"month grid": "/calendar/{y}/{m}", "registration board": "/registrations/board",
         "year plan": "/plans/{y}", "agenda": "/agenda"}


def _login(app: Flask, login: str):
    """A test client logged in through the real form (CSRF token included)."""
    client = app.test_client()
    html = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1)
    response = client.post("/login", data={"login": login, "password": "mttq2023",
                                            "csrf_token": token})
    assert response.status_code == 303, response.status
    return client


def _grow(app: Flask, units: int) -> None:
    """Add communes to the demo city, each given a slot of its plan's first column every month
    of this year."""
    from sqlalchemy import select

    from editorial import clock
    from editorial.extensions import db
    from editorial.plans.models import Plan, Slot
    from editorial.plans.rules import monthly_periods
    from editorial.units.models import Unit, UnitKind

    year = clock.today().year
    with app.app_context():
        city = db.session.scalar(select(Unit).where(Unit.code == "92"))
        plan = db.session.scalar(select(Plan).where(Plan.unit_id == city.id, Plan.year == year))
        for i in range(units):
            unit = Unit(name=f"Ủy ban MTTQ Việt Nam xã Đo {i}", kind=UnitKind.COMMUNE,
                        parent=city)
            db.session.add(unit)
            plan.columns[0].slots.extend(
                Slot(period_start=s, period_end=e, topic=f"Chủ đề {i}", assigned_unit=unit)
                for s, e in monthly_periods(year))
        db.session.commit()


def _bare(pages: dict[str, bytes]) -> Flask:
    bare = Flask("bare")

    @bare.get("/<name>")
    def page(name: str):
        return Response(pages[name], content_type="text/html; charset=utf-8")

    return bare


def measure() -> dict[str, float]:
    """Seconds per request: each page and its bare twin; the month page before and after the
    city grows by GROWN communes."""
    today = date.today()
    paths = {k: v.format(y=today.year, m=today.month) for k, v in PAGES.items()}
    with tempfile.TemporaryDirectory() as workdir:
        app = _app(Path(workdir))
        editor = _login(app, "ct.bientap")
        bodies = {name: editor.get(path).data for name, path in paths.items()}
        bare = _bare({str(i): b for i, b in enumerate(bodies.values())}).test_client()
        cases = {}
        for i, (name, path) in enumerate(paths.items()):
            cases[f"{name}, bare"] = lambda i=i: bare.get(f"/{i}")
            cases[name] = lambda path=path: editor.get(path)
        results = _interleaved(cases)
        small = results["month grid"]
        _grow(app, GROWN)
        results["month grid, grown"] = _interleaved({"m": lambda: editor.get(
            paths["month grid"])})["m"]
        results["month grid, demo"] = small
        return results


def main() -> None:
    """Print each page's time and its ratio to the bare endpoint with the same bytes."""
    results = measure()
    print("Page benchmark (Flask test client, editor logged in, median of rounds)")
    print(f"{'case':<30}{'µs/request':>12}{'× baseline':>12}")
    for name in PAGES:
        base = results[f"{name}, bare"]
        print(f"{name:<30}{results[name] * 1e6:>12.0f}{results[name] / base:>12.1f}")
    grow = results["month grid, grown"] / results["month grid, demo"]
    print(f"{f'month grid, +{GROWN} communes':<30}{results['month grid, grown'] * 1e6:>12.0f}"
          f"{grow:>12.2f}")
