"""Settings: safe defaults for the embedded run, then environment variables, then overrides."""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from pathlib import Path
from typing import Any

DEFAULTS: dict[str, Any] = {
    "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SAMESITE": "Lax",
    "SESSION_COOKIE_SECURE": False,
    "REMEMBER_COOKIE_HTTPONLY": True,
    "REMEMBER_COOKIE_SAMESITE": "Lax",
    "PERMANENT_SESSION_LIFETIME": 60 * 60 * 12,
    "WTF_CSRF_TIME_LIMIT": None,
    "BABEL_DEFAULT_LOCALE": "vi",
    "BABEL_DEFAULT_TIMEZONE": "Asia/Ho_Chi_Minh",
    "LANGUAGES": ("vi", "en"),
    "TIMEZONE": "Asia/Ho_Chi_Minh",
    "BASE_URL": "http://127.0.0.1:5000",
    "SCHEDULER_LEASE_SECONDS": 60,
    "SCHEDULER_SWEEP_SECONDS": 120,
    "NOTIFY_DIGEST_MINUTES": 5,
    "LOG_LEVEL": "INFO",
}

# Environment variables read as settings (name → parser).
ENVIRONMENT: dict[str, Any] = {
    "SECRET_KEY": str,
    "FEED_SECRET_KEY": str,
    "BASE_URL": str,
    "SESSION_COOKIE_SECURE": lambda v: v.lower() in {"1", "true", "yes"},
    "MAIL_SERVER": str,
    "MAIL_PORT": int,
    "MAIL_USERNAME": str,
    "MAIL_PASSWORD": str,
    "MAIL_FROM": str,
    "SCHEDULER_LEASE_SECONDS": float,
    "SCHEDULER_SWEEP_SECONDS": int,
    "NOTIFY_DIGEST_MINUTES": float,
    "CSP_REPORT_ONLY": lambda v: v.lower() in {"1", "true", "yes"},
    "CSP_REPORT_URI": str,
    "LOG_LEVEL": str.upper,
    "UPLOAD_FOLDER": str,
}


def database_url(instance_path: str) -> str:
    """DATABASE_URL, normalised for SQLAlchemy, or the embedded SQLite file."""
    url = os.environ.get("DATABASE_URL", "")
    if not url:
        return f"sqlite:///{Path(instance_path) / 'editorial.sqlite3'}"
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url.removeprefix(prefix)
    return url


def instance_secret_key(instance_path: str) -> str:
    """A secret key kept in instance/secret_key, generated on first use."""
    path = Path(instance_path) / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(48))
        path.chmod(0o600)
    return path.read_text().strip()


def load(instance_path: str, overrides: Mapping[str, Any] | None) -> dict[str, Any]:
    """Defaults, then the environment, then the caller's overrides (tests)."""
    settings = dict(DEFAULTS)
    for name, parse in ENVIRONMENT.items():
        if os.environ.get(name):
            settings[name] = parse(os.environ[name])
    settings.update(overrides or {})
    # Uploaded files (photos) live here; `flask backup` carries the folder.
    settings.setdefault("UPLOAD_FOLDER", str(Path(instance_path) / "uploads"))
    if "SQLALCHEMY_DATABASE_URI" not in settings:
        settings["SQLALCHEMY_DATABASE_URI"] = database_url(instance_path)
    if not settings.get("SECRET_KEY"):
        settings["SECRET_KEY"] = instance_secret_key(instance_path)
    return settings
