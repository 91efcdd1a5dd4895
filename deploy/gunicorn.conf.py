"""Gunicorn settings for production: `gunicorn --config deploy/gunicorn.conf.py wsgi:app`.

Sync workers behind nginx on the same machine. Command-line options override these (the
tests bind another port with `--bind`)."""

from __future__ import annotations

import os

MIN_WORKERS = 2  # one worker busy with a slow export must not stall the site
MAX_WORKERS = 12  # each keeps its own feed cache and database pool; add machines beyond this


def cores() -> int:
    """The CPUs this process may run on (a container's or a cgroup's share, not the host's)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def default_workers(cpus: int) -> int:
    """Three workers per two cores, kept between MIN_WORKERS and MAX_WORKERS.

    Requests are short and mostly wait on the database, so a little more than one sync worker
    per core keeps the cores busy without the memory of 2 × cores + 1 workers."""
    return max(MIN_WORKERS, min(MAX_WORKERS, cpus * 3 // 2))


bind = "127.0.0.1:8000"  # nginx is the only client; nothing else may reach the app
worker_class = "sync"
workers = int(os.environ.get("WEB_CONCURRENCY") or default_workers(cores()))
preload_app = False  # each worker builds its own app, so no database connection is shared

timeout = 60  # a worker silent this long is killed (a plan import or export takes seconds)
graceful_timeout = 30  # on stop or reload, requests in flight get this long to finish

accesslog = None  # the app logs one JSON line per request itself (editorial/web/requestlog.py)
errorlog = "-"  # gunicorn's own messages on stderr, into the journal
loglevel = "info"
capture_output = False

# nginx on this machine is the only trusted proxy: its X-Forwarded-Proto tells gunicorn the
# request came over HTTPS (so url_for builds https links) ...
forwarded_allow_ips = "127.0.0.1,::1"
secure_scheme_headers = {"X-FORWARDED-PROTO": "https"}


def post_worker_init(worker) -> None:
    """... and its X-Forwarded-For gives the app the browser's address.

    Without it every request comes from 127.0.0.1, and the login throttle's per-address limit
    would count the whole province's failed logins as one office's. Only the last address is
    trusted: the one nginx itself appended."""
    from werkzeug.middleware.proxy_fix import ProxyFix

    worker.wsgi = ProxyFix(worker.wsgi, x_for=1)
