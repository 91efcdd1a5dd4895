"""The current date and time in Asia/Ho_Chi_Minh; tests freeze it with the TODAY setting."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from flask import current_app, has_app_context

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def now() -> datetime:
    """The current instant, aware, in UTC, or the frozen NOW setting of a test app."""
    if has_app_context() and current_app.config.get("NOW"):
        return current_app.config["NOW"]
    return datetime.now(UTC)


def today() -> date:
    """Today in Vietnam, or the frozen TODAY setting of a test app."""
    if has_app_context() and current_app.config.get("TODAY"):
        return current_app.config["TODAY"]
    return datetime.now(VN).date()
