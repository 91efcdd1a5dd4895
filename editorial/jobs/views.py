"""Admin page of the scheduler: jobs, runs, the active instance, failures, the outbox."""

from __future__ import annotations

from flask import Blueprint, current_app, jsonify, request, url_for

from editorial.auth.rules import Role
from editorial.jobs import services
from editorial.jobs.health import report as health_report
from editorial.notifications import mail
from editorial.notifications.labels import MAIL_STATUS_LABELS
from editorial.web.attempt import attempt
from editorial.web.permissions import roles_required
from editorial.web.render import page_or_fragment

bp = Blueprint("jobs", __name__, url_prefix="/admin/scheduler")


@bp.get("/")
@roles_required(Role.ADMIN)
def index():
    """The scheduler's state at a glance."""
    return _page(resent=request.args.get("resent", type=int))


@bp.post("/mail/<int:mail_id>/resend")
@roles_required(Role.ADMIN)
def resend(mail_id: int):
    """Queue a failed (or held) mail again; the mail job sends it on its next run."""
    return attempt(lambda: mail.resend(mail_id), url_for("jobs.index", resent=mail_id),
                   lambda error, status: _page(status=status, error=error))


def _page(status: int = 200, error: str | None = None, resent: int | None = None):
    return page_or_fragment("jobs/index.html", "jobs/_overview.html", status=status,
                            view=services.overview(), smtp=mail.smtp_configured(current_app.config),
                            resendable=services.RESENDABLE, error=error, resent=resent,
                            status_labels=MAIL_STATUS_LABELS)


health = Blueprint("health", __name__)


@health.get("/healthz")
def healthz():
    """200 when the database answers at the migrations' head, 503 otherwise; JSON, no session."""
    healthy, body = health_report()
    body["status"] = "ok" if healthy else "unavailable"
    response = jsonify(body)
    response.status_code = 200 if healthy else 503
    response.headers["Cache-Control"] = "no-store"
    return response
