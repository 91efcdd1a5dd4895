"""Tin, bài Trang TTĐT: the unit's month against the quota, sending items and announcing
events, Ban Biên tập's decisions, and the year's scoreboard (the emulation basis)."""

from __future__ import annotations

from collections.abc import Callable

from flask import Blueprint, Response, abort, request, url_for
from flask_login import current_user, login_required

from editorial import clock
from editorial.calendar.grid import SHOWN_YEARS
from editorial.extensions import db
from editorial.units.settings import quota_units
from editorial.web.attempt import attempt
from editorial.web.render import page_or_fragment
from editorial.website import export, pages, services
from editorial.website.forms import DecisionInput, EventInput, ItemInput
from editorial.website.models import WebEvent, WebItem
from editorial.website.rules import QUOTA

bp = Blueprint("website", __name__)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@bp.get("/website")
@login_required
def index():
    """The month's tin, bài against the quota; the forms; the decisions waiting."""
    return _page()


def _page(error: str = "", status: int = 200, failed: str = ""):
    overview = pages.overview(current_user, clock.today())
    return page_or_fragment("website/index.html", "website/index.html", status=status,
                            error=error, failed=failed, form=request.form,
                            units=[u for u, _q in quota_units(overview["today"].year)], **overview)


def _act(failed: str, action: Callable[[], object]):
    """Run one change; on bad input or a stale version show the page again with the reason
    (a conflict concerns the page as it now is: shown on top, not beside a form)."""
    return attempt(action, url_for("website.index"),
                   lambda error, status: _page(error, status, "" if status == 409 else failed))


@bp.post("/website/items")
@login_required
def submit():
    """A unit sends a tin or bài to Ban Biên tập."""
    services.check_can_send(current_user)
    return _act("item", lambda: services.submit_item(current_user,
                                                     ItemInput.parse(request.form)))


@bp.post("/website/events")
@login_required
def announce():
    """A unit announces an event it will send news about."""
    services.check_can_send(current_user)

    def action():
        data = EventInput.parse(request.form)
        services.announce_event(current_user, data.title, data.event_date, data.unit_id)

    return _act("event", action)


@bp.post("/website/events/<int:event_id>/withdraw")
@login_required
def withdraw(event_id: int):
    """The unit (or an editor) withdraws an event announced by mistake or with a wrong date."""
    event = db.get_or_404(WebEvent, event_id)
    return _act("event", lambda: services.withdraw_event(current_user, event))


@bp.post("/website/items/<int:item_id>/decide")
@login_required
def decide(item_id: int):
    """Ban Biên tập publishes an item on a day, or rejects it with a reason."""
    services.check_can_decide(current_user)
    item = db.get_or_404(WebItem, item_id)

    def action():
        data = DecisionInput.parse(request.form)
        services.decide(current_user, item, data.publish, data.published_on, data.note,
                        data.version)

    return _act(f"decision-{item_id}", action)


@bp.get("/website/scoreboard/<int:year>")
@login_required
def scoreboard(year: int):
    """Units × months of published tin/bài against the quota; printable."""
    if year not in SHOWN_YEARS:
        abort(404)
    return page_or_fragment("website/scoreboard.html", "website/scoreboard.html", year=year,
                            rows=services.scoreboard(year), quota=QUOTA, judged=_judged(year))


@bp.get("/website/scoreboard/<int:year>.xlsx")
@login_required
def scoreboard_xlsx(year: int):
    """The same table as an Excel workbook."""
    if year not in SHOWN_YEARS:
        abort(404)
    body = export.scoreboard_xlsx(year, services.scoreboard(year), _judged(year))
    return Response(body, mimetype=XLSX, headers={
        "Content-Disposition": f"attachment; filename=tin-bai-{year}.xlsx"})


def _judged(year: int) -> int:
    """How many months of the year are over (a month not over yet is not marked missed)."""
    today = clock.today()
    return 12 if year < today.year else today.month - 1 if year == today.year else 0
