"""The home page: the officer's or the editor's view of the month."""

from __future__ import annotations

from flask import Blueprint
from flask_login import current_user, login_required

from editorial import clock
from editorial.dashboard import services
from editorial.dashboard.checklist import STANDING_LABELS
from editorial.plans.labels import CHANNEL_LABELS
from editorial.registrations.labels import STATE_LABELS
from editorial.web.render import page_or_fragment
from editorial.website.rules import QUOTA

bp = Blueprint("dashboard", __name__)


@bp.get("/")
@login_required
def home():
    """Officers see what their unit owes; editors, admins and viewers the month's summary."""
    labels = {"state_labels": STATE_LABELS, "channel_labels": CHANNEL_LABELS,
              "standing_labels": STANDING_LABELS}
    if current_user.is_officer:
        home = services.officer_home(current_user, clock.today())
        return page_or_fragment("dashboard/home.html", "dashboard/_officer.html", officer=home,
                                quota=QUOTA, **labels)
    home = services.editor_home(clock.today())
    return page_or_fragment("dashboard/home.html", "dashboard/_editor.html", editor=home,
                            **labels)
