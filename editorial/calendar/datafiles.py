"""Reading the TOML files shipped in `editorial/calendar/data/`."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent / "data"


def read_toml(name: str, path: str | Path | None = None) -> dict[str, Any]:
    """Parse a shipped data file by name, or the TOML file at `path` when given."""
    source = Path(path) if path is not None else DATA_DIR / name
    return tomllib.loads(source.read_text(encoding="utf-8"))
