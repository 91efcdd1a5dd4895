"""Feed polls against a bare Flask endpoint that returns the same bytes, in one run.

Everything goes through Flask's test client (no sockets), on a throw-away SQLite database
with the demo province, or on BENCH_DATABASE_URL when set (e.g. a PostgreSQL database of
your own). Each measurement runs for a bounded time; the whole run takes ~15 seconds.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from flask import Flask, Response

SECONDS_EACH = 2.5
ROUNDS = 7


def _app(workdir: Path) -> Flask:
    """The real app on a fresh database, migrated, with the demo province loaded."""
    from flask_migrate import upgrade

    from editorial import clock, create_app
    from editorial.demo.services import load_demo
    from editorial.extensions import db

    url = os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{workdir / 'bench.sqlite3'}"
    app = create_app({"SQLALCHEMY_DATABASE_URI": url.replace(
        "postgresql://", "postgresql+psycopg://", 1), "SECRET_KEY": "bench-only"})
    with app.app_context():
        upgrade()
        load_demo(clock.today())
        db.session.commit()
    return app


def _feed_path(app: Flask, login: str) -> str:
    from sqlalchemy import select

    from editorial.auth.models import User
    from editorial.extensions import db
    from editorial.feeds import services

    with app.app_context():
        user = db.session.scalar(select(User).where(User.login == login))
        url = services.feed_url(user, "me")
        db.session.commit()
    return url.removeprefix(app.config["BASE_URL"])


def _bare(body: bytes) -> Flask:
    """The baseline: a Flask endpoint that only returns the bytes."""
    bare = Flask("bare")

    @bare.get("/feed.ics")
    def feed():
        return Response(body, content_type="text/calendar; charset=utf-8")

    return bare


def _interleaved(cases: dict[str, Callable[[], object]]) -> dict[str, float]:
    """Median seconds per call of each case; the cases take turns, so load drift hits all."""
    rounds: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(ROUNDS):
        for name, call in cases.items():
            count, start = 0, time.perf_counter()
            while (elapsed := time.perf_counter() - start) < SECONDS_EACH / ROUNDS:
                call()
                count += 1
            rounds[name].append(elapsed / count)
    return {name: statistics.median(times) for name, times in rounds.items()}


def measure() -> dict[str, float]:
    """Seconds per request for the bare endpoint, a cached poll, a 304 and a cold build."""
    with tempfile.TemporaryDirectory() as workdir:
        app = _app(Path(workdir))
        path = _feed_path(app, "ct.bientap")  # the editor's feed: the whole city
        client = app.test_client()
        first = client.get(path)
        assert first.status_code == 200, first.status
        etag = first.headers["ETag"]
        bare = _bare(first.data).test_client()

        def cold():
            app.extensions["feeds.cache"].clear()
            assert client.get(path).status_code == 200

        results = _interleaved({
            "bare endpoint, same bytes": lambda: bare.get("/feed.ics"),
            "feed poll, cached (200)": lambda: client.get(path),
            "feed poll, If-None-Match (304)": lambda: client.get(
                path, headers={"If-None-Match": etag}),
            "feed build, cache cleared (200)": cold,
        })
        results["bytes"] = len(first.data)
        return results


def main() -> None:
    """Print the timings and the ratios to the bare endpoint."""
    results = measure()
    size = int(results.pop("bytes"))
    base = results["bare endpoint, same bytes"]
    print(f"Feed benchmark (Flask test client, {size} bytes of iCalendar, median of {ROUNDS})")
    print(f"{'case':<34}{'µs/request':>12}{'× bare':>9}")
    for name, seconds in results.items():
        print(f"{name:<34}{seconds * 1e6:>12.0f}{seconds / base:>9.2f}")
