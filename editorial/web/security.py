"""The security headers of every answer: a Content-Security-Policy that allows no inline script
or style and no framing, and the browser's other protections. CSP_REPORT_ONLY=1 sends the policy
as report-only, for an operator trying a change; CSP_REPORT_URI adds where reports go."""

from __future__ import annotations

from flask import Flask, Response, current_app, request

POLICY = (
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
)

HEADERS = {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    # Feed addresses carry their token in the path: never hand a full URL to another site.
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
}


def policy(report_uri: str | None = None) -> str:
    """The Content-Security-Policy header's value."""
    parts = list(POLICY)
    if report_uri:
        parts.append(f"report-uri {report_uri}")
    return "; ".join(parts)


def _secure(response: Response) -> Response:
    config = current_app.config
    name = ("Content-Security-Policy-Report-Only" if config.get("CSP_REPORT_ONLY")
            else "Content-Security-Policy")
    response.headers.setdefault(name, policy(config.get("CSP_REPORT_URI")))
    for header, value in HEADERS.items():
        response.headers.setdefault(header, value)
    if request.is_secure:
        response.headers.setdefault("Strict-Transport-Security", "max-age=31536000")
    return response


def register(app: Flask) -> None:
    """Send the headers on every answer, pages, fragments, files, feeds and errors alike."""
    app.after_request(_secure)
