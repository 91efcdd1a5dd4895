"""The names behind the ids a page of audit entries mentions: slots, change requests, plans,
columns, users, units, events and items, each kind looked up in one query for the whole page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from flask import url_for
from flask_babel import gettext as _
from sqlalchemy import select

from editorial.auth.models import User
from editorial.changes.labels import KIND_LABELS as CHANGE_KIND_LABELS
from editorial.changes.models import ChangeRequest
from editorial.extensions import db
from editorial.plans.models import Plan, PlanColumn, Slot
from editorial.units.models import Unit
from editorial.website.models import WebEvent, WebItem


@dataclass(frozen=True)
class Link:
    """A name, with the page it opens when there is one."""

    text: str
    url: str = ""


def load(wanted: dict[str, set[int]]) -> dict[str, dict[int, Link]]:
    """The names of every id wanted, one query per kind (none for a kind nobody names)."""
    names: dict[str, dict[int, Link]] = {}
    for kind, loader in _LOADERS.items():
        ids = wanted.get(kind)
        names[kind] = loader(sorted(ids)) if ids else {}
    return names


def _month(day: date) -> str:
    return _("tháng %(m)s/%(y)s", m=day.month, y=day.year)


def _slots(ids: list[int]) -> dict[int, Link]:
    rows = db.session.execute(select(Slot.id, Slot.topic, Slot.final_title, Slot.period_start)
                              .where(Slot.id.in_(ids)))
    return {i: Link(f"{final or topic} – {_month(start)}", url_for("plans.slot", slot_id=i))
            for i, topic, final, start in rows}


def _requests(ids: list[int]) -> dict[int, Link]:
    rows = db.session.execute(
        select(ChangeRequest.id, ChangeRequest.kind, Slot.topic, Slot.final_title,
               Slot.period_start).join(Slot, Slot.id == ChangeRequest.slot_id)
        .where(ChangeRequest.id.in_(ids)))
    return {i: Link(f"{CHANGE_KIND_LABELS[kind]}: {final or topic} – {_month(start)}",
                    url_for("changes.show", request_id=i))
            for i, kind, topic, final, start in rows}


def _plans(ids: list[int]) -> dict[int, Link]:
    rows = db.session.execute(select(Plan.id, Plan.title, Plan.year).where(Plan.id.in_(ids)))
    return {i: Link(_("%(title)s (năm %(y)s)", title=title, y=year) if title
                    else _("Kế hoạch năm %(y)s", y=year), url_for("plans.year_plan", year=year))
            for i, title, year in rows}


def _columns(ids: list[int]) -> dict[int, Link]:
    rows = db.session.execute(select(PlanColumn.id, PlanColumn.name, Plan.year)
                              .join(Plan, Plan.id == PlanColumn.plan_id)
                              .where(PlanColumn.id.in_(ids)))
    return {i: Link(_("%(name)s (kế hoạch năm %(y)s)", name=name, y=year),
                    url_for("plans.year_plan", year=year)) for i, name, year in rows}


def _users(ids: list[int]) -> dict[int, Link]:
    rows = db.session.execute(select(User.id, User.name, User.login).where(User.id.in_(ids)))
    return {i: Link(f"{name} ({login})") for i, name, login in rows}


def _units(ids: list[int]) -> dict[int, Link]:
    rows = db.session.execute(select(Unit.id, Unit.short_name, Unit.name).where(Unit.id.in_(ids)))
    return {i: Link(short or name, url_for("calendar_views.unit", unit_id=i))
            for i, short, name in rows}


def _events(ids: list[int]) -> dict[int, Link]:
    rows = db.session.execute(select(WebEvent.id, WebEvent.title).where(WebEvent.id.in_(ids)))
    return {i: Link(title) for i, title in rows}


def _items(ids: list[int]) -> dict[int, Link]:
    rows = db.session.execute(select(WebItem.id, WebItem.title).where(WebItem.id.in_(ids)))
    return {i: Link(title) for i, title in rows}


_LOADERS = {"slots": _slots, "change_requests": _requests, "plans": _plans,
            "plan_columns": _columns, "users": _users, "units": _units, "web_events": _events,
            "web_items": _items}
