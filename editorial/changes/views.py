"""Change requests: file one on a slot, the approval queue, a request's page, the steps;
editors' direct edits and the month grid's drag-and-drop move."""

from __future__ import annotations

from flask import Blueprint, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from editorial.auth.rules import Role
from editorial.changes import forms, labels, queries, services
from editorial.changes.forms import ChangeInput, EditInput, parse_version
from editorial.changes.rules import Step
from editorial.errors import NotAllowed, NotFound, RuleViolation
from editorial.extensions import db
from editorial.plans.forms import parse_day
from editorial.plans.models import Slot
from editorial.units.settings import assignable_units
from editorial.web.attempt import attempt
from editorial.web.permissions import roles_required
from editorial.web.render import page_or_fragment

bp = Blueprint("changes", __name__)
LABELS = {"state_labels": labels.STATE_LABELS, "kind_labels": labels.KIND_LABELS}


@bp.get("/changes")
@login_required
def index():
    """The approval queue (editors) or the unit's requests (officers)."""
    items = queries.queue(current_user, show_closed=request.args.get("all") == "1")
    return page_or_fragment("changes/index.html", "changes/_queue.html", items=items, **LABELS)


@bp.get("/changes/badge")
@login_required
def badge():
    """The navigation badge: requests waiting for an editor."""
    count = services.open_count() if current_user.is_editor else 0
    return page_or_fragment("changes/_badge.html", "changes/_badge.html", count=count)


@bp.get("/changes/<int:request_id>")
@login_required
def show(request_id: int):
    """One request: before → after, the reason, the slot's history, the allowed steps."""
    change = services.load(request_id)
    if not services.can_see(current_user, change):
        raise NotAllowed(_("Yêu cầu này là của đơn vị khác."))
    return _request_page(change)


def _request_page(change, error: str = "", status: int = 200):
    return page_or_fragment(
        "changes/show.html", "changes/_request.html", status=status, change=change,
        slot=change.slot, diff=queries.readable_diff(change),
        conflicts=queries.conflicting(change),
        steps=services.allowed_steps(current_user, change),
        history=queries.history(change, current_user),
        error=error, **LABELS)


@bp.post("/changes/<int:request_id>/<step>")
@roles_required(Role.OFFICER, Role.EDITOR)  # viewers decide nothing, whatever the form holds
def step(request_id: int, step: str):
    """Consent, decline, approve, reject or withdraw."""
    if step not in Step.__members__.values():
        raise NotFound(_("Bước không hợp lệ."))
    change = services.load(request_id)
    if not services.can_see(current_user, change):  # before anything that redraws the page
        raise NotAllowed(_("Yêu cầu này là của đơn vị khác."))
    return attempt(
        lambda: services.take_step(current_user, change, Step(step),
                                   parse_version(request.form.get("version")),
                                   " ".join(request.form.get("note", "").split())[:1000]),
        lambda _done: _decided(change),
        lambda error, status: _request_page(services.load(request_id), error, status),
        stale=_("Yêu cầu này vừa được người khác xử lý; trạng thái hiện tại ở dưới đây."))


def _decided(change):
    """The request page after a step, announcing it to the badge and the queue."""
    response = _request_page(change)
    response.headers["HX-Trigger"] = "changeDecided"
    return response


@bp.get("/slots/<int:slot_id>/changes")
@login_required
def slot_changes(slot_id: int):
    """A slot's change requests, the form to file one, and the editors' direct edit."""
    return _slot_page(db.get_or_404(Slot, slot_id))


@bp.get("/slots/<int:slot_id>/changes/form")
@login_required
def request_form(slot_id: int):
    """The change-request form drawn for one kind (htmx redraws it when the kind changes)."""
    slot = db.get_or_404(Slot, slot_id)
    if not (current_user.is_officer and slot.assigned_unit_id == current_user.unit_id):
        raise NotAllowed(_("Chỉ cán bộ của đơn vị phụ trách mới gửi yêu cầu thay đổi."))
    return _slot_page(slot, fragment="changes/_file_form.html")


def _slot_page(slot: Slot, change_error: str = "", edit_error: str = "", status: int = 200,
               fragment: str = "changes/slot.html"):
    form = request.form if request.method == "POST" else request.args  # ?kind=…&reason=…
    return page_or_fragment(
        "changes/slot.html", fragment, status=status, slot=slot,
        requests=[r for r in queries.slot_requests(slot.id) if services.can_see(current_user, r)],
        candidates=queries.swap_candidates(slot), kind=forms.chosen_kind(form),
        units=assignable_units(), history=queries.slot_history(slot, current_user),
        change_error=change_error, edit_error=edit_error, form=form, **LABELS)


@bp.post("/slots/<int:slot_id>/changes")
@roles_required(Role.OFFICER, Role.EDITOR)
def file(slot_id: int):
    """An officer files a change request on their unit's slot."""
    slot = db.get_or_404(Slot, slot_id)
    return attempt(
        lambda: services.file_request(current_user, slot, ChangeInput.parse(request.form)),
        lambda change: redirect(url_for("changes.show", request_id=change.id), code=303),
        lambda error, status: _slot_page(slot, change_error=error, status=status))


@bp.post("/slots/<int:slot_id>/edit")
@roles_required(Role.EDITOR)  # before the form is read
def edit(slot_id: int):
    """An editor edits the plan directly (topic, unit, dates), checked against the version."""
    slot = db.get_or_404(Slot, slot_id)
    return attempt(
        lambda: services.direct_edit(current_user, slot, EditInput.parse(request.form),
                                     parse_version(request.form.get("version"))),
        url_for("changes.slot_changes", slot_id=slot_id),
        lambda error, status: _slot_page(db.session.get(Slot, slot_id), edit_error=error,
                                         status=status))


@bp.post("/slots/<int:slot_id>/move")
@roles_required(Role.EDITOR)  # before the form is read
def move(slot_id: int):
    """Drag-and-drop in the month grid: move one of the slot's dates to another day."""
    slot = db.get_or_404(Slot, slot_id)
    day = parse_day(request.form.get("day"), None)
    if day is None:
        raise RuleViolation(_("Hãy chọn ngày mới."))
    services.move_date(current_user, slot, request.form.get("field", ""), day,
                       parse_version(request.form.get("version")))
    db.session.commit()
    return "", 204, {"HX-Trigger": "slotMoved"}
