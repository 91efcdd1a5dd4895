"""The unit's registrations, the editors' month board, and each slot's negotiation panel."""

from __future__ import annotations

from collections.abc import Callable

from flask import Blueprint, Response, current_app, redirect, request, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_login import current_user, login_required

from editorial import clock
from editorial.auth.rules import Role
from editorial.calendar.grid import Month
from editorial.errors import NotAllowed
from editorial.extensions import db
from editorial.plans.labels import CHANNEL_LABELS, STATUS_LABELS
from editorial.plans.models import Slot
from editorial.plans.rules import Channel
from editorial.registrations import panel, queries, services, sheet
from editorial.registrations.forms import (
    DoneInput,
    ProposalInput,
    RegistrationInput,
    parse_message,
    parse_version,
)
from editorial.registrations.labels import KIND_LABELS, SAVED_NOTICES, STATE_LABELS
from editorial.units.settings import assignable_units, focal_name
from editorial.web.attempt import attempt
from editorial.web.params import shown_month
from editorial.web.permissions import roles_required
from editorial.web.render import page_or_fragment, wants_fragment

bp = Blueprint("registrations", __name__, url_prefix="/registrations")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
LABELS = {"state_labels": STATE_LABELS, "kind_labels": KIND_LABELS,
          "channel_labels": CHANNEL_LABELS, "status_labels": STATUS_LABELS}


@bp.get("")
@login_required
def index():
    """Đăng ký của đơn vị: the unit's open slots from last month to a year ahead, deadlines,
    days left; editors get the board."""
    if current_user.is_editor or current_user.is_viewer:
        return redirect(url_for("registrations.board"))
    cards = queries.unit_cards(current_user.unit_id, clock.today(), months_ahead=12)
    unread = queries.unread_slot_ids(current_user, [c.slot.id for c in cards])
    return page_or_fragment("registrations/index.html", "registrations/_unit_cards.html",
                            cards=cards, unread=unread, **LABELS)


@bp.get("/board")
@bp.get("/board/<int:year>/<int:month>")
@roles_required(Role.EDITOR, Role.VIEWER)
def board(year: int | None = None, month: int | None = None):
    """The month's registration board: counters per state, filters, a card per slot."""
    shown = shown_month(year, month) if year else Month.of(clock.today())
    filters = queries.BoardFilter.parse(request.args)
    return page_or_fragment(
        "registrations/board.html", "registrations/_board.html",
        board=queries.board(shown, filters), filters=filters, units=assignable_units(shown.year),
        channels=list(Channel), refresh=current_app.config.get("BOARD_REFRESH_SECONDS", 60),
        **LABELS)


@bp.get("/board/<int:year>/<int:month>.xlsx")
@roles_required(Role.EDITOR, Role.VIEWER)
def board_xlsx(year: int, month: int):
    """The month's board (with its filters) as an Excel workbook, in Vietnamese."""
    shown = shown_month(year, month)
    found = queries.board(shown, queries.BoardFilter.parse(request.args))
    with force_locale("vi"):
        body = sheet.board_xlsx(found, {c: str(w) for c, w in CHANNEL_LABELS.items()},
                                {s: str(w) for s, w in STATE_LABELS.items()})
    return Response(body, mimetype=XLSX, headers={
        "Content-Disposition": f"attachment; filename=dang-ky-{year}-{month:02d}.xlsx"})


@bp.get("/slots/<int:slot_id>")
@login_required
def show(slot_id: int):
    """A slot's negotiation: state, registration, thread, and the viewer's forms. Another
    unit's officer may not read it (drafts, staff and messages are the two parties')."""
    slot = services.load_slot(slot_id)
    if current_user.is_officer and services.side_of(current_user, slot) is None:
        raise NotAllowed(_("Đây là trao đổi của đơn vị khác với %(focal)s.", focal=focal_name()))
    built = panel.build(current_user, slot)
    built.notice = str(SAVED_NOTICES.get(request.args.get("saved", ""), ""))
    services.mark_read(current_user, slot_id, built.messages)
    db.session.commit()
    return _render(built)


def _render(built: panel.Panel, status: int = 200):
    return page_or_fragment("registrations/show.html", "registrations/_panel.html",
                            status=status, p=built, **LABELS)


def _act(slot_id: int, action: str, act: Callable[[Slot], object], saved: str = ""):
    """Run one action and commit; a refusal answers the panel with what the user typed; a save
    is confirmed on the panel (`saved`, a key of SAVED_NOTICES)."""
    slot = services.load_slot(slot_id)
    services.require_side(current_user, slot)  # who may act, before the form is read (403)

    return attempt(lambda: act(services.load_slot(slot_id, lock=True)),
                   lambda _done: _acted(slot_id, saved),
                   lambda message, _status: _render(panel.build(
                       current_user, services.load_slot(slot_id), request.form, action, message)))


def _acted(slot_id: int, saved: str = ""):
    """After an action: the slot's page, or for htmx its panel and an event for the list."""
    saved = saved if saved in SAVED_NOTICES else ""
    if not wants_fragment():
        return redirect(url_for("registrations.show", slot_id=slot_id, saved=saved or None),
                        code=303)
    built = panel.build(current_user, services.load_slot(slot_id))
    built.notice = str(SAVED_NOTICES.get(saved, ""))
    response = _render(built)
    response.headers["HX-Trigger"] = "slotChanged"
    return response


@bp.post("/slots/<int:slot_id>/register")
@login_required
def register(slot_id: int):
    """Save the registration as a draft, or submit it."""
    return _act(slot_id, "register", lambda slot: services.register(
        current_user, slot, RegistrationInput.parse(request.form)),
        saved=request.form.get("action", ""))


@bp.post("/slots/<int:slot_id>/counter")
@login_required
def counter(slot_id: int):
    """Answer the standing proposal with other values."""
    return _act(slot_id, "counter", lambda slot: services.counter(
        current_user, slot, ProposalInput.parse(request.form)))


@bp.post("/slots/<int:slot_id>/agree")
@login_required
def agree(slot_id: int):
    """Accept the standing proposal: agreed, locked."""
    return _act(slot_id, "agree", lambda slot: services.agree(
        current_user, slot, parse_version(request.form)))


@bp.post("/slots/<int:slot_id>/message")
@login_required
def message(slot_id: int):
    """A plain message in the thread."""
    return _act(slot_id, "message", lambda slot: services.post_message(
        current_user, slot, parse_message(request.form)))


@bp.post("/slots/<int:slot_id>/done")
@login_required
def done(slot_id: int):
    """Mark the slot done with its date and a link or note."""
    return _act(slot_id, "done", lambda slot: services.mark_done(
        current_user, slot, DoneInput.parse(request.form)))
