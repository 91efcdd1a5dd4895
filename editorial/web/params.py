"""Path values turned into the app's values, or a 404 for the ones no page has."""

from __future__ import annotations

from flask import abort

from editorial.calendar.grid import Month


def shown_month(year: int, month: int) -> Month:
    """The month of a `/…/<year>/<month>` path, or 404 outside the years pages show."""
    try:
        return Month.shown(year, month)
    except ValueError:
        abort(404)
