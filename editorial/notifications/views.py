"""The notification centre (list, badge, mark as read) and each user's preferences."""

from __future__ import annotations

from flask import Blueprint, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from editorial import clock
from editorial.extensions import db
from editorial.notifications import labels, preferences, services
from editorial.notifications.forms import PreferencesForm
from editorial.web.render import page_or_fragment, wants_fragment

bp = Blueprint("notifications", __name__, url_prefix="/notifications")
CHANGED = {"HX-Trigger": "notifications-changed"}


@bp.get("/")
@login_required
def index():
    """The user's notifications, unread first."""
    return page_or_fragment("notifications/index.html", "notifications/_list.html",
                            notifications=services.inbox(current_user.id))


@bp.get("/badge")
@login_required
def badge():
    """The unread count in the navigation (htmx polls it)."""
    return render_template("notifications/_badge.html",
                           unread=services.unread_count(current_user.id))


@bp.post("/<int:notification_id>/read")
@login_required
def read(notification_id: int):
    """Mark one notification read; htmx gets the item back and the badge is told."""
    found = services.mark_read(current_user.id, notification_id, clock.now())
    db.session.commit()
    if not wants_fragment():
        return redirect(url_for("notifications.index"), code=303)
    return render_template("notifications/_item.html", n=found), 200, CHANGED


@bp.get("/<int:notification_id>/open")
@login_required
def open_(notification_id: int):
    """Follow a notification's link, marking it read on the way (a read receipt, idempotent)."""
    found = services.mark_read(current_user.id, notification_id, clock.now())
    db.session.commit()
    target = found.url if found.url.startswith("/") and not found.url.startswith("//") else "/"
    return redirect(target, code=303)


@bp.post("/read-all")
@login_required
def read_all():
    """Mark every notification read."""
    services.mark_all_read(current_user.id, clock.now())
    db.session.commit()
    if not wants_fragment():
        return redirect(url_for("notifications.index"), code=303)
    return index(), CHANGED


@bp.route("/preferences", methods=["GET", "POST"])
@login_required
def edit_preferences():
    """Which reminders the user gets, how many days ahead, and the address for mail."""
    if request.method == "GET":
        form = PreferencesForm.from_preferences(preferences.preferences_for(current_user.id))
        return _preferences_page(form)
    form = PreferencesForm.parse(request.form)
    if form.errors:
        return _preferences_page(form, status=422)
    preferences.save_preferences(current_user.id, form.choice())
    db.session.commit()
    return _preferences_page(form, saved=True)


def _preferences_page(form: PreferencesForm, status: int = 200, saved: bool = False):
    return page_or_fragment("notifications/preferences.html", "notifications/_preferences.html",
                            status=status, form=form, saved=saved,
                            kind_labels=labels.KIND_LABELS)
