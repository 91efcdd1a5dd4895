"""Each request acts inside the province of the user who makes it."""

from __future__ import annotations

from flask import Flask
from flask_login import current_user

from editorial.units import scope


def register(app: Flask) -> None:
    """Enter the logged-in user's province before every request."""

    @app.before_request
    def enter_province() -> None:
        if current_user.is_authenticated:
            scope.enter(current_user.unit.root_id)
