"""One JSON line per request (id, user, route, status, time) and errors logged under the same
id the error page shows, so an officer's "Mã lỗi" finds the traceback in the journal.

Feed URLs carry a secret token in their path: the logged path has every `token` part masked."""

from __future__ import annotations

import json
import logging
import re
import sys
import time
import uuid

from flask import Flask, Response, g, has_request_context, request

LOGGER = "editorial.request"
_INCOMING_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
_MASK = "…"


def request_id() -> str:
    """This request's id: the proxy's X-Request-ID when well formed, else a new one."""
    if "request_id" not in g:
        incoming = request.headers.get("X-Request-ID", "")
        g.request_id = incoming if _INCOMING_ID.match(incoming) else uuid.uuid4().hex
    return g.request_id


def logged_path() -> str:
    """The request's path with any secret view argument (a feed's token) masked."""
    path = request.path
    for name, value in (request.view_args or {}).items():
        if name == "token" and value:
            path = path.replace(str(value), _MASK)
    return path


class RequestContext(logging.Filter):
    """Stamps a record, while its request is still current, with the request's id and path."""

    def filter(self, record: logging.LogRecord) -> bool:
        if has_request_context():
            record.request_id = request_id()
            record.paths = (request.path, logged_path())
        return True


class JsonFormatter(logging.Formatter):
    """A record as one JSON object: time, level, logger, message, the request's id, its fields."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {"time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
                 "level": record.levelname, "logger": record.name,
                 "message": record.getMessage()}
        if hasattr(record, "request_id"):
            real, masked = record.paths
            entry["request_id"] = record.request_id
            entry["message"] = entry["message"].replace(real, masked)
        entry.update(getattr(record, "fields", {}))
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def _install_handler(app: Flask) -> None:
    """The app's logger (and its "editorial.request" child) write JSON lines to stderr, once."""
    logger = logging.getLogger(app.import_name)
    if not any(isinstance(h.formatter, JsonFormatter) for h in logger.handlers):
        from flask.logging import default_handler

        logger.removeHandler(default_handler)
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(JsonFormatter())
        handler.addFilter(RequestContext())
        logger.addHandler(handler)
    logger.setLevel(app.config.get("LOG_LEVEL", "INFO"))


def register(app: Flask) -> None:
    """Give every request an id, answer it in X-Request-ID and log the request when done."""
    _install_handler(app)
    log = logging.getLogger(LOGGER)

    @app.before_request
    def start_clock():
        g.request_started = time.perf_counter()
        request_id()

    @app.after_request
    def log_request(response: Response) -> Response:
        response.headers["X-Request-ID"] = request_id()
        started = g.get("request_started", time.perf_counter())
        user = g.get("_login_user")
        fields = {"method": request.method, "path": logged_path(), "status": response.status_code,
                  "ms": round((time.perf_counter() - started) * 1000, 1),
                  "user_id": getattr(user, "id", None),
                  "route": request.url_rule.rule if request.url_rule else None}
        log.info("%s %s %s", request.method, fields["path"], response.status_code,
                 extra={"fields": fields})
        return response
