"""The month grid, the agenda and a unit's page: every source's events, as the feeds send them."""

from __future__ import annotations

from datetime import timedelta

from flask import Blueprint, request
from flask_login import current_user, login_required

from editorial import clock
from editorial.calendar.grid import grid_range, month_weeks
from editorial.events import sources
from editorial.extensions import db
from editorial.feeds import rules as feeds
from editorial.plans import labels
from editorial.plans import services as plans
from editorial.plans.forms import PlanFilter, parse_day
from editorial.units import settings
from editorial.units.labels import KIND_LABELS
from editorial.units.models import Unit
from editorial.web.params import shown_month
from editorial.web.render import page_or_fragment

bp = Blueprint("calendar_views", __name__)
AGENDA_DAYS = 30


@bp.get("/calendar")
@login_required
def home():
    """This month's calendar (the home page `/` is the role's dashboard)."""
    return month(clock.today().year, clock.today().month)


@bp.get("/calendar/<int:year>/<int:month>")
@login_required
def month(year: int, month: int):
    """The month grid: weeks from Monday, events on their days."""
    shown = shown_month(year, month)
    filters = PlanFilter.parse(request.args)
    first, last = grid_range(shown)
    unit_id = calendar_unit(filters)
    events = sources.of_channel(sources.unit_events(first, last, unit_id),
                                filters.channel and filters.channel.value)
    return page_or_fragment(
        "calendar_views/month.html", "calendar_views/_month.html", shown=shown,
        weeks=month_weeks(shown), days=sources.by_day(events, shown.first), filters=filters,
        units=_picker_units(shown.year, unit_id), shown_unit=unit_id,
        channel_labels=labels.CHANNEL_LABELS,
    )


@bp.get("/agenda")
@login_required
def agenda():
    """A list of what is coming, day by day, for phones; "more" loads the next days."""
    start = parse_day(request.args.get("from"), clock.today())
    filters = PlanFilter.parse(request.args)
    end = start + timedelta(days=AGENDA_DAYS - 1)
    events = sources.of_channel(sources.unit_events(start, end, calendar_unit(filters)),
                                filters.channel and filters.channel.value)
    return page_or_fragment(
        "calendar_views/agenda.html", "calendar_views/_agenda_days.html", start=start, end=end,
        days=sources.by_day(events, start), next_start=end + timedelta(days=1), filters=filters,
    )


def _picker_units(year: int, shown: int | None) -> list[Unit]:
    """The units of the filter, with the shown one even when it is given no months."""
    units = list(settings.assignable_units(year))
    if shown is not None and all(u.id != shown for u in units):
        found = db.session.get(Unit, shown)
        units = [found, *units] if found is not None else units
    return units


def calendar_unit(filters: PlanFilter) -> int | None:
    """Whose calendar the grid and the agenda show (None: every unit): the unit picked, else
    the user's own calendar, decided as their "me" feed is, so page and phone hold the same."""
    if filters.unit_id is not None or filters.all_units:
        return filters.unit_id
    return feeds.scope_filter("me", reads_all=current_user.reads_all,
                              own_unit_id=current_user.unit_id)


@bp.get("/units/<int:unit_id>")
@login_required
def unit(unit_id: int):
    """A unit's slots for the year (?year=, this year by default)."""
    found = db.get_or_404(Unit, unit_id)
    year = request.args.get("year", type=int) or clock.today().year
    if not 2000 <= year <= 2100:
        year = clock.today().year
    return page_or_fragment(
        "calendar_views/unit.html", "calendar_views/_unit_slots.html", unit=found, year=year,
        slots=plans.year_slots(year, unit_id=found.id), kind_labels=KIND_LABELS,
        status_labels=labels.STATUS_LABELS, channel_labels=labels.CHANNEL_LABELS,
        unit_label=plans.slot_unit_label)
