"""One helper renders the fragment for an htmx request and the full page otherwise."""

from __future__ import annotations

from typing import Any

from flask import Response, make_response, render_template

from editorial.extensions import htmx


def wants_fragment() -> bool:
    """An htmx request, but not a boosted one nor a history restore (those need the page)."""
    return bool(htmx) and not htmx.boosted and not htmx.history_restore_request


def page_or_fragment(page: str, fragment: str, status: int = 200, **context: Any) -> Response:
    """Render `fragment` for htmx, `page` (which includes the fragment) for everyone else."""
    template = fragment if wants_fragment() else page
    response = make_response(render_template(template, **context), status)
    response.vary.add("HX-Request")
    return response
