"""Static file URLs carry a hash of the file (`/static/css/app.css?v=3f2a…`), so a proxy may
let browsers cache them for a year: a release that changes a file changes its URL."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path
from typing import Any

from flask import Flask


@lru_cache(maxsize=256)
def _digest(path: Path, mtime_ns: int) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def version(static_folder: str, filename: str) -> str | None:
    """A short hash of the file's bytes, or None when there is no such file."""
    path = Path(static_folder) / filename
    try:
        return _digest(path, path.stat().st_mtime_ns)
    except OSError:
        return None


def register(app: Flask) -> None:
    """Add `v=<hash>` to every url_for('static', …) that does not set one."""

    @app.url_defaults
    def _static_version(endpoint: str, values: dict[str, Any]) -> None:
        if endpoint == "static" and "v" not in values and app.static_folder:
            stamp = version(app.static_folder, str(values.get("filename", "")))
            if stamp:
                values["v"] = stamp
